package com.ipledge.service.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something the service does in the background (a job, a poller, a delivery) by polling until it holds,
 * instead of sleeping a fixed time that is too long on a quiet machine and too short on a busy one. The timeout
 * is only a bound on a hang, never a statement about speed.
 */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} when it never did within {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        if (!holds(timeout, condition)) {
            throw new AssertionError("timed out after " + timeout + " waiting for " + what);
        }
    }

    /**
     * Polls {@code probe} until its value satisfies {@code done} and returns that value; after {@code timeout}
     * returns the last value seen, for the caller's assertion to describe.
     */
    public static <T> T until(Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            pause();
            value = probe.get();
        }
        return value;
    }

    /** Whether {@code condition} came to hold within {@code timeout}. */
    public static boolean holds(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause();
        }
        return condition.getAsBoolean();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
