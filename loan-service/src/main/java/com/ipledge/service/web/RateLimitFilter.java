package com.ipledge.service.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;

/**
 * Per-key token bucket: {@code IPLEDGE_RATE_LIMIT_PER_KEY} requests per second (bursts up to the same number),
 * answered 429 with {@code Retry-After} beyond it. Buckets are per instance: behind a load balancer with N instances a
 * key may get up to N times the limit, which protects each instance (what the limit is for) without a database
 * round trip on every request.
 */
@Filter("/api/**")
public class RateLimitFilter implements HttpServerFilter {
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final int perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(@Value("${ipledge.rate-limit-per-key:50}") int perSecond) {
        this.perSecond = perSecond;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String authorization = request.getHeaders().getAuthorization().orElse(null);
        if (authorization == null || perSecond <= 0) {
            return chain.proceed(request);
        }
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(authorization, k -> new Bucket(perSecond));
        double waitSeconds = bucket.take(System.nanoTime());
        if (waitSeconds <= 0) {
            return chain.proceed(request);
        }
        long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds));
        MutableHttpResponse<?> response = Problems.respond(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS),
                Problems.body(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "More than " + perSecond
                        + " requests per second with this API key; retry after " + retryAfter + " s.", List.of(),
                        Map.of())).header(io.micronaut.http.HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return Publishers.just(response);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    /** Tokens refill continuously at {@code rate} per second up to {@code rate}. */
    static final class Bucket {
        private final double rate;
        private double tokens;
        private long last;

        Bucket(double rate) {
            this.rate = rate;
            this.tokens = rate;
            this.last = System.nanoTime();
        }

        /** Takes a token; 0 when granted, else the seconds until one is available. */
        synchronized double take(long now) {
            tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / rate;
        }
    }
}
