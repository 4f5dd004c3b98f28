package com.ipledge.service.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.PortfolioBodies;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/risk/portfolio-simulations} over HTTP. */
@MicronautTest(transactional = false)
class PortfolioSimulationApiTest extends ApiTestBase {
    private static final String PATH = "/api/v1/risk/portfolio-simulations";
    private static final NormalDistribution N = new NormalDistribution(0.0, 1.0);

    private String officer;
    private String approver;
    private String bureau;

    @BeforeAll
    void keys() {
        UUID bank = createBank("SIMBANK");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        bureau = apiKey("BUREAU", null);
    }

    /**
     * 100,000 identical loans x 200,000 scenarios (the size API.md says must be answered) against the Vasicek
     * closed form x_q = N((G(PD) + sqrt(R) G(q)) / sqrt(1 - R)) x EAD x LGD x count. Tolerance: 4 standard
     * errors of the simulated quantile (delta method: the loss is monotone in the systematic factor, whose
     * q-quantile estimated from n draws has standard error sqrt(q (1 - q) / n) / phi(G(q))), plus 1% for the
     * portfolio's finite granularity (the closed form assumes infinitely many loans).
     */
    @Test
    void homogeneousGroupAgreesWithTheVasicekClosedForm() {
        long count = 100_000;
        double ead = 1_000_000;
        double pd = 0.01;
        double lgd = 0.45;
        double r = 0.12;
        int scenarios = 200_000;
        Answer a = post(PATH, Map.of("groups", List.of(Map.of("count", count, "ead", "1000000.00", "pd", pd,
                        "lgd", lgd, "sector", "C")), "correlation", r, "scenarios", scenarios, "seed", 20261125),
                bureau);
        assertEquals(200, a.status(), a::toString);
        double scale = ead * lgd * count;
        for (double q : new double[] {0.99, 0.999}) {
            String key = Double.toString(q);
            double z = N.inverseCumulativeProbability(q);
            double arg = (N.inverseCumulativeProbability(pd) + Math.sqrt(r) * z) / Math.sqrt(1 - r);
            double closedForm = N.cumulativeProbability(arg) * scale;
            double factorSe = Math.sqrt(q * (1 - q) / scenarios) / N.density(z);
            double lossSe = N.density(arg) * Math.sqrt(r / (1 - r)) * factorSe * scale;
            double tolerance = 4 * lossSe + 0.01 * closedForm;
            double simulated = money(a, "lossQuantiles", key);
            assertEquals(closedForm, simulated, tolerance, "VaR at " + key);
            assertEquals(simulated, money(a, "var", key), 0.0, "var is an alias of lossQuantiles");
            assertTrue(money(a, "expectedShortfall", key) > simulated, "ES beyond VaR at " + key);
        }
        // EL: the mean of 200,000 scenario losses; its standard error is below 0.5% of PD x LGD x EAD x count here
        assertEquals(pd * scale, ((Number) a.get("expectedLoss")).doubleValue(), 0.02 * pd * scale);
        assertEquals(new BigDecimal("100000000000.00"), new BigDecimal(a.text("totalExposure")));
        assertEquals(scenarios, a.get("scenarios"));
        assertEquals(20261125, ((Number) a.get("seed")).intValue());
        assertEquals("risk-models-0.1.0", a.text("engineVersion"));
        assertTrue(((Number) a.get("elapsedMs")).longValue() >= 0);
        assertEquals(50, ((List<?>) a.get("histogram")).size());
        assertEquals(scenarios, ((List<Map<String, Object>>) a.get("histogram")).stream()
                .mapToLong(b -> ((Number) b.get("count")).longValue()).sum());
    }

    @Test
    void sameSeedGivesTheSameAnswer() {
        Map<String, Object> body = exposuresRequest(2_000, 5_000, 7L, null);
        Answer first = post(PATH, body, officer);
        Answer second = post(PATH, body, approver);
        assertEquals(200, first.status(), first::toString);
        for (String field : List.of("expectedLoss", "lossQuantiles", "expectedShortfall", "contributions",
                "herfindahl", "histogram", "totalExposure")) {
            assertEquals(first.get(field), second.get(field), field);
        }
        Answer otherSeed = post(PATH, exposuresRequest(2_000, 5_000, 8L, null), officer);
        assertNotEquals(first.get("expectedLoss"), otherSeed.get("expectedLoss"));
        assertEquals(first.get("totalExposure"), otherSeed.get("totalExposure"));
        Map<?, ?> hhi = (Map<?, ?>) first.get("herfindahl");
        assertEquals(List.of("bank", "industry", "region", "ipType"), List.copyOf(hhi.keySet()));
    }

