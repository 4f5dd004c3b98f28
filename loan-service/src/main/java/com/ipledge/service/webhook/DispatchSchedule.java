package com.ipledge.service.webhook;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the {@link Dispatcher} on every instance with jobs enabled: no advisory lock, since instances share the
 * deliveries row by row (SKIP LOCKED), as batch rows.
 */
@Singleton
@Requires(property = "ipledge.jobs.enabled", notEquals = "false")
class DispatchSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchSchedule.class);

    private final Dispatcher dispatcher;

    DispatchSchedule(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelay = "${ipledge.webhooks.poll-interval:2s}",
            initialDelay = "${ipledge.webhooks.initial-delay:5s}")
    void poll() {
        try {
            dispatcher.drain();
        } catch (RuntimeException e) {
            LOG.warn("webhook dispatch round failed; the next one tries again", e);
        }
    }
}
