package com.ipledge.service.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import java.util.Set;

/**
 * A body sent to the API without a Content-Type is marked before the router sees it, and routed as JSON so that
 * the router does not answer first: a path with a JSON and a CSV route answered such a request 400 (more than one
 * route matched) before authentication. {@link StrictRequestFilter} answers the mark, after authentication, with
 * 415 naming the types the route accepts; nothing reads the body as JSON.
 */
@ServerFilter("/api/**")
public class MissingContentTypeFilter {
    static final String MISSING = "ipledge.content-type-missing";
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @PreMatching
    @RequestFilter
    public void mark(MutableHttpRequest<?> request) {
        boolean hasBody = request.getContentLength() > 0
                || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
        if (WITH_BODY.contains(request.getMethod()) && request.getContentType().isEmpty() && hasBody) {
            request.setAttribute(MISSING, true);
            request.contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
