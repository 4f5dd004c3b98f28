package com.ipledge.service.support;

import com.ipledge.service.database.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (the same zonky binaries the service runs on), with a fresh database
 * for every test class so that classes cannot see each other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("ipledge-test-pg");
                server = EmbeddedDatabase.start(dir, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp folder goes with the machine
                }
            }));
        }
        return server;
    }

    /** A new, empty database on the shared server; its JDBC URL. */
    public static String freshDatabaseUrl() {
        return EmbeddedDatabase.createDatabaseIfMissing(server(), "test_" + COUNTER.incrementAndGet() + "_"
                + ProcessHandle.current().pid());
    }
}
