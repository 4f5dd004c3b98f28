package com.ipledge.service.webhook;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The webhook configuration (README, "Integration: webhooks"). */
@Singleton
class WebhookSettings {
    final boolean allowInsecureLocalhost;
    final Duration timeout;
    final Duration backoffBase;
    final Duration backoffMax;
    final int pauseAfterFailures;
    final int threads;
    /** How long a claimed delivery is reserved for its instance: longer than any request may take. */
    final Duration lease;

    WebhookSettings(@Value("${ipledge.webhooks.allow-insecure-localhost:false}") boolean allowInsecureLocalhost,
                    @Value("${ipledge.webhooks.timeout:10s}") Duration timeout,
                    @Value("${ipledge.webhooks.backoff-base:10s}") Duration backoffBase,
                    @Value("${ipledge.webhooks.backoff-max:1h}") Duration backoffMax,
                    @Value("${ipledge.webhooks.pause-after-failures:12}") int pauseAfterFailures,
                    @Value("${ipledge.webhooks.threads:4}") int threads) {
        this.allowInsecureLocalhost = allowInsecureLocalhost;
        this.timeout = timeout;
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
        this.pauseAfterFailures = Math.max(1, pauseAfterFailures);
        this.threads = Math.max(1, threads);
        // connect + answer each within the timeout, plus room to record the outcome
        this.lease = timeout.multipliedBy(2).plusSeconds(5);
    }

    /** base * 2^(failures - 1), at most the max. */
    Duration backoff(int failures) {
        Duration d = backoffBase;
        for (int i = 1; i < failures && d.compareTo(backoffMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }
}
