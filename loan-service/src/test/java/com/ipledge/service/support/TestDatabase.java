package com.ipledge.service.support;

import com.ipledge.service.database.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One real PostgreSQL server per test JVM (the same zonky binaries the service runs on), with a fresh database
 * for every test class so that classes cannot see each other's rows.
 *
 * <p>The migrations run once per JVM, into a template database; each test class's database is a copy of it
 * ({@code CREATE DATABASE ... TEMPLATE}), which takes a fraction of replaying every migration per context. The
 * service's own Flyway still runs at start and finds nothing to do, so a migration that fails to apply still
 * fails every test. {@code -Dipledge.test.template=false} gives each class an empty database instead, which the
 * service then migrates at start (as before the template; BENCHMARKS.md compares the two).
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String TEMPLATE = "ipledge_template_" + ProcessHandle.current().pid();
    private static final boolean FROM_TEMPLATE = !"false".equals(System.getProperty("ipledge.test.template"));
    private static EmbeddedPostgres server;
    private static boolean templateReady;

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

    /** A new database on the shared server, already migrated to the latest version; its JDBC URL. */
    public static String freshDatabaseUrl() {
        String name = "test_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
        // synchronized: PostgreSQL refuses to copy a template while another session is connected to it, and two
        // copies at once count as such a session
        synchronized (TestDatabase.class) {
            if (FROM_TEMPLATE) {
                migrateTemplateOnce();
                execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
            } else {
                execute("CREATE DATABASE " + name);
            }
        }
        return server().getJdbcUrl("postgres", name);
    }

    private static void migrateTemplateOnce() {
        if (templateReady) {
            return;
        }
        String url = EmbeddedDatabase.createDatabaseIfMissing(server(), TEMPLATE);
        // the service's own settings (application.yml: flyway.datasources.default.locations)
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        templateReady = true;
    }

    private static void execute(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
