package com.ipledge.service.security;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active API keys this instance has seen, by hash, so that an authenticated request need not read
 * {@code api_key} (issue 22: two of a filing + evaluation pair's statements, and a thread hop each).
 *
 * <p>A revoked key must stop working on every instance at once. Every change to {@code api_key} notifies the
 * channel {@value #CHANNEL} when it commits (a trigger, V42), and each instance listens on a connection of its own
 * and forgets every key it holds on any notice. While that connection is down nothing is kept: every request reads
 * the table, as without this class, until the listener is back (and then starts from nothing, since notices sent
 * meanwhile are lost). The listener also sends itself a notice every five seconds and holds keys only while those
 * come back: a path that accepts {@code LISTEN} but does not deliver (a pooler in transaction mode) means reading
 * per request, not trusting stale keys. A key read from the table while a notice arrives is not kept (the
 * generation check in {@link #find}), and no key is kept longer than {@code ipledge.api-keys.cache-ttl} in any case.
 */
@Singleton
public class ActiveKeys {
    static final String CHANNEL = "api_key_changed";
    /** The payload of an instance's own check that notices reach it (not a change: nothing is forgotten). */
    static final String PING = "ping:";
    private static final long PING_EVERY_NANOS = 5_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ActiveKeys.class);

    private record Held(ApiKey key, long until) {
    }

    private final Map<String, Held> byHash = new ConcurrentHashMap<>();
    /** Moves on every notice and every listener (re)start: a read begun before it moved is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private final DataSource dataSource;
    private final long ttlNanos;
    private final Thread listener;
    private volatile boolean listening;
    private volatile boolean closed;
    private volatile Connection connection;

    ActiveKeys(DataSource dataSource, DataSourceResolver resolver, ApiKeySettings settings) {
        // the pool's own connection, not the transaction-bound proxy: it is held for the life of the instance
        this.dataSource = resolver.resolve(dataSource);
        this.ttlNanos = settings.cacheTtl().toNanos();
        this.listener = new Thread(this::listen, "api-key-listener");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    /** The active key with this hash if this instance holds it (no read). */
    public Optional<ApiKey> held(String keyHash) {
        Held held = byHash.get(keyHash);
        return held != null && listening && System.nanoTime() - held.until() < 0 ? Optional.of(held.key())
                : Optional.empty();
    }

    /** The active key with this hash: held, or read with {@code load} (and held while the listener is up). */
    public Optional<ApiKey> find(String keyHash, Function<String, Optional<ApiKey>> load) {
        Optional<ApiKey> kept = held(keyHash);
        if (kept.isPresent()) {
            return kept;
        }
        long before = generation.get();
        Optional<ApiKey> read = load.apply(keyHash);
        if (read.isPresent() && listening) {
            byHash.put(keyHash, new Held(read.get(), System.nanoTime() + ttlNanos));
            // a notice that arrived during the read may concern this key: drop what was just kept
            if (generation.get() != before) {
                byHash.remove(keyHash);
            }
        }
        return read;
    }

    /** Whether keys are being kept (the listener is connected). */
    public boolean listening() {
        return listening;
    }

    /** Forgets every key held, as a notice does (and for a change this instance has just committed). */
    public void forget() {
        generation.incrementAndGet();
        byHash.clear();
    }

    private void listen() {
        long backoffMs = 100;
        String echo = PING + UUID.randomUUID();
        while (!closed) {
            try (Connection c = dataSource.getConnection()) {
                connection = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                backoffMs = 100;
                long lastEcho = Long.MIN_VALUE;
                long nextPing = System.nanoTime();
                while (!closed) {
                    long now = System.nanoTime();
                    if (now - nextPing >= 0) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT pg_notify('" + CHANNEL + "', '" + echo + "')");
                        }
                        nextPing = now + PING_EVERY_NANOS;
                    }
                    // blocks up to a second; an empty answer is the connection still being up
                    PGNotification[] notices = pg.getNotifications(1000);
                    boolean changed = false;
                    for (PGNotification n : notices == null ? new PGNotification[0] : notices) {
                        if (n.getParameter().equals(echo)) {
                            lastEcho = System.nanoTime();
                        } else if (!n.getParameter().startsWith(PING)) {
                            changed = true;
                        }
                    }
                    if (changed) {
                        forget();
                    }
                    // keys are held only while this instance's own notices are seen to come back
                    boolean delivering = lastEcho != Long.MIN_VALUE
                            && System.nanoTime() - lastEcho < 2 * PING_EVERY_NANOS + 1_000_000_000L;
                    if (delivering && !listening) {
                        forget(); // notices may have been lost meanwhile: start from nothing
                        listening = true;
                    } else if (!delivering && listening) {
                        listening = false;
                        forget();
                        LOG.warn("API key notices stopped coming back; keys are read per request until they do");
                    }
                    if (c.isClosed()) {
                        throw new SQLException("listener connection closed");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("API key listener lost its connection ({}); keys are read per request until it is back",
                            e.getMessage());
                }
            } finally {
                listening = false;
                forget();
                connection = null;
            }
            if (!closed) {
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMs = Math.min(5_000, backoffMs * 2);
            }
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        listening = false;
        listener.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        forget();
    }
}
