package com.ipledge.service.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.process.ApiClient.Reply;
import com.ipledge.service.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the deployable artifact itself. Runs after {@code package} (failsafe, in {@code verify}): the shaded
 * jar is started with {@code java -jar} against an external PostgreSQL (the embedded server of the tests, reached
 * by URL only), answers liveness, readiness after its engine warm-up, and decides an application on the rule base
 * it carries; without a database it refuses to start, naming both variables; and it carries no PostgreSQL server.
 */
class ShadedJarIT {

    static Path shadedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("loan-service-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("original"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no shaded jar in target/"));
        }
    }

    @Test
    void theJarStartsWarmsUpAndDecidesAgainstAnExternalDatabase() throws Exception {
        Path jar = shadedJar();
        ServiceProcess.Config config = ServiceProcess.Config.of("jar", TestDatabase.freshDatabaseUrl())
                .withJar(jar).withJvmOptions(List.of("-Xmx512m"))
                .withEnv(Map.of("IPLEDGE_WARM_UP_ENABLED", "true", "IPLEDGE_WARM_UP_MAX_DURATION", "30s"));
        try (ServiceProcess service = ServiceProcess.start(config)) {
            ApiClient api = service.client();
            assertEquals(200, api.get("/health/liveness", null).status());
            Reply ready = api.get("/health/readiness", null);
            assertEquals(200, ready.status(), ready::toString);
            assertTrue(ready.raw().contains("\"UP\""), ready::toString);
            String log = Files.readString(service.log(), StandardCharsets.UTF_8);
            assertTrue(log.contains("engines warm after"), "the warm-up ran before readiness:\n" + log);
            assertTrue(!log.contains("\"level\":\"ERROR\""), "no ERROR line at start:\n" + log);

            BankSetup bank = BankSetup.create(api, "JARBANK", "50000000");
            Map<String, Object> borrower = BankSetup.strongBorrower();
            UUID b = api.postOk(201, "/api/v1/borrowers", borrower, bank.officer()).id("id");
            UUID a = api.postOk(201, "/api/v1/ip-assets",
                    BankSetup.youngInvention((String) borrower.get("creditCode")), bank.officer()).id("id");
            String app = api.postOk(201, "/api/v1/applications",
                    BankSetup.application(b, List.of(a), "300000", "working capital"), bank.officer()).text("id");
            Reply decision = api.postOk(200, "/api/v1/applications/" + app + "/evaluation", Map.of(),
                    bank.officer());
            assertEquals("APPROVE", decision.text("decision"), decision::toString);
            assertTrue(decision.json().path("firedRules").size() > 0, decision::toString);
        }
    }

    @Test
    void withoutADatabaseTheJarStopsNamingBothVariables() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", shadedJar().toString()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("IPLEDGE_"));
        Process p = pb.start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the jar exits");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("DATASOURCES_DEFAULT_URL") && out.contains("IPLEDGE_EMBEDDED_DB"), out);
    }

    @Test
    void theJarCarriesNoPostgresqlServer() throws Exception {
        try (JarFile jar = new JarFile(shadedJar().toFile())) {
            List<String> zonky = jar.stream().map(e -> e.getName())
                    .filter(n -> n.contains("zonky") || n.endsWith(".txz")).toList();
            assertEquals(List.of(), zonky);
            assertTrue(jar.getEntry("com/ipledge/service/Application.class") != null);
        }
    }
}
