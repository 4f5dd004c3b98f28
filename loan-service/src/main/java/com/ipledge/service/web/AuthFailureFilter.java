package com.ipledge.service.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

/**
 * Failed authentications per client address: {@code IPLEDGE_AUTH_FAILURES_PER_MINUTE} (bursts up to the same
 * number), then 429 with {@code Retry-After} before the key is even looked up, so that guessing keys or sending a
 * new Authorization text on every request costs the guesser, not the database. Only requests that present a
 * credential count; the client's address is the connection's (forwarding headers are anyone's to write).
 */
@Filter("/api/**")
public class AuthFailureFilter implements HttpServerFilter {
    private final int perMinute;
    private final TokenBuckets failures;

    public AuthFailureFilter(RateLimits limits) {
        this.perMinute = limits.authFailuresPerMinute();
        this.failures = new TokenBuckets(perMinute / 60.0, perMinute, limits.rateLimitTracked());
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (perMinute <= 0 || request.getHeaders().getAuthorization().isEmpty()) {
            return chain.proceed(request);
        }
        TokenBuckets.Bucket bucket = failures.get(request.getRemoteAddress().getAddress().getHostAddress(),
                System.nanoTime());
        double wait = bucket.waitFor(System.nanoTime());
        if (wait > 0) {
            return Publishers.just(TokenBuckets.tooManyRequests("More than " + perMinute
                    + " failed authentications per minute from this address.", wait));
        }
        return Publishers.map(chain.proceed(request), response -> {
            if (response.getStatus() == HttpStatus.UNAUTHORIZED) {
                bucket.take(System.nanoTime());
            }
            return response;
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
