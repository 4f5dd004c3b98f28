package com.ipledge.service.risk;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs simulation jobs on this instance, one at a time (a simulation already uses both cores): at once when one
 * is queued here, and every {@code ipledge.simulations.poll-interval} for jobs queued on another instance or left
 * by one that died. On shutdown it stops claiming; a job cut short is taken over after its heartbeat goes stale.
 */
@Singleton
@Requires(property = "ipledge.jobs.enabled", notEquals = "false")
public class SimulationJobDriver {
    private static final Logger LOG = LoggerFactory.getLogger(SimulationJobDriver.class);

    private final SimulationJobs jobs;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulation-job");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closing;

    public SimulationJobDriver(SimulationJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "${ipledge.simulations.poll-interval}", initialDelay = "5s")
    void poll() {
        kick();
    }

    @EventListener
    void onQueued(SimulationJobs.Queued queued) {
        kick();
    }

    private void kick() {
        if (closing || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining.set(false);
        }
    }

    private void drain() {
        try {
            while (!closing && jobs.runNext()) {
                // the next job, if any
            }
        } catch (RuntimeException e) {
            LOG.error("simulation job round failed; the next poll tries again", e);
        } finally {
            draining.set(false);
        }
    }

    @PreDestroy
    void stop() {
        closing = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
