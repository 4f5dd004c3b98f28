package com.ipledge.service.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The numbers that shape a decision but lived in code (LGD assumptions, valuation freshness, portfolio correlation and
 * stresses, NPL tolerance, two-approver threshold) are versioned policy parameters (issue 15): GET shows them with
 * the values the code had, PUT changes them, and what follows obeys the version.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // one database: the defaults are seen before any change
class DecisionPolicyParametersTest extends ApiTestBase {
    private static final String PARAMETERS = "/api/v1/policy-parameters";

    private String officer;
    private String approver;
    private String secondApprover;
    private String bureau;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        UUID bank = createBank("POLICYNUM");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        secondApprover = apiKey("BANK_APPROVER", bank);
        bureau = apiKey("BUREAU", null);
        Answer plan = post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(), "amount", "100000000"),
                bureau);
        assertEquals(201, plan.status(), plan::toString);
    }

    @Test
    @Order(1)
    void theNumbersShowWithTheValuesTheCodeHad() {
        Answer a = get(PARAMETERS, officer);
        assertEquals(200, a.status(), a::toString);
        Map<String, Object> lgd = part(a.body(), "lgd");
        assertNumber("0.30", lgd.get("haircut"));
        assertNumber("12", lgd.get("monthsToSell"));
        assertNumber("0.08", lgd.get("discountRate"));
        assertNumber("0.15", lgd.get("recoveryCost"));
        assertEquals(180, ((Number) part(a.body(), "valuation").get("freshDays")).intValue());
        Map<String, Object> portfolio = part(a.body(), "portfolioRisk");
        assertNumber("0.12", portfolio.get("correlation"));
        assertEquals(List.of("PD_X2", "COLLATERAL_HAIRCUT_30", "BIGGEST_INDUSTRY_SHOCK"),
                stresses(portfolio).stream().map(s -> s.get("name")).toList());
        assertNumber("5000000", part(a.body(), "approval").get("twoApproverThreshold"));
        assertNumber("0.03", part(a.body(), "npl").get("tolerance"));
    }

    @Test
    @Order(2)
    void theTwoApproverThresholdIsTheOneOfTheVersionThatMadeTheDecision() {
        String before = fileStrongApplication(officer, "300000");
        Answer first = evaluate(before);
        assertEquals("APPROVE", first.text("decision"), first::toString);

        String version = change(p -> part(p, "approval").put("twoApproverThreshold", "100000"));
        String after = fileStrongApplication(officer, "300000");
        Answer second = evaluate(after);
        assertEquals("APPROVE", second.text("decision"), second::toString);
        assertEquals(version, versions(second).get("parameters"), "the decision names the version that made it");

        Answer one = post("/api/v1/applications/" + after + "/approval", Map.of("approve", true), approver);
        assertEquals(200, one.status(), one::toString);
        assertEquals("AWAITING_SECOND_APPROVAL", one.text("status"));
        assertEquals(2, ((Number) one.get("approvalsRequired")).intValue());
        Answer two = post("/api/v1/applications/" + after + "/approval", Map.of("approve", true), secondApprover);
        assertEquals(201, two.status(), two::toString);

        Answer older = post("/api/v1/applications/" + before + "/approval", Map.of("approve", true), approver);
        assertEquals(201, older.status(), "decided under the 5,000,000 threshold: one approver suffices " + older);
        assertEquals(1, ((Number) older.get("approvalsRequired")).intValue());
    }

    @Test
    @Order(3)
    void theValuationFreshnessDecidesWhichValuationIsLentAgainst() {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        String borrowerId = post("/api/v1/borrowers", borrower, officer).text("id");
        String asset = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")),
                officer).text("id");
        Answer valuation = post("/api/v1/valuations", Map.of("assetId", asset, "assumptions", Map.of(
                "valuationDate", today().minusDays(30).toString(), "baseRevenue", "30000000",
                "revenueGrowth", Map.of("mean", 0.03, "sd", 0), "royaltyRate", Map.of("mean", 0.04, "sd", 0),
                "discountRate", Map.of("mean", 0.12, "sd", 0), "taxRate", 0.25,
                "economicLifeYears", Map.of("min", 5, "mode", 5, "max", 5))), officer);
        assertEquals(201, valuation.status(), valuation::toString);
        Map<String, Object> application = Fixtures.application(borrowerId, List.of(asset));
        application.put("requestedAmount", "500000");
        String app = post("/api/v1/applications", application, officer).text("id");

        Map<String, Object> fresh = collateral(evaluate(app));
        assertEquals("BANK", fresh.get("valuationSource"), fresh::toString);
        assertEquals(valuation.text("id"), fresh.get("valuationId"));

        String version = change(p -> part(p, "valuation").put("freshDays", 20));
        Answer again = evaluate(app);
        assertEquals(version, versions(again).get("parameters"));
        Map<String, Object> stale = collateral(again);
        assertEquals("DESK", stale.get("valuationSource"), "30 days is too old under a 20-day freshness: " + stale);
        assertNotEquals(valuation.text("id"), stale.get("valuationId"));
        assertTrue(stale.get("valuationBasis").toString().contains("within 20 days"), stale::toString);
    }

    @Test
    @Order(6)
    void theLgdAssumptionsShapeTheLgd() {
        String app = fileStrongApplication(officer, "400000");
        BigDecimal before = new BigDecimal(evaluate(app).text("lgd"));
        change(p -> part(p, "lgd").put("haircut", "1"));
        BigDecimal after = new BigDecimal(evaluate(app).text("lgd"));
        assertTrue(after.compareTo(before) > 0, "a forced sale that fetches nothing loses more: " + before + " -> "
                + after);
    }

    @Test
    @Order(4)
    void thePortfolioCorrelationStressesAndNplToleranceFollowTheParameters() {
        change(p -> {
            Map<String, Object> portfolio = part(p, "portfolioRisk");
            portfolio.put("correlation", "0.20");
            portfolio.put("stresses", List.of(Map.of("name", "PD_X3", "zh", "违约概率乘以3", "en", "Every PD x3",
                    "pdMultiplier", "3", "collateralHaircut", "0", "biggestIndustryPdMultiplier", "1")));
            part(p, "npl").put("tolerance", "0.05");
        });
        Answer risk = get("/api/v1/portfolio/risk", bureau);
        assertEquals(200, risk.status(), risk::toString);
        assertNumber("0.20", risk.get("correlation"));
        List<?> stress = (List<?>) risk.get("stress");
        assertEquals(1, stress.size(), risk::toString);
        assertEquals("PD_X3", ((Map<?, ?>) stress.get(0)).get("name"));
        Answer npl = get("/api/v1/portfolio/npl", bureau);
        assertEquals(200, npl.status(), npl::toString);
        assertNumber("0.05", npl.get("tolerance"));
    }

    @Test
    @Order(5)
    void badNumbersAreRefusedNamingTheirFieldsAndStoreNothing() {
        String current = get(PARAMETERS, bureau).text("version");
        Map<String, Object> p = get(PARAMETERS, bureau).body();
        part(p, "lgd").put("haircut", "1.5");
        part(p, "lgd").put("monthsToSell", "-1");
        part(p, "valuation").put("freshDays", 0);
        part(p, "portfolioRisk").put("correlation", "1");
        part(p, "portfolioRisk").put("stresses", List.of(Map.of("name", "X", "zh", "X", "en", "X",
                "pdMultiplier", "-1", "collateralHaircut", "2", "biggestIndustryPdMultiplier", "1")));
        part(p, "approval").put("twoApproverThreshold", "-5");
        part(p, "npl").put("tolerance", "2");
        Answer a = put(p);
        assertEquals(400, a.status(), a::toString);
        assertEquals(List.of("approval.twoApproverThreshold", "lgd.haircut", "lgd.monthsToSell", "npl.tolerance",
                        "portfolioRisk.correlation", "portfolioRisk.stresses[0].collateralHaircut",
                        "portfolioRisk.stresses[0].pdMultiplier", "valuation.freshDays"),
                a.errorFields().stream().sorted().toList(), a::toString);
        assertEquals(current, get(PARAMETERS, bureau).text("version"));
    }

    /** PUTs the current parameters changed by {@code edit}; answers the new version. */
    private String change(Consumer<Map<String, Object>> edit) {
        Map<String, Object> p = get(PARAMETERS, bureau).body();
        edit.accept(p);
        Answer a = put(p);
        assertEquals(200, a.status(), a::toString);
        return a.text("version");
    }

    private Answer put(Map<String, Object> parameters) {
        return put(PARAMETERS, parameters, bureau);
    }

    private Answer evaluate(String app) {
        Answer a = post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer);
        assertEquals(200, a.status(), a::toString);
        return a;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> parameters, String name) {
        return (Map<String, Object>) parameters.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> stresses(Map<String, Object> portfolio) {
        return (List<Map<String, Object>>) portfolio.get("stresses");
    }

    private static Map<?, ?> versions(Answer decision) {
        return (Map<?, ?>) decision.get("versions");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> collateral(Answer decision) {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) decision.get("collateral");
        assertEquals(1, lines.size(), decision::toString);
        return lines.get(0);
    }

    private static void assertNumber(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
                expected + " vs " + actual);
    }
}
