package com.ipledge.service.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipledge.service.database.EmbeddedDatabase;
import com.ipledge.service.support.Sql;
import com.ipledge.service.support.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (the name matches no Surefire pattern); run it on purpose:
 * {@code ./mvnw -B -pl loan-service test -Dtest=TestDatabaseBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * What a test class's database costs: every migration replayed into an empty database (each context's cost
 * before the template) against a copy of the migrated template ({@link TestDatabase#freshDatabaseUrl()}), on the
 * same embedded server, one after the other, seven of each; and the two hold the same schema version.
 */
class TestDatabaseBenchmark {
    private static final int ROUNDS = 7;
    private static final String VERSION = "SELECT max(version::int) FROM flyway_schema_history WHERE success";

    @Test
    void migratingEveryClassAgainstCopyingTheTemplate() {
        String warm = TestDatabase.freshDatabaseUrl(); // migrates the template, once per JVM
        List<Long> migrate = new ArrayList<>();
        List<Long> copy = new ArrayList<>();
        String migrated = null;
        String copied = null;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            migrated = EmbeddedDatabase.createDatabaseIfMissing(TestDatabase.server(),
                    "bench_migrate_" + i + "_" + ProcessHandle.current().pid());
            Flyway.configure().dataSource(migrated, "postgres", "").locations("classpath:db/migration").load()
                    .migrate();
            migrate.add(System.nanoTime() - start);
            start = System.nanoTime();
            copied = TestDatabase.freshDatabaseUrl();
            copy.add(System.nanoTime() - start);
        }
        assertEquals(new Sql(migrated).count(VERSION), new Sql(copied).count(VERSION));
        assertEquals(new Sql(warm).count(VERSION), new Sql(copied).count(VERSION));
        System.out.printf("TestDatabaseBenchmark: per database, migrate median %d ms (min %d), template copy median "
                + "%d ms (min %d), %d rounds%n", median(migrate), Collections.min(migrate) / 1_000_000,
                median(copy), Collections.min(copy) / 1_000_000, ROUNDS);
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1_000_000;
    }
}
