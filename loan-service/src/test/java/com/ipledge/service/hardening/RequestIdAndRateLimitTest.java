package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every answer carries a request id (also inside problem bodies); a key over its rate gets 429 + Retry-After. */
@MicronautTest(transactional = false)
class RequestIdAndRateLimitTest extends ApiTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.rate-limit-per-key", "5", "ipledge.jobs.enabled", "false");
    }

    @Test
    void requestIdIsEchoedOrGeneratedAndQuotedInProblems() {
        Answer health = send(HttpRequest.GET("/health"));
        assertNotNull(health.headers().get("X-Request-Id"));
        Answer echoed = send(HttpRequest.GET("/health").header("X-Request-Id", "bank-ticket-12345"));
        assertEquals("bank-ticket-12345", echoed.headers().get("X-Request-Id"));
        Answer insane = send(HttpRequest.GET("/health").header("X-Request-Id", "<script>"));
        assertTrue(!"<script>".equals(insane.headers().get("X-Request-Id")));

        UUID bank = createBank("RIDBANK");
        String officer = apiKey("BANK_OFFICER", bank);
        Map<String, Object> bad = Fixtures.borrower();
        bad.put("creditCode", "bad");
        Answer problem = send(HttpRequest.POST("/api/v1/borrowers", bad).bearerAuth(officer)
                .header("X-Request-Id", "quote-me-0001"));
        assertEquals(400, problem.status());
        assertEquals("quote-me-0001", problem.get("requestId"));
        assertEquals("quote-me-0001", problem.headers().get("X-Request-Id"));
        Answer unauthorised = send(HttpRequest.GET("/api/v1/applications").header("X-Request-Id", "quote-me-0002"));
        assertEquals(401, unauthorised.status());
        assertEquals("quote-me-0002", unauthorised.get("requestId"));
    }

    @Test
    void keyOverItsRateIsAnswered429WithRetryAfter() {
        UUID bank = createBank("RATEBANK");
        String officer = apiKey("BANK_OFFICER", bank);
        String other = apiKey("BANK_OFFICER", bank);
        int limited = 0;
        Answer last = null;
        for (int i = 0; i < 20; i++) {
            Answer a = get("/api/v1/applications", officer);
            if (a.status() == 429) {
                limited++;
                last = a;
            }
        }
        assertTrue(limited >= 10, "most of 20 immediate calls exceed 5/s: " + limited);
        assertNotNull(last.headers().get("Retry-After"));
        assertTrue(Integer.parseInt(last.headers().get("Retry-After")) >= 1);
        assertTrue(last.contentType().startsWith("application/problem+json"));
        assertEquals(200, get("/api/v1/applications", other).status(), "another key has its own budget");
    }
}
