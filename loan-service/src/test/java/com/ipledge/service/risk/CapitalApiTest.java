package com.ipledge.service.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/risk/capital} over HTTP. Expected figures are either published (Basel II Annex 5) or
 * computed here from DESIGN.md section 5 and Basel II paragraphs 328-330, independently of the engine.
 */
@MicronautTest(transactional = false)
class CapitalApiTest extends ApiTestBase {
    private static final String PATH = "/api/v1/risk/capital";
    private static final NormalDistribution N = new NormalDistribution(0.0, 1.0);
    private static final double TOLERANCE = 1e-9;

    private String officer;
    private String bureau;

    @BeforeAll
    void keys() {
        UUID bank = createBank("CAPBANK");
        officer = apiKey("BANK_OFFICER", bank);
        bureau = apiKey("BUREAU", null);
    }

    @Test
    void corporateRiskWeightMatchesBaselAnnex5() {
        // Basel II (June 2006) Annex 5, corporate exposures: PD 1.00%, LGD 45%, M = 2.5 -> 92.32%
        Answer a = post(PATH, Map.of("pd", 0.01, "lgd", 0.45, "maturityYears", 2.5, "ead", "1000000.00"), officer);
        assertEquals(200, a.status(), a::toString);
        assertEquals(0.9232, number(a, "riskWeight"), 1e-4);
        assertEquals("CORPORATE", a.text("assetClass"));
        assertEquals(maturityAdjustment(0.01, 2.5), number(a, "maturityAdjustment"), TOLERANCE);
        double k = number(a, "capitalRequirement");
        assertEquals(12.5 * k, number(a, "riskWeight"), TOLERANCE);
        assertEquals(new BigDecimal(12.5 * k * 1_000_000).setScale(2, java.math.RoundingMode.HALF_UP),
                new BigDecimal(a.text("rwa")));
        assertEquals("risk-models-0.1.0", a.text("engineVersion"));
    }

    @Test
    void corporateFiguresFollowTheDesignFormula() {
        Answer a = post(PATH, Map.of("pd", 0.025, "lgd", 0.40, "maturityYears", 4.0, "ead", 500000), bureau);
        assertEquals(200, a.status(), a::toString);
        assertEquals(corporateCorrelation(0.025), number(a, "correlation"), TOLERANCE);
        assertEquals(maturityAdjustment(0.025, 4.0), number(a, "maturityAdjustment"), TOLERANCE);
        assertEquals(corporateK(0.025, 0.40, 4.0, corporateCorrelation(0.025)), number(a, "capitalRequirement"),
                TOLERANCE);
    }

    @Test
    void smeCorporateAppliesTheFirmSizeAdjustment() {
        double pd = 0.02;
        double turnover = 12.0;
        double r = corporateCorrelation(pd) - 0.04 * (1.0 - (turnover - 5.0) / 45.0);
        double k = corporateK(pd, 0.45, 2.5, r);
        Answer a = post(PATH, Map.of("pd", pd, "lgd", 0.45, "maturityYears", 2.5, "ead", "200000",
                "assetClass", "SME_CORPORATE", "turnoverEurMillions", turnover), officer);
        assertEquals(200, a.status(), a::toString);
        assertEquals("SME_CORPORATE", a.text("assetClass"));
        assertEquals(r, number(a, "correlation"), TOLERANCE);
        assertEquals(12.5 * k, number(a, "riskWeight"), TOLERANCE);
        assertTrue(number(a, "riskWeight") < riskWeightOfCorporate(pd, 0.45, 2.5),
                "the firm-size adjustment lowers the weight below a large corporate's");

        // turnover below EUR 5m counts as 5m: the full 0.04 reduction
        Answer small = post(PATH, Map.of("pd", pd, "lgd", 0.45, "maturityYears", 2.5, "ead", "200000",
                "assetClass", "SME_CORPORATE", "turnoverEurMillions", 1.0), officer);
        assertEquals(corporateCorrelation(pd) - 0.04, number(small, "correlation"), TOLERANCE);
    }

    @Test
    void retailHasNoMaturityAdjustment() {
        // Basel II para. 330, other retail: R = 0.03 f + 0.16 (1 - f), f = (1 - e^(-35 PD)) / (1 - e^(-35))
        double pd = 0.03;
        double lgd = 0.35;
        double f = (1 - Math.exp(-35 * pd)) / (1 - Math.exp(-35));
        double r = 0.03 * f + 0.16 * (1 - f);
        double k = lgd * N.cumulativeProbability((N.inverseCumulativeProbability(pd)
                + Math.sqrt(r) * N.inverseCumulativeProbability(0.999)) / Math.sqrt(1 - r)) - pd * lgd;
        Answer a = post(PATH, Map.of("pd", pd, "lgd", lgd, "ead", "80000", "assetClass", "RETAIL_OTHER"), officer);
        assertEquals(200, a.status(), a::toString);
        assertEquals(r, number(a, "correlation"), TOLERANCE);
        assertEquals(1.0, number(a, "maturityAdjustment"), TOLERANCE);
        assertEquals(k, number(a, "capitalRequirement"), TOLERANCE);
        assertEquals(12.5 * k, number(a, "riskWeight"), TOLERANCE);
        assertEquals(0.0, number(a, "maturityUsed"), TOLERANCE);

        // para. 328: residential mortgages, R = 0.15 whatever the PD; a maturity, if sent, changes nothing
        Answer mortgage = post(PATH, Map.of("pd", pd, "lgd", lgd, "ead", "80000", "assetClass", "RETAIL_MORTGAGE",
                "maturityYears", 20), officer);
        assertEquals(200, mortgage.status(), mortgage::toString);
        assertEquals(0.15, number(mortgage, "correlation"), TOLERANCE);
    }

