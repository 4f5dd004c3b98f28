package com.ipledge.service.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server {@code bin/run} keeps its data in acknowledges a write only once it is on the disk: fsync on, and a
 * COMMIT waits for its WAL (the embedded server's own default, {@code synchronous_commit=off}, would lose the last
 * acknowledged writes in a crash). A test's throwaway server keeps neither.
 */
class EmbeddedDatabaseDurabilityTest {
    @Test
    void keptDataIsDurableAndATestsThrowawayDataIsNot(@TempDir Path kept, @TempDir Path throwaway) throws Exception {
        try (EmbeddedPostgres server = EmbeddedDatabase.start(kept, false)) {
            assertEquals("on", setting(server, "fsync"));
            assertEquals("on", setting(server, "synchronous_commit"));
        }
        try (EmbeddedPostgres server = EmbeddedDatabase.start(throwaway, true)) {
            assertEquals("off", setting(server, "fsync"));
            assertEquals("off", setting(server, "synchronous_commit"));
        }
    }

    private static String setting(EmbeddedPostgres server, String name) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
