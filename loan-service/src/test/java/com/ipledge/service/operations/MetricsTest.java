package com.ipledge.service.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.metrics.BookGauges;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint names what operators watch, and the business meters move with the business. */
@MicronautTest(transactional = false)
class MetricsTest extends ApiTestBase {
    @Inject
    BookGauges gauges;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @Test
    void metricsNameRoutesPoolQuotaAndDecisions() {
        UUID bank = createBank("METRICS");
        String officer = apiKey("BANK_OFFICER", bank);
        String bureau = apiKey("BUREAU", null);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "10000000"), bureau).status());
        double before = decisions(scrape(), "APPROVE");

        String id = fileStrongApplication(officer, "300000");
        assertEquals("APPROVE", post("/api/v1/applications/" + id + "/evaluation", Map.of(), officer)
                .text("decision"));
        gauges.refresh();

        String metrics = scrape();
        assertEquals(before + 1, decisions(metrics, "APPROVE"), 1e-9, "one more APPROVE decision");
        assertTrue(metrics.contains("http_server_requests_seconds_bucket"), "latency histograms per route");
        assertTrue(metrics.contains("uri=\"/api/v1/applications/{id}/evaluation\""), "routes are templated");
        assertTrue(metrics.contains("hikaricp_connections"), "database pool use");
        assertTrue(metrics.contains("ipledge_valuation_duration_seconds_count"), "valuation durations");
        assertTrue(metrics.contains("ipledge_quota_utilisation{segment="), "the province's quota utilisation");
        assertFalse(metrics.contains("bank=") || metrics.contains("METRICS"), "no bank's figures are published");
    }

    @Test
    void onlyAnAdminKeyScrapes() {
        UUID bank = createBank("SCRAPERS");
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("no key", null);
        keys.put("a wrong key", "ipk_not_a_key_000000000000000000000000");
        keys.put("BANK_OFFICER", apiKey("BANK_OFFICER", bank));
        keys.put("BANK_APPROVER", apiKey("BANK_APPROVER", bank));
        keys.put("BUREAU", apiKey("BUREAU", null));
        keys.forEach((who, key) -> {
            Answer a = send(key == null ? HttpRequest.GET("/prometheus")
                    : HttpRequest.GET("/prometheus").bearerAuth(key));
            assertTrue(a.status() == 401 || a.status() == 403, () -> who + " -> " + a.status());
            assertFalse(a.raw() != null && a.raw().contains("jvm_"), () -> who + " got metrics");
        });
        assertEquals(200, send(HttpRequest.GET("/prometheus").bearerAuth(ADMIN_KEY)).status());
    }

    private String scrape() {
        Answer a = send(HttpRequest.GET("/prometheus").bearerAuth(ADMIN_KEY));
        assertEquals(200, a.status(), a::toString);
        return a.raw();
    }

    private static double decisions(String metrics, String outcome) {
        Matcher m = Pattern.compile("ipledge_decisions_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} ([0-9.eE+]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
