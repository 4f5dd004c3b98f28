package com.ipledge.service.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.security.Principal;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * Per-key token bucket: {@code IPLEDGE_RATE_LIMIT_PER_KEY} requests per second (bursts up to the same number),
 * answered 429 with {@code Retry-After} beyond it. Keyed by the authenticated key's id, after authentication: the
 * raw Authorization text gave {@code bearer}, {@code BEARER} or a leading space a bucket each. Failed
 * authentications are throttled before, by {@link AuthFailureFilter}. Buckets are per instance: behind a load
 * balancer with N instances a key may get up to N times the limit, which protects each instance (what the limit is
 * for) without a database round trip on every request.
 */
@Filter("/api/**")
public class RateLimitFilter implements HttpServerFilter {
    private final int perSecond;
    private final TokenBuckets buckets;

    public RateLimitFilter(RateLimits limits) {
        this.perSecond = limits.rateLimitPerKey();
        this.buckets = new TokenBuckets(perSecond, perSecond, limits.rateLimitTracked());
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<String> principal = request.getUserPrincipal().map(Principal::getName);
        if (principal.isEmpty() || perSecond <= 0) {
            return chain.proceed(request);
        }
        double wait = buckets.get(principal.get(), System.nanoTime()).take(System.nanoTime());
        if (wait <= 0) {
            return chain.proceed(request);
        }
        return Publishers.just(TokenBuckets.tooManyRequests("More than " + perSecond
                + " requests per second with this API key.", wait));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
