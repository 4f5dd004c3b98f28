package com.ipledge.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo province's bank scorecard tells its three banks apart, and its statistics pack adds up across banks. */
@MicronautTest(transactional = false)
class DemoScorecardTest extends ApiTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.demo", "true", "ipledge.jobs.enabled", "false");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoBanksScoreDifferently() {
        String bureau = DemoProvince.demoKey("demo bureau");
        Answer card = get("/api/v1/portfolio/scorecard", bureau);
        assertEquals(200, card.status(), card::toString);
        List<Map<String, Object>> banks = (List<Map<String, Object>>) card.get("banks");
        assertEquals(3, banks.size());
        Set<BigDecimal> totals = new HashSet<>();
        Set<BigDecimal> granted = new HashSet<>();
        for (Map<String, Object> b : banks) {
            totals.add(new BigDecimal(b.get("total").toString()));
            granted.add(new BigDecimal(b.get("grantedAmount").toString()));
            assertTrue(((Number) b.get("grantedLoans")).intValue() > 0, b::toString);
            assertTrue(b.get("overallNplRatio") != null, "the bureau recorded each bank's overall NPL ratio");
        }
        assertEquals(3, totals.size(), "three different totals: " + banks);
        assertEquals(3, granted.size(), "three different volumes: " + banks);
        assertEquals(List.of(1, 2, 3), banks.stream().map(b -> ((Number) b.get("rank")).intValue()).toList());

        Answer pack = get("/api/v1/portfolio/statistics", bureau);
        assertEquals(200, pack.status(), pack::toString);
        Map<String, Object> totalsRow = (Map<String, Object>) pack.get("totals");
        BigDecimal byBanks = ((List<Map<String, Object>>) pack.get("byBank")).stream()
                .map(r -> new BigDecimal(r.get("outstandingBalance").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, byBanks.compareTo(new BigDecimal(totalsRow.get("outstandingBalance").toString())));
        BigDecimal summary = new BigDecimal(((Map<String, Object>) get("/api/v1/portfolio/summary", bureau)
                .get("totals")).get("outstanding").toString());
        assertEquals(0, summary.compareTo(new BigDecimal(totalsRow.get("outstandingBalance").toString())),
                "today's pack and the summary show the same book");
    }
}
