package com.ipledge.service.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.rules.params.ValuationPolicy;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, governed: every stored valuation says where it came from, and a bank's decision lends only against the
 * desk's or the bank's own, never the bureau's. Found by a new user: after the bureau's key posted one valuation of a
 * patent with {@code baseRevenue: 9000000000}, the same 10,000,000 request that got a limit of ~381,000 was approved
 * in full.
 */
@MicronautTest(transactional = false)
class ValuationGovernanceTest extends ApiTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @Test
    void aBureauValuationDoesNotChangeABanksDecisionAndTheBanksOwnDoes() {
        UUID bank = createBank("GOVERN");
        String officer = apiKey("BANK_OFFICER", bank);
        String bureau = apiKey("BUREAU", null);
        post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(), "amount", "100000000"), bureau);
        Map<String, Object> borrower = Fixtures.strongBorrower();
        String borrowerId = post("/api/v1/borrowers", borrower, officer).text("id");
        String asset = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")),
                officer).text("id");

        Map<String, Object> first = evaluate(officer, borrowerId, asset);
        Map<String, Object> deskUsed = collateral(first);
        assertEquals("DESK", deskUsed.get("valuationSource"), first::toString);
        assertEquals(CollateralValuations.deskBasis(ValuationPolicy.defaults().freshDays()),
                deskUsed.get("valuationBasis"));

        Answer bureauView = post("/api/v1/valuations", valuation(asset, "9000000000"), bureau);
        assertEquals(201, bureauView.status(), bureauView::toString);
        assertEquals("BUREAU", bureauView.text("source"));
        assertEquals("BUREAU", get("/api/v1/valuations/" + bureauView.text("id"), bureau).text("source"));

        Map<String, Object> second = evaluate(officer, borrowerId, asset);
        Map<String, Object> stillDesk = collateral(second);
        assertEquals(deskUsed.get("valuationId"), stillDesk.get("valuationId"), "the bureau's view is not lent on");
        assertEquals("DESK", stillDesk.get("valuationSource"));
        assertEquals(first.get("approvedLimit"), second.get("approvedLimit"));
        assertNotEquals(bureauView.text("id"), stillDesk.get("valuationId"));

        Answer banks = post("/api/v1/valuations", valuation(asset, "30000000"), officer);
        assertEquals(201, banks.status(), banks::toString);
        assertEquals("BANK", banks.text("source"));
        Map<String, Object> third = evaluate(officer, borrowerId, asset);
        Map<String, Object> bankUsed = collateral(third);
        assertEquals(banks.text("id"), bankUsed.get("valuationId"), "the bank's own newest valuation is used");
        assertEquals("BANK", bankUsed.get("valuationSource"));
        assertTrue(bankUsed.get("valuationBasis").toString().startsWith("the bank's own newest valuation"),
                bankUsed::toString);
    }

    private Map<String, Object> evaluate(String officer, String borrowerId, String asset) {
        Map<String, Object> app = Fixtures.application(borrowerId, List.of(asset));
        app.put("requestedAmount", "10000000");
        Answer filed = post("/api/v1/applications", app, officer);
        assertEquals(201, filed.status(), filed::toString);
        Answer decision = post("/api/v1/applications/" + filed.text("id") + "/evaluation", Map.of(), officer);
        assertEquals(200, decision.status(), decision::toString);
        return decision.body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> collateral(Map<String, Object> decision) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) decision.get("collateral");
        assertEquals(1, items.size(), decision::toString);
        return items.get(0);
    }

    private Map<String, Object> valuation(String asset, String baseRevenue) {
        return Map.of("assetId", asset, "assumptions", Map.of("valuationDate", today().toString(),
                "baseRevenue", baseRevenue, "revenueGrowth", Map.of("mean", 0.03, "sd", 0),
                "royaltyRate", Map.of("mean", 0.04, "sd", 0), "discountRate", Map.of("mean", 0.12, "sd", 0),
                "taxRate", 0.25, "economicLifeYears", Map.of("min", 5, "mode", 5, "max", 5)));
    }
}