    @Test
    void stressRaisesExpectedLoss() {
        Answer base = post(PATH, exposuresRequest(1_000, 5_000, 11L, null), bureau);
        Answer doubledPd = post(PATH, exposuresRequest(1_000, 5_000, 11L, Map.of("pdMultiplier", 2.0)), bureau);
        Answer haircut = post(PATH, exposuresRequest(1_000, 5_000, 11L, Map.of("collateralHaircut", 0.5)), bureau);
        Answer industryShock = post(PATH, exposuresRequest(1_000, 5_000, 11L,
                Map.of("shockedIndustry", "C", "industryPdMultiplier", 3.0)), bureau);
        for (Answer a : List.of(base, doubledPd, haircut, industryShock)) {
            assertEquals(200, a.status(), a::toString);
        }
        double el = money(base, "expectedLoss");
        assertTrue(money(doubledPd, "expectedLoss") > 1.5 * el, "PD x 2 raises EL");
        assertTrue(money(haircut, "expectedLoss") > el, "a collateral haircut raises LGD, so EL");
        assertTrue(money(industryShock, "expectedLoss") > el, "an industry shock raises EL");
        // the analytic EL (sum of PD x LGD x EAD) doubles exactly when every PD doubles (all stay below 1 here)
        assertEquals(2 * money(base, "analyticExpectedLoss"), money(doubledPd, "analyticExpectedLoss"), 0.05);
        assertTrue(money(doubledPd, "lossQuantiles", "0.999") > money(base, "lossQuantiles", "0.999"));
    }

    @Test
    void badInputsNameTheirFields() {
        Map<String, Object> group = Map.of("count", 100, "ead", "1000", "pd", 0.02, "lgd", 0.4);
        assertEquals(List.of("groups[0].pd"), bad(groups(Map.of("count", 100, "ead", "1000", "pd", 1.5,
                "lgd", 0.4))));
        assertEquals(List.of("groups[0].ead", "groups[0].lgd"), bad(groups(Map.of("count", 100, "ead", "-1",
                "pd", 0.02, "lgd", -0.1))).stream().sorted().toList());
        assertEquals(List.of("groups[0].count"), bad(groups(Map.of("count", 0, "ead", "1000", "pd", 0.02,
                "lgd", 0.4))));
        assertEquals(List.of("groups[0].count", "groups[0].pd"), bad(groups(Map.of("ead", "1000",
                "lgd", 0.4))));
        assertEquals(List.of("groups", "correlation", "seed", "scenarios"), bad(Map.of()));
        // what the service checks (presence) and what the engine checks (ranges) are reported together
        assertEquals(List.of("groups[0].pd", "seed"), bad(Map.of("groups", List.of(Map.of("count", 100,
                "ead", "1000", "pd", 1.5, "lgd", 0.4)), "correlation", 0.1, "scenarios", 100)).stream()
                .sorted().toList());
        assertEquals(List.of("correlation"), bad(with(groups(group), "correlation", 1.0)));
        assertEquals(List.of("confidenceLevels[1]"), bad(with(groups(group), "confidenceLevels",
                List.of(0.99, 1.2))));
        assertEquals(List.of("stress.collateralHaircut"), bad(with(groups(group), "stress",
                Map.of("collateralHaircut", 2.0))));
        assertEquals(List.of("stress.industryPdMultiplier"), bad(with(groups(group), "stress",
                Map.of("shockedIndustry", "C"))));
        assertEquals(List.of("exposures[1].ead"), bad(Map.of("exposures", List.of(
                Map.of("ead", "100", "pd", 0.01, "lgd", 0.4), Map.of("ead", "1.001", "pd", 0.01, "lgd", 0.4)),
                "correlation", 0.1, "scenarios", 100, "seed", 1)));
        assertEquals(List.of("histogramBins"), bad(with(groups(group), "histogramBins", 0)));
        // more than the engine's 5,000,000 scenarios, even for a single group
        assertEquals(List.of("scenarios"), bad(with(groups(group), "scenarios", 6_000_000)));
        assertEquals(List.of("groups[0].pd"), bad(groups(Map.of("count", 100, "ead", "1000", "pd", "x",
                "lgd", 0.4))));
        assertEquals(List.of("groups[0].expectedLoss"), bad(groups(Map.of("count", 100, "ead", "1000",
                "pd", 0.02, "lgd", 0.4, "expectedLoss", 5))));
    }

