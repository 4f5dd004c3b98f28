package com.ipledge.service.bench;

import com.ipledge.service.TimeFactory;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ipledge.service.quota.QuotaPlan;
import com.ipledge.service.quota.QuotaService;
import com.ipledge.service.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (the name matches no Surefire pattern); run it on purpose:
 * {@code ./mvnw -B -pl loan-service test -Dtest=QuotaReservationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Reservations per second through QuotaService (16 threads) against pgbench running the same conditional UPDATE
 * plus ledger INSERT (16 clients) on the same embedded server, one after the other, 15 s each.
 */
class QuotaReservationBenchmark {
    private static final int THREADS = 16;
    private static final int SECONDS = 15;

    @Test
    void reservationsPerSecondAgainstPgbench() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pgbench")), "pgbench is not installed");
        String url = TestDatabase.freshDatabaseUrl();
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("datasources.default.url", url,
                "datasources.default.username", "postgres", "datasources.default.password", "",
                "datasources.default.maximum-pool-size", THREADS + 4, "ipledge.jobs.enabled", "false",
                "micronaut.server.enabled", "false"))) {
            UUID bankId = ctx.getBean(com.ipledge.service.admin.AdminService.class)
                    .insert("BENCH", "Bench", OffsetDateTime.now()).orElseThrow().id();
            QuotaService quotas = ctx.getBean(QuotaService.class);
            QuotaPlan plan = quotas.insert(bankId, Year.now(TimeFactory.BUSINESS_ZONE).getValue(), QuotaPlan.ALL,
                    new BigDecimal("100000000000.00"), OffsetDateTime.now()).orElseThrow();
            BigDecimal amount = new BigDecimal("0.01");
            AtomicLong done = new AtomicLong();
            long end = System.nanoTime() + SECONDS * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        quotas.reserve(plan, UUID.randomUUID(), amount);
                        done.incrementAndGet();
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double service = done.get() / (double) SECONDS;

            Path script = Files.createTempFile("quota", ".sql");
            Files.writeString(script, "BEGIN;\n"
                    + "UPDATE quota_plan SET reserved = reserved + 0.01, updated_at = now() WHERE id = '" + plan.id()
                    + "' AND amount - reserved - drawn >= 0.01;\n"
                    + "INSERT INTO quota_movement VALUES (gen_random_uuid(), '" + plan.id()
                    + "', gen_random_uuid(), 'RESERVE', 0.01, now());\nEND;\n");
            int port = TestDatabase.server().getPort();
            String db = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
            Process p = new ProcessBuilder("/usr/bin/pgbench", "-n", "-h", "localhost", "-p", String.valueOf(port),
                    "-U", "postgres", "-c", String.valueOf(THREADS), "-j", "2", "-T", String.valueOf(SECONDS),
                    "-f", script.toString(), db).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            double pgbench = Double.parseDouble(out.replaceAll("(?s).*tps = ([0-9.]+).*", "$1"));
            System.out.printf("%nQUOTA BENCHMARK: service %.0f reservations/s, pgbench %.0f tps, ratio %.2f%n%s%n",
                    service, pgbench, service / pgbench, out);
        }
    }
}
