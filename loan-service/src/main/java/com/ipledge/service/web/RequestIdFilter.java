package com.ipledge.service.web;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id that a bank can quote when it calls for help: taken from {@code X-Request-Id} when the
 * caller sends a sane one, generated otherwise; put in the logging context (every log line of the request carries
 * it), in the response header and in every problem+json body.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements HttpServerFilter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Logger ACCESS = LoggerFactory.getLogger("ipledge.access");
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String offered = request.getHeaders().get(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(Map.of(MDC_KEY, id))).propagate()) {
            long started = System.nanoTime();
            return Publishers.map(chain.proceed(request), response -> {
                logAccess(id, request, response, started);
                return response.header(HEADER, id);
            });
        }
    }

    /**
     * One line per request, the line an operator searches for when a bank quotes a request id. The path only:
     * never the query, the headers or the body (keys, passwords and personal data stay out of the logs).
     */
    private static void logAccess(String id, HttpRequest<?> request, MutableHttpResponse<?> response, long started) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        // the response may be completed on another thread than the one the request's context was propagated to
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            ACCESS.info("{} {} -> {} in {} ms", request.getMethodName(), request.getPath(), response.code(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
