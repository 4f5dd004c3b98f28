package com.ipledge.service.bureau;

import com.ipledge.service.pages.CsrfTokens;
import com.ipledge.service.pages.CsrfTokensFactory;
import com.ipledge.service.pages.PageLocales;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * What the bureau pages share: language, CSRF token, rendering and headers. Language and CSRF are the SME form's
 * ({@code pages.PageLocales}, {@code pages.CsrfTokens}), so a language chosen on one page holds on the other; the
 * CSRF tokens have the bureau's own cookie, path and key.
 *
 * <p>The dashboard needs its own script ({@code /bureau/bureau.js}, ECharts) and fetches, so its
 * Content-Security-Policy adds {@code script-src 'self'} and {@code connect-src 'self'} to the form's policy;
 * there is still no inline script and no inline style.
 */
@Singleton
public class BureauPages {
    static final Locale ZH = PageLocales.ZH;
    static final Locale EN = PageLocales.EN;
    static final String CSRF_FIELD = CsrfTokens.FIELD;
    static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final TemplateEngine engine;
    private final MessageSource messages;
    private final CsrfTokens csrf;

    public BureauPages(TemplateEngine engine, MessageSource messages,
                       @Named(CsrfTokensFactory.BUREAU) CsrfTokens csrf) {
        this.engine = engine;
        this.messages = messages;
        this.csrf = csrf;
    }

    // ------------------------------------------------------------------------------------------------ language

    /** The same language rules and cookie as the SME form ({@link PageLocales}). */
    Locale locale(HttpRequest<?> request, @Nullable String lang) {
        return PageLocales.resolve(request, lang);
    }

    /** Keeps an explicit choice in the site-wide language cookie. */
    <T> MutableHttpResponse<T> sticky(MutableHttpResponse<T> response, HttpRequest<?> request,
                                      @Nullable String lang, boolean secure) {
        PageLocales.stickyCookie(lang, secure).ifPresent(response::cookie);
        return response;
    }

    static String tag(Locale locale) {
        return PageLocales.tag(locale);
    }

    static Locale other(Locale locale) {
        return PageLocales.other(locale);
    }

    // ---------------------------------------------------------------------------------------------------- CSRF

    /** The sign-in and sign-out forms' token (the bureau's own cookie, path and key). */
    CsrfTokens.Issued csrf(HttpRequest<?> request, boolean secure) {
        return csrf.issue(request, secure);
    }

    boolean csrfAccepts(HttpRequest<?> request, @Nullable String formToken) {
        return csrf.accepts(request, formToken);
    }

    // ------------------------------------------------------------------------------------------------ rendering

    MutableHttpResponse<String> page(HttpStatus status, String template, Locale locale, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("lang", tag(locale));
        variables.put("otherLang", tag(other(locale)));
        String html = engine.process(template, new Context(locale, variables));
        return secured(HttpResponse.<String>status(status).body(html), MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Content-Language", tag(locale));
    }

    MutableHttpResponse<String> problem(HttpStatus status, Locale locale, String messageKey) {
        return page(status, "bureau/problem", locale, Map.of("message", message(messageKey, locale)));
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, locale, args).orElse(key);
    }

    static <T> MutableHttpResponse<T> secured(MutableHttpResponse<T> response, String contentType) {
        return response.contentType(contentType)
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
    }
}
