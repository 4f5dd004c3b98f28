package com.ipledge.service.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ipledge.service.support.ApiTestBase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's quickstart, run as the script it is, against a started service: it can never rot. */
@MicronautTest(transactional = false)
class QuickstartScriptTest extends ApiTestBase {
    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @Test
    void theQuickstartEndsWithADisbursedMonitoredLoan() throws IOException, InterruptedException {
        Path script = Path.of("..", "docs", "quickstart.sh").toAbsolutePath().normalize();
        assertTrue(Files.exists(script), script.toString());
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl")),
                "curl is needed to run the quickstart");
        Process p = new ProcessBuilder("bash", script.toString(), server.getURL().toString(), ADMIN_KEY)
                .redirectErrorStream(true).start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "the quickstart finished: " + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("decision: APPROVE"), out);
        assertTrue(out.matches("(?s).*loan [0-9a-f-]{36}: DISBURSED.*"), out);
        assertTrue(out.contains("audit ok: true"), out);
    }
}
