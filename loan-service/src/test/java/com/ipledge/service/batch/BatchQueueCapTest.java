package com.ipledge.service.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: one bank cannot queue unbounded batch work. With the workers off (so that whatever is uploaded stays
 * queued), small caps of 30 rows and 250,000 Monte Carlo paths per bank: an upload that would pass either is
 * refused with 429 naming the cap; another bank's queue is its own; concurrent uploads cannot both squeeze in.
 */
@MicronautTest(transactional = false)
class BatchQueueCapTest extends ApiTestBase {
    private static final String APPLICATIONS = "/api/v1/applications/batch";
    private static final String VALUATIONS = "/api/v1/valuations/batch";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false", "ipledge.batch.max-queued-rows-per-bank", "30",
                "ipledge.batch.max-queued-paths-per-bank", "250000");
    }

    @Test
    void rowsOverTheBanksCapAreRefusedNamingTheCapAndOtherBanksAreNotAffected() {
        String officer = apiKey("BANK_OFFICER", createBank("CAPROWS"));
        String other = apiKey("BANK_OFFICER", createBank("CAPOTHER"));
        assertEquals(202, upload(APPLICATIONS, applications(20), officer).status());
        Answer full = upload(APPLICATIONS, applications(11), officer);
        assertEquals(429, full.status(), full::toString);
        assertTrue(full.contentType().startsWith("application/problem+json"), full::toString);
        assertTrue(full.text("type").endsWith("batch-queue-full"), full::toString);
        assertEquals(List.of("rows"), full.errorFields());
        assertEquals(20, ((Number) full.get("queuedRows")).intValue());
        assertEquals(30, ((Number) full.get("maxQueuedRows")).intValue());
        assertEquals(202, upload(APPLICATIONS, applications(10), officer).status(), "exactly up to the cap");
        assertEquals(202, upload(APPLICATIONS, applications(30), other).status(), "another bank's queue");
    }

    @Test
    void monteCarloPathsOverTheBanksCapAreRefusedNamingPaths() {
        String officer = apiKey("BANK_OFFICER", createBank("CAPPATHS"));
        // two rows of 100,000 paths and one with none given (the engine's default, 10,000): 210,000
        assertEquals(202, upload(VALUATIONS, valuations(List.of("100000", "100000", "")), officer).status());
        Answer full = upload(VALUATIONS, valuations(List.of("50000")), officer);
        assertEquals(429, full.status(), full::toString);
        assertEquals(List.of("paths"), full.errorFields());
        assertEquals(210_000, ((Number) full.get("queuedPaths")).intValue());
        assertEquals(202, upload(VALUATIONS, valuations(List.of("40000")), officer).status(), "250,000 exactly");
    }

    @Test
    void concurrentUploadsOfOneBankCannotBothSqueezeUnderTheCap() throws Exception {
        String officer = apiKey("BANK_OFFICER", createBank("CAPRACE"));
        List<CompletableFuture<Answer>> uploads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            uploads.add(CompletableFuture.supplyAsync(() -> upload(APPLICATIONS, applications(10), officer)));
        }
        int accepted = 0;
        for (CompletableFuture<Answer> f : uploads) {
            Answer a = f.get();
            assertTrue(a.status() == 202 || a.status() == 429, a::toString);
            accepted += a.status() == 202 ? 1 : 0;
        }
        assertEquals(3, accepted, "30 rows fit, in three files of ten");
    }

    private Answer upload(String path, String csv, String key) {
        return send(HttpRequest.POST(path, csv.getBytes(StandardCharsets.UTF_8)).contentType("text/csv")
                .bearerAuth(key));
    }

    /** Rows are only queued here (the workers are off), so their ids need not exist. */
    private static String applications(int rows) {
        StringBuilder csv = new StringBuilder(BatchApiTest.APPLICATION_HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            csv.append(UUID.randomUUID()).append(",200000,6,working capital,").append(UUID.randomUUID()).append('\n');
        }
        return csv.toString();
    }

    private static String valuations(List<String> paths) {
        StringBuilder csv = new StringBuilder(BatchApiTest.VALUATION_HEADER).append('\n');
        for (String p : paths) {
            csv.append(UUID.randomUUID()).append(",2025-01-01,1000000,0.03,0,0.05,0,0.12,0,0.25,5,5,5,false,")
                    .append(p).append(",1\n");
        }
        return csv.toString();
    }
}
