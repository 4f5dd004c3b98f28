package com.ipledge.service.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipledge.service.process.ApiClient;
import com.ipledge.service.process.ApiClient.Reply;
import com.ipledge.service.process.BankSetup;
import com.ipledge.service.process.ServiceProcess;
import com.ipledge.service.support.PortfolioBodies;
import com.ipledge.service.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (the name matches no Surefire pattern); run it with {@code bin/bench-ready}.
 *
 * <p>Issue 22, "fast from the start": a freshly started service process (as production starts it, jobs on) with the
 * engine warm-up on, then with it off. From the moment {@code /health} (which includes readiness) answers UP, one
 * client files and evaluates 100 applications, one pair after another: the median and p90 of a pair, and how long
 * after readiness the 100th pair ended. Then, on the warmed service, the portfolio simulation jobs of 20,000 and
 * 100,000 distinct exposures x 10,000 scenarios: the job's own time ({@code jobMillis}), three runs each. Written to
 * {@code target/bench-ready.txt}.
 */
class ReadyToServeBenchmark {
    private static final List<String> JVM = List.of(System.getProperty("bench.jvm", "-Xmx1g -XX:+UseParallelGC").split("\\s+"));

    @Test
    void firstHundredPairsAfterReadinessAndLargeSimulationJobs() throws Exception {
        List<String> report = new ArrayList<>();
        report.add(String.format("READY-TO-SERVE BENCHMARK %s: service JVM %s, %d cores, PostgreSQL fsync %s",
                java.time.OffsetDateTime.now().withNano(0), JVM, Runtime.getRuntime().availableProcessors(),
                Boolean.getBoolean("ipledge.test.fsync") ? "on" : "off"));
        for (boolean warm : List.of(true, false)) {
            ServiceProcess.Config config = ServiceProcess.Config.of(warm ? "ready-warm" : "ready-cold",
                            TestDatabase.freshDatabaseUrl()).withJvmOptions(JVM)
                    .withEnv(Map.of("IPLEDGE_WARM_UP_ENABLED", String.valueOf(warm)));
            try (ServiceProcess service = ServiceProcess.start(config)) {
                long ready = System.nanoTime();
                ApiClient api = service.client();
                BankSetup bank = BankSetup.create(api, warm ? "WARM" : "COLD", "100000000000");
                List<UUID[]> pairs = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Map<String, Object> borrower = BankSetup.strongBorrower();
                    UUID b = api.postOk(201, "/api/v1/borrowers", borrower, bank.officer()).id("id");
                    UUID a = api.postOk(201, "/api/v1/ip-assets",
                            BankSetup.youngInvention((String) borrower.get("creditCode")), bank.officer()).id("id");
                    pairs.add(new UUID[] {b, a});
                }
                long[] ms = new long[100];
                for (int n = 0; n < 100; n++) {
                    UUID[] pair = pairs.get(n % pairs.size());
                    long t0 = System.nanoTime();
                    Reply filed = api.postOk(201, "/api/v1/applications", BankSetup.application(pair[0],
                            List.of(pair[1]), "300000.00", "bench"), bank.officer());
                    api.postOk(200, "/api/v1/applications/" + filed.text("id") + "/evaluation", Map.of(),
                            bank.officer());
                    ms[n] = (System.nanoTime() - t0) / 1_000_000;
                }
                long sinceReady = (System.nanoTime() - ready) / 1_000_000_000;
                long[] sorted = ms.clone();
                Arrays.sort(sorted);
                report.add(String.format("warm-up %-3s: started in %5.1f s; first 100 file + evaluate pairs after "
                                + "readiness: median %d ms, p90 %d ms, max %d ms, first %d ms; the 100th ended %d s "
                                + "after readiness (aim: median < 100 ms within 60 s)", warm ? "on" : "off",
                        service.startup().toMillis() / 1000.0, sorted[49], sorted[89], sorted[99], ms[0],
                        sinceReady));
                if (warm) {
                    for (int exposures : List.of(20_000, 100_000)) {
                        List<Long> jobMillis = new ArrayList<>();
                        for (int run = 0; run < 3; run++) {
                            jobMillis.add(simulationJob(api, bank.officer(), exposures));
                        }
                        report.add(String.format("portfolio simulation job, %,d distinct exposures x 10,000 "
                                + "scenarios: job time %s ms (aim < 10 s)", exposures, jobMillis));
                    }
                }
            }
        }
        String text = String.join("\n", report);
        System.out.println("\n" + text + "\n");
        Files.writeString(Path.of("target", "bench-ready.txt"), text + "\n", StandardCharsets.UTF_8);
    }

    private static long simulationJob(ApiClient api, String key, int exposures) throws Exception {
        Reply queued = api.post("/api/v1/risk/portfolio-simulations",
                PortfolioBodies.untaggedExposures(exposures, 10_000), key, null);
        assertEquals(202, queued.status(), queued::toString);
        String path = "/api/v1/risk/portfolio-simulations/" + queued.text("id");
        while (true) {
            Reply job = api.get(path, key);
            String status = job.text("status");
            if (status.equals("DONE")) {
                return job.json().path("jobMillis").asLong();
            }
            assertEquals(true, status.equals("QUEUED") || status.equals("RUNNING"), job::toString);
            Thread.sleep(200);
        }
    }
}
