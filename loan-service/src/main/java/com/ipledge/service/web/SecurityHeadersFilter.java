package com.ipledge.service.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

/**
 * Headers every answer carries, whoever made it (a route, the security filter's 401, the router's 404): no caching
 * (API answers hold a bank's data, and one holds a new key's secret) and no content sniffing. The API reference
 * ({@code /docs} and the Swagger UI it loads) also gets a Content-Security-Policy and no framing, like the pages,
 * whose own headers are kept.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements HttpServerFilter {
    /** Swagger UI: its script and styles from this origin, its icons as data: URIs, and it fetches the document. */
    static final String DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean docs = isDocs(request.getPath());
        return Publishers.map(chain.proceed(request), response -> {
            MutableHttpHeaders headers = response.getHeaders();
            setIfAbsent(headers, "Cache-Control", "no-store");
            setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            if (docs) {
                setIfAbsent(headers, "Content-Security-Policy", DOCS_CSP);
                setIfAbsent(headers, "X-Frame-Options", "DENY");
                setIfAbsent(headers, "Referrer-Policy", "same-origin");
            }
            return response;
        });
    }

    private static boolean isDocs(String path) {
        return path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/webjars/")
                || path.startsWith("/openapi.");
    }

    private static void setIfAbsent(MutableHttpHeaders headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.add(name, value);
        }
    }

    @Override
    public int getOrder() {
        // outside the security filter, so that its 401 and 403 carry the headers too
        return ServerFilterPhase.FIRST.after();
    }
}
