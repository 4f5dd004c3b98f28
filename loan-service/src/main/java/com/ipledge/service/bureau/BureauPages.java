package com.ipledge.service.bureau;

import com.ipledge.service.pages.CsrfTokens;
import com.ipledge.service.pages.CsrfTokensFactory;
import com.ipledge.service.pages.PageLocales;
import com.ipledge.service.pages.PageResponses;
import com.ipledge.service.pages.PageResponsesFactory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;

/**
 * What the bureau pages share: language, CSRF token, rendering and headers. Language and CSRF are the SME form's
 * ({@code pages.PageLocales}, {@code pages.CsrfTokens}), so a language chosen on one page holds on the other; the
 * CSRF tokens have the bureau's own cookie, path and key. Rendering and headers are {@code pages.PageResponses}
 * with the bureau's Content-Security-Policy (see {@code PageResponsesFactory}).
 */
@Singleton
public class BureauPages {
    static final Locale ZH = PageLocales.ZH;
    static final Locale EN = PageLocales.EN;
    static final String CSRF_FIELD = CsrfTokens.FIELD;
    private final PageResponses responses;
    private final CsrfTokens csrf;

    public BureauPages(@Named(PageResponsesFactory.BUREAU) PageResponses responses,
                       @Named(CsrfTokensFactory.BUREAU) CsrfTokens csrf) {
        this.responses = responses;
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
        return responses.page(status, template, locale, model);
    }

    MutableHttpResponse<String> problem(HttpStatus status, Locale locale, String messageKey, Object... args) {
        return responses.problem(status, locale, messageKey, args);
    }

    String message(String key, Locale locale, Object... args) {
        return responses.message(key, locale, args);
    }

    /** Any answer of the bureau pages with their headers (see {@code PageResponsesFactory} for the CSP). */
    <T> MutableHttpResponse<T> secured(MutableHttpResponse<T> response, String contentType) {
        return responses.secured(response, contentType);
    }
}
