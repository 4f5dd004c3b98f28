package com.ipledge.service.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets by name (an API key's id, a client's address), per instance and bounded: past {@code max} names,
 * buckets that have refilled are dropped (a full bucket holds nothing a new one would not), at most once a second,
 * and while none can be dropped newcomers share one bucket. No bucket that is throttling someone is ever reset.
 */
public final class TokenBuckets {
    private final double perSecond;
    private final double capacity;
    private final int max;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bucket overflow;
    private final AtomicLong lastPrune = new AtomicLong(System.nanoTime());

    public TokenBuckets(double perSecond, double capacity, int max) {
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.max = max;
        this.overflow = new Bucket(perSecond, capacity, System.nanoTime());
    }

    public Bucket get(String name, long now) {
        Bucket bucket = buckets.get(name);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= max && !prune(now)) {
            return overflow;
        }
        return buckets.computeIfAbsent(name, k -> new Bucket(perSecond, capacity, now));
    }

    private boolean prune(long now) {
        long last = lastPrune.get();
        if (now - last >= 1_000_000_000L && lastPrune.compareAndSet(last, now)) {
            buckets.values().removeIf(b -> b.full(now));
        }
        return buckets.size() < max;
    }

    /** The 429 answered to whoever has no token left. */
    static MutableHttpResponse<?> tooManyRequests(String detail, double waitSeconds) {
        long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds));
        return Problems.respond(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS),
                Problems.body(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", detail + " Retry after " + retryAfter
                        + " s.", List.of(), Map.of())).header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    }

    /** Tokens refill continuously at {@code rate} per second up to {@code capacity}. */
    public static final class Bucket {
        private final double rate;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(double rate, double capacity, long now) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        /** Takes a token; 0 when granted, else the seconds until one is available. */
        public synchronized double take(long now) {
            double wait = waitFor(now);
            if (wait == 0) {
                tokens -= 1;
            }
            return wait;
        }

        /** 0 when a token is available (none is taken), else the seconds until one is. */
        synchronized double waitFor(long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            last = now;
            return tokens >= 1 ? 0 : (1 - tokens) / rate;
        }

        synchronized boolean full(long now) {
            waitFor(now);
            return tokens >= capacity;
        }
    }
}
