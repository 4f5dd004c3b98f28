package com.ipledge.service.bureau;

import com.ipledge.service.web.RateLimits;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off for {@code /bureau/login}, per account and per client address: the first few failures are free, then
 * each further one locks that account or address for twice as long as the one before (up to a cap). A locked
 * sign-in is answered at once without checking the password, so guessing costs no worker thread and no hashing;
 * a success clears its account. Per instance; past {@code tracked} names, entries whose lock and memory have
 * lapsed are dropped, and while none can be, new names are checked but not remembered.
 */
@Singleton
public class LoginThrottle {
    private final int freeFailures;
    private final long baseLockNanos;
    private final long maxLockNanos;
    private final int tracked;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginSettings settings, RateLimits limits) {
        this.freeFailures = settings.loginFreeFailures();
        this.baseLockNanos = settings.loginLockBase().toNanos();
        this.maxLockNanos = settings.loginLockMax().toNanos();
        this.tracked = limits.rateLimitTracked();
    }

    /** Seconds until this account and address may try again (0: now). */
    long secondsLocked(String account, String address) {
        long now = System.nanoTime();
        long remaining = Math.max(remaining(key("account", account), now), remaining(key("address", address), now));
        return remaining == 0 ? 0 : (remaining + 999_999_999L) / 1_000_000_000L;
    }

    void failed(String account, String address) {
        long now = System.nanoTime();
        if (failures.size() >= tracked) {
            failures.values().removeIf(f -> f.forgotten(now, maxLockNanos));
        }
        for (String key : new String[] {key("account", account), key("address", address)}) {
            Failures f = failures.size() < tracked ? failures.computeIfAbsent(key, k -> new Failures(now))
                    : failures.get(key);
            if (f != null) {
                f.add(now, freeFailures, baseLockNanos, maxLockNanos);
            }
        }
    }

    void succeeded(String account) {
        failures.remove(key("account", account));
    }

    /** Nanoseconds this name stays locked (nanoTime values compare by difference only). */
    private long remaining(String key, long now) {
        Failures f = failures.get(key);
        return f == null ? 0 : Math.max(0, f.lockedUntil() - now);
    }

    private static String key(String kind, String name) {
        return kind + ":" + (name == null ? "" : name);
    }

    private static final class Failures {
        private int count;
        private long lockedUntil;
        private long last;

        Failures(long now) {
            this.lockedUntil = now;
            this.last = now;
        }

        synchronized void add(long now, int free, long base, long max) {
            // failures long past are forgiven: the count starts again after a quiet spell as long as the cap
            if (count > 0 && now - last > max) {
                count = 0;
            }
            count++;
            last = now;
            if (count > free) {
                int doublings = Math.min(count - free - 1, 30);
                lockedUntil = now + Math.min(max, base << doublings);
            }
        }

        synchronized long lockedUntil() {
            return lockedUntil;
        }

        synchronized boolean forgotten(long now, long max) {
            return now - lockedUntil > 0 && now - last > max;
        }
    }
}