    @Test
    void pdIsFlooredAndMaturityBounded() {
        Answer a = post(PATH, Map.of("pd", 0.0001, "lgd", 0.45, "maturityYears", 7, "ead", 1000), officer);
        assertEquals(200, a.status(), a::toString);
        assertEquals(0.0003, number(a, "pdUsed"), TOLERANCE);
        assertEquals(5.0, number(a, "maturityUsed"), TOLERANCE);
        assertEquals(corporateK(0.0003, 0.45, 5.0, corporateCorrelation(0.0003)), number(a, "capitalRequirement"),
                TOLERANCE);
    }

    @Test
    void badInputsNameTheirFields() {
        assertEquals(List.of("pd"), bad(Map.of("pd", 1.5, "lgd", 0.45, "maturityYears", 2.5, "ead", 1000)));
        assertEquals(List.of("lgd"), bad(Map.of("pd", 0.01, "lgd", -0.1, "maturityYears", 2.5, "ead", 1000)));
        assertEquals(List.of("ead"), bad(Map.of("pd", 0.01, "lgd", 0.45, "maturityYears", 2.5, "ead", -1)));
        assertEquals(List.of("ead"), bad(Map.of("pd", 0.01, "lgd", 0.45, "maturityYears", 2.5, "ead", "1.234")));
        assertEquals(List.of("maturityYears"), bad(Map.of("pd", 0.01, "lgd", 0.45, "maturityYears", 0,
                "ead", 1000)));
        assertEquals(List.of("assetClass"), bad(Map.of("pd", 0.01, "lgd", 0.45, "maturityYears", 2.5,
                "ead", 1000, "assetClass", "SOVEREIGN")));
        assertEquals(List.of("turnoverEurMillions"), bad(Map.of("pd", 0.01, "lgd", 0.45, "maturityYears", 2.5,
                "ead", 1000, "assetClass", "SME_CORPORATE")));
        // every bad field at once, missing ones included
        assertEquals(List.of("pd", "lgd", "maturityYears", "ead"), bad(Map.of()));
        assertEquals(List.of("assetClass", "ead", "lgd", "pd"), bad(Map.of("pd", 1.5, "lgd", -0.1,
                "maturityYears", 2.5, "ead", -5, "assetClass", "sme")).stream().sorted().toList());
        // wrong types and unknown fields are rejected, not ignored
        assertEquals(List.of("pd"), bad(Map.of("pd", "high", "lgd", 0.45, "maturityYears", 2.5, "ead", 1000)));
        Map<String, Object> extra = new HashMap<>(Map.of("pd", 0.01, "lgd", 0.45, "maturityYears", 2.5,
                "ead", 1000));
        extra.put("riskWeight", 0.5);
        assertEquals(List.of("riskWeight"), bad(extra));
        // not an object at all: 400 problems too, never 500
        for (String body : List.of("", "[]", "null", "{\"pd\":")) {
            Answer a = post(PATH, body, officer);
            assertEquals(400, a.status(), () -> body + " -> " + a);
            assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
        }
    }

    @Test
    void theOpenApiDocumentListsBothRiskResources() {
        Answer spec = send(io.micronaut.http.HttpRequest.GET("/openapi.yml"));
        assertEquals(200, spec.status());
        assertTrue(spec.raw().contains("/api/v1/risk/capital"), "capital path in the spec");
        assertTrue(spec.raw().contains("/api/v1/risk/portfolio-simulations"), "simulation path in the spec");
    }

    @Test
    void anyAuthenticatedRoleMayAskButNotAnonymous() {
        Map<String, Object> body = Map.of("pd", 0.01, "lgd", 0.45, "maturityYears", 2.5, "ead", 1000);
        assertEquals(200, post(PATH, body, ADMIN_KEY).status());
        assertEquals(200, post(PATH, body, bureau).status());
        assertEquals(401, post(PATH, body, null).status());
    }

    private List<String> bad(Map<String, Object> body) {
        Answer a = post(PATH, body, officer);
        assertEquals(400, a.status(), a::toString);
        assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
        return a.errorFields();
    }

    private static double number(Answer a, String field) {
        return ((Number) a.get(field)).doubleValue();
    }

    private static double corporateCorrelation(double pd) {
        double f = (1 - Math.exp(-50 * pd)) / (1 - Math.exp(-50));
        return 0.12 * f + 0.24 * (1 - f);
    }

    private static double maturityAdjustment(double pd, double m) {
        double b = Math.pow(0.11852 - 0.05478 * Math.log(pd), 2);
        return (1 + (m - 2.5) * b) / (1 - 1.5 * b);
    }

    private static double corporateK(double pd, double lgd, double m, double r) {
        double conditional = N.cumulativeProbability(Math.pow(1 - r, -0.5) * N.inverseCumulativeProbability(pd)
                + Math.sqrt(r / (1 - r)) * N.inverseCumulativeProbability(0.999));
        return (lgd * conditional - pd * lgd) * maturityAdjustment(pd, m);
    }

    private static double riskWeightOfCorporate(double pd, double lgd, double m) {
        return 12.5 * corporateK(pd, lgd, m, corporateCorrelation(pd));
    }
}