    @Test
    void requestsOverTheSynchronousLimitBecomeJobsAndOverTheJobLimitAreRejectedNotRun() {
        // at the synchronous limit exactly: 20,000 exposures x 500 scenarios = 10,000,000 loan-scenarios, answered
        Answer atLimit = post(PATH, PortfolioBodies.untaggedExposures(20_000, 500), bureau);
        assertEquals(200, atLimit.status(), atLimit::toString);
        assertEquals(500, atLimit.get("scenarios"));

        // one scenario more: a job to poll (SimulationJobApiTest follows one to its end)
        Answer job = post(PATH, PortfolioBodies.untaggedExposures(20_000, 501), bureau);
        assertEquals(202, job.status(), job::toString);
        assertEquals("/api/v1/risk/portfolio-simulations/" + job.text("id"),
                job.headers().get("Location"));

        // over a job's limit: 500 groups (each counts once) x 5,000,000 scenarios = 2,500,000,000
        Map<String, Object> group = Map.of("count", 100, "ead", "1000", "pd", 0.02, "lgd", 0.4);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            groups.add(group);
        }
        Answer groupsOver = post(PATH, Map.of("groups", groups, "correlation", 0.1, "scenarios", 5_000_000,
                "seed", 1), bureau);
        assertEquals(400, groupsOver.status(), groupsOver::toString);
        assertTrue(groupsOver.contentType().startsWith("application/problem+json"));
        assertEquals(List.of("scenarios"), groupsOver.errorFields());
        assertTrue(groupsOver.text("type").endsWith("simulation-too-large"));
        assertTrue(groupsOver.errors().get(0).get("message").toString().contains("2000000000"),
                groupsOver::toString);

        // more than 100,000 distinct exposures: 400 naming the list, whatever the scenarios
        Answer longList = post(PATH, PortfolioBodies.untaggedExposures(100_001, 10), bureau);
        assertEquals(400, longList.status(), longList::toString);
        assertEquals(List.of("exposures"), longList.errorFields());
    }

    @Test
    void bodiesOverTheirLimitAreRejectedBeforeTheyAreRead() {
        // a simulation may send up to 8 MB (100,000 compact exposures) ...
        Answer huge = post(PATH, PortfolioBodies.untaggedExposures(260_000, 10), bureau);
        assertEquals(413, huge.status(), huge::toString);
        assertTrue(huge.contentType().startsWith("application/problem+json"), huge::toString);
        // ... every other endpoint 1 MB
        Answer capital = post("/api/v1/risk/capital", "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}", bureau);
        assertEquals(413, capital.status(), capital::toString);
    }

    @Test
    void bureauAndBanksMaySimulateAdminsMayNot() {
        Map<String, Object> body = groups(Map.of("count", 10, "ead", "1000", "pd", 0.02, "lgd", 0.4));
        assertEquals(200, post(PATH, body, approver).status());
        assertEquals(403, post(PATH, body, ADMIN_KEY).status());
        assertEquals(401, post(PATH, body, null).status());
    }

    private List<String> bad(Map<String, Object> body) {
        Answer a = post(PATH, body, bureau);
        assertEquals(400, a.status(), a::toString);
        assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
        return a.errorFields();
    }

    private static Map<String, Object> groups(Map<String, Object> group) {
        return Map.of("groups", List.of(group), "correlation", 0.12, "scenarios", 1_000, "seed", 3);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** A mixed book of distinct loans across four industries, three banks and two regions. */
    private static Map<String, Object> exposuresRequest(int loans, int scenarios, long seed,
                                                        Map<String, Object> stress) {
        String[] industries = {"C", "I", "M", "F"};
        List<Map<String, Object>> exposures = new ArrayList<>(loans);
        for (int i = 0; i < loans; i++) {
            exposures.add(Map.of("ead", BigDecimal.valueOf(100_000 + 1_000L * (i % 97)),
                    "pd", 0.005 + 0.001 * (i % 30), "lgd", 0.3 + 0.01 * (i % 40),
                    "bank", "B" + (i % 3), "industry", industries[i % 4], "region", i % 2 == 0 ? "110000" : "320000"));
        }
        Map<String, Object> body = new HashMap<>(Map.of("exposures", exposures, "correlation", 0.15,
                "scenarios", scenarios, "seed", seed));
        if (stress != null) {
            body.put("stress", stress);
        }
        return body;
    }


    private static double money(Answer a, String field) {
        return new BigDecimal(a.get(field).toString()).doubleValue();
    }

    private static double money(Answer a, String map, String key) {
        return new BigDecimal(((Map<String, Object>) a.get(map)).get(key).toString()).doubleValue();
    }
}
