package com.ipledge.service.bureau;

import com.ipledge.service.pages.PageLocales;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * What the bureau pages share: language, CSRF token, rendering and headers. It follows the SME form's rules
 * ({@code pages.PageLocales}, {@code pages.CsrfTokens}, {@code pages.PageResponses}) and their cookie names and
 * secret, so that a language chosen on one page holds on the other; those classes are package-private to
 * {@code pages}, so the few lines are repeated here rather than called (see the report of issue 8).
 *
 * <p>The dashboard needs its own script ({@code /bureau/bureau.js}, ECharts) and fetches, so its
 * Content-Security-Policy adds {@code script-src 'self'} and {@code connect-src 'self'} to the form's policy;
 * there is still no inline script and no inline style.
 */
@Singleton
public class BureauPages {
    static final Locale ZH = PageLocales.ZH;
    static final Locale EN = PageLocales.EN;
    static final String CSRF_COOKIE = "ipledge_bureau_csrf";
    static final String CSRF_FIELD = "csrfToken";
    static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final TemplateEngine engine;
    private final MessageSource messages;
    private final byte[] key;

    public BureauPages(TemplateEngine engine, MessageSource messages,
                       @Value("${ipledge.pages.csrf-secret:}") String secret) {
        this.engine = engine;
        this.messages = messages;
        if (secret == null || secret.isBlank()) {
            this.key = new byte[32];
            RANDOM.nextBytes(key); // pages.CsrfTokens already warns about the missing secret
        } else {
            this.key = ("bureau:" + secret).getBytes(StandardCharsets.UTF_8);
        }
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

    /**
     * The signed double-submit token of the sign-in and sign-out forms: the cookie holds a random id and its
     * HMAC, the form a second HMAC of the id. Returns the form token and, when the browser had no valid cookie,
     * the new cookie to set.
     */
    record Csrf(String formToken, @Nullable Cookie newCookie) {
    }

    Csrf csrf(HttpRequest<?> request, boolean secure) {
        Optional<String> cookie = validCsrfCookie(request);
        if (cookie.isPresent()) {
            return new Csrf(formToken(cookie.get()), null);
        }
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        String random = B64.encodeToString(id);
        String value = random + "." + hmac("cookie:" + random);
        return new Csrf(formToken(value), Cookie.of(CSRF_COOKIE, value).path(WebSessions.PATH).httpOnly(true)
                .sameSite(SameSite.Strict).secure(secure));
    }

    boolean csrfAccepts(HttpRequest<?> request, @Nullable String formToken) {
        if (formToken == null) {
            return false;
        }
        return validCsrfCookie(request).map(c -> MessageDigest.isEqual(
                formToken(c).getBytes(StandardCharsets.US_ASCII), formToken.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private Optional<String> validCsrfCookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(CSRF_COOKIE).map(Cookie::getValue).filter(value -> {
            int dot = value.indexOf('.');
            if (dot <= 0 || value.length() > 200) {
                return false;
            }
            return MessageDigest.isEqual(hmac("cookie:" + value.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                    value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        });
    }

    private String formToken(String cookieValue) {
        return hmac("form:" + cookieValue.substring(0, cookieValue.indexOf('.')));
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
