package com.ipledge.service.batch;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives {@link BatchWorker} on this instance: right after an upload (so a small batch is done in moments) and
 * every {@code ipledge.batch.poll-interval} (so rows left PENDING by a stopped or crashed instance, or uploaded on
 * another one, are picked up: a restart simply resumes). At most {@code ipledge.batch.threads} threads work at once;
 * instances share jobs row by row (SKIP LOCKED), so no JobRunner lock is taken. On shutdown it stops claiming rows
 * and waits for the rows in flight to commit or roll back.
 */
@Singleton
@Requires(property = "ipledge.jobs.enabled", notEquals = "false")
public class BatchDriver implements GracefulShutdownCapable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchDriver.class);
    /** Rows one drain takes before looking at the job list again (so newer jobs are not starved for long). */
    private static final int ROWS_PER_ROUND = 50;
    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    private final BatchWorker worker;
    private final int threads;
    private final ExecutorService pool;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closing;

    BatchDriver(BatchWorker worker, BatchSettings settings) {
        this.worker = worker;
        this.threads = settings.threads();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "batch-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelay = "${ipledge.batch.poll-interval:2s}", initialDelay = "${ipledge.batch.initial-delay:5s}")
    void poll() {
        kick();
    }

    @EventListener
    void onCreated(BatchJobCreated created) {
        kick();
    }

    /** Starts a drain unless every thread is already draining. */
    void kick() {
        while (!closing) {
            int now = running.get();
            if (now >= threads) {
                return;
            }
            if (running.compareAndSet(now, now + 1)) {
                try {
                    pool.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    running.decrementAndGet();
                }
                return;
            }
        }
    }

    private void drain() {
        try {
            while (!closing && worker.processUpTo(ROWS_PER_ROUND) > 0) {
                // the next round re-reads the job list
            }
        } catch (RuntimeException e) {
            LOG.error("batch worker round failed; the next poll tries again", e);
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        return CompletableFuture.runAsync(this::stop);
    }

    @Override
    public java.util.OptionalLong reportActiveTasks() {
        return java.util.OptionalLong.of(running.get());
    }

    /** Stops claiming rows and waits (up to 30 s) for the rows in flight. */
    @PreDestroy
    public void stop() {
        closing = true;
        worker.close();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("batch rows still in flight after {} s; they roll back and are redone after restart",
                        SHUTDOWN_WAIT_SECONDS);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
