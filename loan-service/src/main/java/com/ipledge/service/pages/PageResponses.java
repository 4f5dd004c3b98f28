package com.ipledge.service.pages;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.core.io.ResourceResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the pages' Thymeleaf templates in the page's language and answers them with the headers every page
 * carries: a Content-Security-Policy without inline script (scripts only from the site itself), no framing, no
 * sniffing, no caching (pages hold form tokens) and no referrer to other sites (a status URL holds the applicant's
 * token). "same-origin" rather than "no-referrer": with the latter Chrome posts the form with "Origin: null",
 * which the server refuses.
 */
public final class PageResponses {
    private final TemplateEngine engine;
    private final MessageSource messages;
    private final String contentSecurityPolicy;
    private final String problemTemplate;

    /** One family of pages (see {@link PageResponsesFactory}): its CSP and its problem page's template. */
    PageResponses(TemplateEngine engine, MessageSource messages, String contentSecurityPolicy,
                  String problemTemplate) {
        this.engine = engine;
        this.messages = messages;
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.problemTemplate = problemTemplate;
    }

    /** A page from {@code views/<template>.html}. */
    public MutableHttpResponse<String> page(HttpStatus status, String template, Locale locale, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("lang", PageLocales.tag(locale));
        variables.put("otherLang", PageLocales.tag(PageLocales.other(locale)));
        String html = engine.process(template, new Context(locale, variables));
        return secured(HttpResponse.<String>status(status).body(html), MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Content-Language", PageLocales.tag(locale));
    }

    /** A short page that says what went wrong, for answers that are not the form itself (403, 404, 413, ...). */
    public MutableHttpResponse<String> problem(HttpStatus status, Locale locale, String messageKey, Object... args) {
        return page(status, problemTemplate, locale, Map.of("message", message(messageKey, locale, args)));
    }

    /** 429 with Retry-After: this address or this bank has sent too much for now. */
    public MutableHttpResponse<String> tooMany(Locale locale, double waitSeconds) {
        long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds));
        return problem(HttpStatus.TOO_MANY_REQUESTS, locale, "problem.tooMany", retryAfter)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, locale, args).orElse(key);
    }

    /** Any answer of this family's pages (a page, a redirect, a stylesheet) with the headers every page carries. */
    public <T> MutableHttpResponse<T> secured(MutableHttpResponse<T> response, String contentType) {
        return response.contentType(contentType)
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
    }

    /** Whether the request came over TLS, directly or through a proxy that says so: cookies are then Secure. */
    public static boolean secure(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    /** A static file of the pages (stylesheet, script, icon), read once at start. */
    public static String resource(ResourceResolver resources, String path) {
        try (InputStream in = resources.getResourceAsStream(path)
                .orElseThrow(() -> new IllegalStateException("missing resource " + path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
