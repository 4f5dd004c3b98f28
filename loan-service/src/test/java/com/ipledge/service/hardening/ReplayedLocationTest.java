package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replay (same {@code Idempotency-Key}, same request) answers with the first answer's {@code Location}: probed on
 * every creating route that sends one (both batch uploads and POST /valuations).
 */
@MicronautTest(transactional = false)
class ReplayedLocationTest extends ApiTestBase {
    private String officer;
    private String assetId;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void bankWithAnAsset() {
        officer = apiKey("BANK_OFFICER", createBank("REPLAYLOC"));
        Map<String, Object> borrower = Fixtures.borrower();
        assertEquals(201, post("/api/v1/borrowers", borrower, officer).status());
        Answer asset = post("/api/v1/ip-assets", Fixtures.invention((String) borrower.get("creditCode")), officer);
        assertEquals(201, asset.status(), asset::toString);
        assetId = asset.text("id");
    }

    @Test
    void aReplayKeepsTheFirstLocation() {
        String valuation = "{\"assetId\":\"" + assetId + "\",\"assumptions\":{\"valuationDate\":\"" + today()
                + "\",\"baseRevenue\":\"1000000\",\"revenueGrowth\":{\"mean\":0.03,\"sd\":0},"
                + "\"royaltyRate\":{\"mean\":0.04,\"sd\":0},\"discountRate\":{\"mean\":0.12,\"sd\":0},"
                + "\"taxRate\":0.25,\"economicLifeYears\":{\"min\":5,\"mode\":5,\"max\":5}}}";
        String unknownBorrower = UUID.randomUUID().toString();
        Map<String, Function<String, Answer>> routes = Map.of(
                "POST /valuations/batch", key -> csv("/api/v1/valuations/batch",
                        "assetId,valuationDate,baseRevenue,revenueGrowthMean,revenueGrowthSd,royaltyRateMean,"
                                + "royaltyRateSd,discountRateMean,discountRateSd,taxRate,economicLifeMin,"
                                + "economicLifeMode,economicLifeMax\n" + assetId + "," + today()
                                + ",1000000,0.03,0,0.04,0,0.12,0,0.25,5,5,5\n", key),
                "POST /applications/batch", key -> csv("/api/v1/applications/batch",
                        "borrowerId,requestedAmount,termMonths,purpose,assetIds\n" + unknownBorrower
                                + ",100000,12,设备," + assetId + "\n", key),
                "POST /valuations", key -> post("/api/v1/valuations", valuation, officer, key));
        List<String> failures = new ArrayList<>();
        routes.forEach((route, call) -> {
            String key = UUID.randomUUID().toString();
            Answer first = call.apply(key);
            String location = first.headers().get("Location");
            assertNotNull(location, route + " sends a Location: " + first);
            Answer replay = call.apply(key);
            if (!"true".equals(replay.headers().get("Idempotent-Replayed")) || replay.status() != first.status()
                    || !location.equals(replay.headers().get("Location"))) {
                failures.add(route + ": first " + first.status() + " " + location + ", replay " + replay.status()
                        + " " + replay.headers().get("Location"));
            }
        });
        assertTrue(failures.isEmpty(), routes.size() + " routes, failed: " + failures);
    }

    private Answer csv(String path, String body, String key) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST(path, body.getBytes(StandardCharsets.UTF_8))
                .bearerAuth(officer).contentType("text/csv").header("Idempotency-Key", key);
        return send(request);
    }
}
