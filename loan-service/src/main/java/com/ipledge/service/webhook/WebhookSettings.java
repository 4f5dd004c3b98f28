package com.ipledge.service.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The webhook configuration, {@code ipledge.webhooks.*} (README, "Integration: webhooks"). The defaults live once,
 * in application.yml, next to their environment variables.
 */
@ConfigurationProperties("ipledge.webhooks")
record WebhookSettings(boolean allowInsecureLocalhost, Duration timeout, Duration backoffBase, Duration backoffMax,
                       int pauseAfterFailures, int threads) {
    WebhookSettings {
        pauseAfterFailures = Math.max(1, pauseAfterFailures);
        threads = Math.max(1, threads);
    }

    /** How long a claimed delivery is reserved for its instance: longer than any request may take. */
    Duration lease() {
        // connect + answer each within the timeout, plus room to record the outcome
        return timeout.multipliedBy(2).plusSeconds(5);
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
