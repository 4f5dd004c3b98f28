package com.ipledge.service.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipledge.service.process.ApiClient;
import com.ipledge.service.process.ApiClient.Reply;
import com.ipledge.service.process.BankSetup;
import com.ipledge.service.process.ServiceProcess;
import com.ipledge.service.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (the name matches no Surefire pattern); run it on purpose with {@code bin/bench-http}
 * or {@code ./mvnw -B -pl loan-service test -Dtest=HttpFilingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>One service process (a child JVM, as in production: {@link ServiceProcess}) on a fresh database of the test
 * JVM's embedded PostgreSQL. Phase 1: {@code bench.clients} (16) client threads, each with its own HTTP
 * connection, file an application and evaluate it (two POSTs, timed as one pair) over and over: {@code
 * bench.warmup} (150) seconds of warm-up, then {@code bench.seconds} (30) measured. The long warm-up is the point:
 * a fresh JVM makes ~5,000 decisions before Drools' engine code is compiled (rules/README.md), and a service runs
 * for days; ten seconds measured a JVM still interpreting, at a quarter of the steady rate. Phase 2, in the same run and the
 * same service: the same number of clients call {@code GET /health} for the same warm-up and measured time.
 * Printed and written to {@code target/bench-http.txt}: pairs/s and requests/s, p50/p99 of each, and the ratio
 * pairs/s to health requests/s (issue 9's aim: ratio >= 0.25 and pair p99 <= 150 ms on a quiet 2-core machine).
 * Client and service share the machine's cores, as they would on the box. Each phase also prints the CPU
 * time per operation of the service, the database and the clients ({@link CpuAccount}), which a loaded machine
 * disturbs far less than the rates.
 */
class HttpFilingBenchmark {
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 150);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    /** Borrower + asset pairs filed against, round robin (an application may pledge an asset already pledged). */
    private static final int PAIRS = Integer.getInteger("bench.pairs", 64);
    private static final List<String> JVM = List.of(System.getProperty("bench.jvm", "-Xmx1g -XX:+UseParallelGC").split("\\s+"));

    /** A phase's outcome: latencies (ns) of the operations that started and ended inside the measured window. */
    record Result(String name, long[] nanos, long errors, String firstError, double seconds, CpuAccount cpu) {
        double perSecond() {
            return nanos.length / seconds;
        }

        double ms(double quantile) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(quantile * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
        }

        String part() {
            return String.format("  of which %-34s p50 %7.1f ms   p99 %7.1f ms", name, ms(0.50), ms(0.99));
        }

        String line(String unit) {
            return String.format("%-34s %8d %-6s %9.1f %s/s   p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms   errors %d",
                    name, nanos.length, unit, perSecond(), unit, ms(0.50), ms(0.99), ms(1.0), errors);
        }
    }

    interface Operation {
        /** One timed operation; returns null when it succeeded, else what went wrong. */
        String run(ApiClient client, long n, long[] split) throws IOException;
    }

    @Test
    void filingAndEvaluationAgainstHealth() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        int databasePort = java.net.URI.create(url.substring("jdbc:".length())).getPort();
        ServiceProcess.Config config = ServiceProcess.Config.of("bench", url).withJvmOptions(JVM)
                .withEnv(Map.of("IPLEDGE_JOBS_ENABLED", "false",
                        "DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE", String.valueOf(Math.max(20, CLIENTS + 4))));
        try (ServiceProcess service = ServiceProcess.start(config)) {
            ApiClient setup = service.client();
            BankSetup bank = BankSetup.create(setup, "BENCH", "100000000000");
            List<UUID[]> pairs = borrowersAndAssets(setup, bank);

            // phase 1: POST /applications + POST /applications/{id}/evaluation
            Result[] parts = new Result[2];
            Result filing = phase("file + evaluate (pair)", service, databasePort, (client, n, split) -> {
                UUID[] pair = pairs.get((int) (n % pairs.size()));
                long t0 = System.nanoTime();
                Reply filed = client.post("/api/v1/applications", BankSetup.application(pair[0], List.of(pair[1]),
                        "300000.00", "bench"), bank.officer(), null);
                if (filed.status() != 201) {
                    return "filing: " + filed;
                }
                long t1 = System.nanoTime();
                Reply decided = client.post("/api/v1/applications/" + filed.text("id") + "/evaluation", Map.of(),
                        bank.officer(), null);
                if (decided.status() != 200) {
                    return "evaluation: " + decided;
                }
                split[0] = t1 - t0;
                split[1] = System.nanoTime() - t1;
                return null;
            }, parts);
            // phase 2: GET /health, same clients, same durations
            Result health = phase("GET /health", service, databasePort, (client, n, split) -> {
                Reply r = client.get("/health", null);
                return r.status() == 200 ? null : r.toString();
            }, null);

            double ratio = filing.perSecond() / health.perSecond();
            String report = String.join("\n",
                    String.format("HTTP BENCHMARK %s: %d clients, %d s warm-up + %d s measured per phase, service "
                                    + "JVM %s, %d borrower/asset pairs, %d cores, load average at the end %.2f",
                            java.time.OffsetDateTime.now().withNano(0), CLIENTS, WARMUP, SECONDS, JVM, PAIRS,
                            Runtime.getRuntime().availableProcessors(),
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                    filing.line("pairs"),
                    parts[0].part(), parts[1].part(),
                    filing.cpu().perOperation("pair", filing.nanos().length),
                    health.line("req"),
                    health.cpu().perOperation("req", health.nanos().length),
                    String.format("ratio pairs/s : health req/s = %.3f (aim >= 0.25: %s); pair p99 %.1f ms (aim <= "
                                    + "150 ms: %s)", ratio, ratio >= 0.25 ? "met" : "NOT met", filing.ms(0.99),
                            filing.ms(0.99) <= 150 ? "met" : "NOT met"),
                    filing.firstError() == null ? "" : "first filing error: " + filing.firstError(),
                    health.firstError() == null ? "" : "first health error: " + health.firstError()).strip();
            System.out.println("\n" + report + "\n");
            Files.writeString(Path.of("target", "bench-http.txt"), report + "\n", StandardCharsets.UTF_8);
            assertEquals(0, filing.errors() + health.errors(), report);
        }
    }

    /** Registers the borrowers and assets that the filings pledge, spread over a few threads. */
    private static List<UUID[]> borrowersAndAssets(ApiClient api, BankSetup bank) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<UUID[]>> futures = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                futures.add(pool.submit(() -> {
                    Map<String, Object> borrower = BankSetup.strongBorrower();
                    UUID b = api.postOk(201, "/api/v1/borrowers", borrower, bank.officer()).id("id");
                    UUID a = api.postOk(201, "/api/v1/ip-assets",
                            BankSetup.youngInvention((String) borrower.get("creditCode")), bank.officer()).id("id");
                    return new UUID[] {b, a};
                }));
            }
            List<UUID[]> out = new ArrayList<>();
            for (Future<UUID[]> f : futures) {
                out.add(f.get(5, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs {@code op} on CLIENTS threads for WARMUP + SECONDS; keeps the operations that started after the
     * warm-up and ended before the end. {@code parts}, when given, receives the two split timings of each kept op.
     */
    private static Result phase(String name, ServiceProcess service, int databasePort, Operation op,
                                Result[] parts) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + WARMUP * 1_000_000_000L;
        long end = measureFrom + SECONDS * 1_000_000_000L;
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        List<long[][]> splitsPerThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[CLIENTS];
        for (int t = 0; t < CLIENTS; t++) {
            int id = t;
            long[][] buffers = {new long[1 << 16], new long[1 << 16], new long[1 << 16]};
            splitsPerThread.add(buffers);
            Thread thread = new Thread(() -> {
                ApiClient client = service.client();
                long[] split = new long[2];
                int n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        break;
                    }
                    String error;
                    try {
                        error = op.run(client, sequence.getAndIncrement(), split);
                    } catch (IOException | RuntimeException e) {
                        error = e.toString();
                    }
                    long t1 = System.nanoTime();
                    if (error != null) {
                        if (t0 >= measureFrom && t1 <= end) {
                            errors.incrementAndGet();
                        }
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = error;
                            }
                        }
                        continue;
                    }
                    if (t0 >= measureFrom && t1 <= end) {
                        if (n == buffers[0].length) {
                            for (int b = 0; b < 3; b++) {
                                buffers[b] = Arrays.copyOf(buffers[b], n * 2);
                            }
                        }
                        buffers[0][n] = t1 - t0;
                        buffers[1][n] = split[0];
                        buffers[2][n] = split[1];
                        n++;
                    }
                }
                counts[id] = n;
            }, "bench-client-" + t);
            threads.add(thread);
        }
        // CPU is read at the edges of the measured window, as the latencies are
        CpuAccount[] cpu = new CpuAccount[2];
        Thread meter = new Thread(() -> {
            try {
                TimeUnit.NANOSECONDS.sleep(measureFrom - System.nanoTime());
                cpu[0] = CpuAccount.now(service.pid(), databasePort);
                TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
                cpu[1] = CpuAccount.now(service.pid(), databasePort);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-cpu");
        meter.start();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        meter.join();
        CpuAccount used = cpu[1].minus(cpu[0]);
        long[][] merged = new long[3][];
        for (int b = 0; b < 3; b++) {
            int total = Arrays.stream(counts).sum();
            long[] all = new long[total];
            int at = 0;
            for (int t = 0; t < CLIENTS; t++) {
                System.arraycopy(splitsPerThread.get(t)[b], 0, all, at, counts[t]);
                at += counts[t];
            }
            Arrays.sort(all);
            merged[b] = all;
        }
        if (parts != null) {
            parts[0] = new Result("POST /applications", merged[1], 0, null, SECONDS, used);
            parts[1] = new Result("POST /applications/{id}/evaluation", merged[2], 0, null, SECONDS, used);
        }
        return new Result(name, merged[0], errors.get(), firstError[0], SECONDS, used);
    }
}
