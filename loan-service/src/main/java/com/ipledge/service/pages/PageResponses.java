package com.ipledge.service.pages;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the pages' Thymeleaf templates in the page's language and answers them with the headers every page
 * carries: a Content-Security-Policy without inline script (the pages have no script at all), no framing, no
 * sniffing, no caching (pages hold form tokens) and no referrer to other sites (a status URL holds the applicant's
 * token). "same-origin" rather than "no-referrer": with the latter Chrome posts the form with "Origin: null",
 * which the server refuses.
 */
@Singleton
class PageResponses {
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final TemplateEngine engine;
    private final MessageSource messages;

    PageResponses(TemplateEngine engine, MessageSource messages) {
        this.engine = engine;
        this.messages = messages;
    }

    /** A page from {@code views/<template>.html}. */
    MutableHttpResponse<String> page(HttpStatus status, String template, Locale locale, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("lang", PageLocales.tag(locale));
        variables.put("otherLang", PageLocales.tag(PageLocales.other(locale)));
        String html = engine.process(template, new Context(locale, variables));
        return secured(HttpResponse.<String>status(status).body(html), MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Content-Language", PageLocales.tag(locale));
    }

    /** A short page that says what went wrong, for answers that are not the form itself (403, 404, 413, ...). */
    MutableHttpResponse<String> problem(HttpStatus status, Locale locale, String messageKey) {
        return page(status, "apply/problem", locale, Map.of("message", message(messageKey, locale)));
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

    /** Whether the request came over TLS, directly or through a proxy that says so: cookies are then Secure. */
    static boolean secure(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
