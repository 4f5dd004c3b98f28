package com.ipledge.service.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.valuation.ScoreWeights;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "Grounded", over HTTP: the desk valuation takes its assumptions from the policy's table by the
 * borrower's GB/T 4754 industry and says where they came from; the value score lists every indicator with its
 * source; the bureau changes an industry's row and the next desk valuation follows; ipledge's own realised
 * disposals become market comparables (and before there are any, the valuation says so).
 */
@MicronautTest(transactional = false)
class DeskValuationGroundsTest extends ApiTestBase {
    private String bureau;
    private String officer;
    private String approver;
    private String otherOfficer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        bureau = apiKey("BUREAU", null);
        UUID bank = createBank("GROUNDBANK");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        UUID other = createBank("GROUNDOTHER");
        otherOfficer = apiKey("BANK_OFFICER", other);
        for (UUID id : List.of(bank, other)) {
            Answer plan = post("/api/v1/quota-plans", Map.of("bankId", id, "year", thisYear(),
                    "amount", "100000000"), bureau);
            assertEquals(201, plan.status(), plan::toString);
        }
    }

    /** Files and evaluates one application pledging {@code patent} of a new borrower in {@code industryCode}. */
    private Evaluated evaluate(String key, String industryCode, String requested) {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        borrower.put("industryCode", industryCode);
        Answer b = post("/api/v1/borrowers", borrower, key);
        assertEquals(201, b.status(), b::toString);
        Answer a = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")), key);
        assertEquals(201, a.status(), a::toString);
        Map<String, Object> app = Fixtures.application(b.text("id"), List.of(a.text("id")));
        app.put("requestedAmount", requested);
        Answer created = post("/api/v1/applications", app, key);
        assertEquals(201, created.status(), created::toString);
        Answer decision = post("/api/v1/applications/" + created.text("id") + "/evaluation", Map.of(), key);
        assertEquals(200, decision.status(), decision::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> collateral = ((List<Map<String, Object>>) decision.get("collateral")).get(0);
        assertEquals(Boolean.TRUE, collateral.get("deskValuation"), decision::toString);
        Answer valuation = get("/api/v1/valuations/" + collateral.get("valuationId"), key);
        assertEquals(200, valuation.status(), valuation::toString);
        return new Evaluated(created.text("id"), decision, valuation);
    }

    private record Evaluated(String applicationId, Answer decision, Answer valuation) {
        @SuppressWarnings("unchecked")
        Map<String, Object> desk() {
            return (Map<String, Object>) valuation.get("deskAssumptions");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> evidence() {
            return (Map<String, Object>) valuation.get("marketEvidence");
        }

        BigDecimal collateralValue() {
            return new BigDecimal(valuation.get("collateralValue").toString());
        }
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }

    @Test
    void aPharmaceuticalAndAFarmingBorrowersPatentAreValuedOnTheirIndustrysAssumptions() {
        Evaluated pharma = evaluate(officer, "C2710", "300000");
        Evaluated farm = evaluate(officer, "A0111", "300000");

        Map<String, Object> p = pharma.desk();
        assertEquals("C2710", p.get("borrowerIndustryCode"));
        assertEquals("C27", p.get("industry"), "the division's row");
        assertEquals("INVENTION_PATENT", p.get("ipType"));
        // C27 invention: royalty 4-10 % -> mean 7 %, sd 1.5 %; 35 % of 80,000,000 yuan
        assertEquals(0.07, ((Number) p.get("royaltyMean")).doubleValue(), 1e-12);
        assertEquals(0.015, ((Number) p.get("royaltySd")).doubleValue(), 1e-12);
        assertEquals(0, new BigDecimal("28000000.00").compareTo(decimal(p.get("baseRevenue"))));
        assertEquals(9.0, ((Number) p.get("lifeMode")).doubleValue(), 1e-12);
        assertTrue(p.get("source").toString().startsWith("ipledge project default"), p::toString);
        assertEquals(get("/api/v1/policy-parameters", bureau).text("version"), p.get("parametersVersion"));

        Map<String, Object> f = farm.desk();
        assertEquals("A0111", f.get("borrowerIndustryCode"));
        assertEquals("*", f.get("industry"), "no A01 or A row for inventions by default: the type's row");
        // * invention: royalty 2-6 % -> mean 4 %, sd 1 %; 25 % of 80,000,000 yuan
        assertEquals(0.04, ((Number) f.get("royaltyMean")).doubleValue(), 1e-12);
        assertEquals(0.01, ((Number) f.get("royaltySd")).doubleValue(), 1e-12);
        assertEquals(0, new BigDecimal("20000000.00").compareTo(decimal(f.get("baseRevenue"))));
        assertTrue(f.get("source").toString().contains("every industry without its own row"), f::toString);

        // the same patent facts: 2.45 x the royalty income a year over a longer life is worth well over twice
        assertTrue(pharma.collateralValue().compareTo(farm.collateralValue().multiply(BigDecimal.valueOf(2))) > 0,
                pharma.collateralValue() + " vs " + farm.collateralValue());
        assertEquals("NONE", pharma.evidence().get("status"), "no recoveries in this bank yet");
        assertTrue(pharma.evidence().get("note").toString().contains("C27"), pharma.evidence()::toString);
        assertNull(pharma.valuation().get("market"), "no comparables: no market approach");
    }

    @Test
    void everyIndicatorOfTheScoreIsListedWithItsSourceAndWeight() {
        Evaluated desk = evaluate(officer, "C3911", "300000");
        @SuppressWarnings("unchecked")
        Map<String, Object> score = (Map<String, Object>) desk.valuation().get("valueScore");
        for (String degree : List.of("legal", "technical", "economic", "total")) {
            assertNotNull(score.get(degree), degree);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) score.get("indicators");
        assertEquals(ScoreWeights.PATENT_INDICATORS, indicators.stream().map(i -> i.get("id")).toList());
        double weights = 0;
        double total = 0;
        for (Map<String, Object> i : indicators) {
            assertEquals(Set.of("id", "name", "value", "points", "weight", "source"), i.keySet(), i::toString);
            assertTrue(Set.of("ASSET", "OFFICER", "DEFAULT").contains(i.get("source")), i::toString);
            double points = ((Number) i.get("points")).doubleValue();
            assertTrue(points >= 0 && points <= 100, i::toString);
            weights += ((Number) i.get("weight")).doubleValue();
            total += points * ((Number) i.get("weight")).doubleValue();
        }
        assertEquals(1.0, weights, 1e-9);
        assertEquals(((Number) score.get("total")).doubleValue(), total, 0.06, "total = sum of weight x points");
        Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
        indicators.forEach(i -> byId.put((String) i.get("id"), i));
        // the register's facts, the officer's revenue, and what nobody told the desk
        assertEquals("ASSET", byId.get("L.SCOPE.CLAIMS").get("source"));
        assertEquals("12", byId.get("L.SCOPE.CLAIMS").get("value"));
        assertEquals("OFFICER", byId.get("E.MARKET.SCALE").get("source"));
        assertEquals("DEFAULT", byId.get("E.APPLICATION.ATTRIBUTION").get("source"));
        assertEquals("DEFAULT", byId.get("L.ENFORCEMENT.LITIGATION").get("source"));
        assertEquals("*", desk.desk().get("industry"), "no C or C39 row: the invention's default row");

        // a bank's own valuation says what its officer gave
        Map<String, Object> asset = Fixtures.invention(Fixtures.creditCode());
        asset.put("litigation", "UPHELD");
        asset.put("revenueAttribution", 0.3);
        Answer inline = post("/api/v1/valuations", Map.of("asset", asset, "assumptions",
                ValuationApiTest.uncertainAssumptions()), officer);
        assertEquals(200, inline.status(), inline::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> given = (List<Map<String, Object>>) ((Map<String, Object>) inline
                .get("valueScore")).get("indicators");
        Map<String, Object> litigation = given.stream().filter(i -> i.get("id").equals("L.ENFORCEMENT.LITIGATION"))
                .findFirst().orElseThrow();
        assertEquals(List.of("UPHELD", "OFFICER"), List.of(litigation.get("value"), litigation.get("source")));
        assertNull(inline.get("deskAssumptions"), "only a desk valuation has desk assumptions");
    }

    @Test
    void theBureauChangesAnIndustrysRoyaltyRangeAndTheNextDeskValuationFollowsIt() {
        Answer current = get("/api/v1/policy-parameters", bureau);
        assertEquals(200, current.status(), current::toString);
        Map<String, Object> parameters = current.body();
        @SuppressWarnings("unchecked")
        Map<String, Object> valuation = (Map<String, Object>) parameters.get("valuation");
        assertNotNull(valuation, "GET shows the valuation policy");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) valuation.get("deskAssumptions");
        @SuppressWarnings("unchecked")
        Map<String, Object> weights = (Map<String, Object>) ((Map<String, Object>) valuation.get("scoreWeights"))
                .get("PATENT");
        assertEquals(new HashSet<>(ScoreWeights.PATENT_INDICATORS), weights.keySet(),
                "the policy's finance weights name the engine's indicators");

        // bad rows and unknown indicators are named, and nothing is stored
        Map<String, Object> bad = JSON.convertValue(parameters, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> badValuation = (Map<String, Object>) bad.get("valuation");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> badRows = new ArrayList<>((List<Map<String, Object>>) badValuation
                .get("deskAssumptions"));
        Map<String, Object> wrongIndustry = new java.util.HashMap<>(badRows.get(0));
        wrongIndustry.put("industry", "C99");
        badRows.add(wrongIndustry);
        badValuation.put("deskAssumptions", badRows);
        @SuppressWarnings("unchecked")
        Map<String, Object> badWeights = new java.util.HashMap<>((Map<String, Object>) ((Map<String, Object>)
                badValuation.get("scoreWeights")).get("PATENT"));
        badWeights.put("T.MOON.PHASE", 0);
        badValuation.put("scoreWeights", Map.of("PATENT", badWeights, "MARK",
                ((Map<?, ?>) badValuation.get("scoreWeights")).get("MARK")));
        Answer refused = put("/api/v1/policy-parameters", bad, bureau);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.errorFields().contains("valuation.deskAssumptions[" + rows.size() + "].industry"),
                refused::toString);
        Answer refusedWeights = put("/api/v1/policy-parameters", Map.of(), bureau);
        assertEquals(400, refusedWeights.status());
        badValuation.put("deskAssumptions", rows);
        Answer unknownIndicator = put("/api/v1/policy-parameters", bad, bureau);
        assertEquals(400, unknownIndicator.status(), unknownIndicator::toString);
        assertEquals(List.of("valuation.scoreWeights.PATENT.T.MOON.PHASE"), unknownIndicator.errorFields());
        assertEquals(403, put("/api/v1/policy-parameters", parameters, officer).status(), "only the bureau");

        Map<String, Object> original = JSON.convertValue(parameters, Map.class);
        // the bureau gives crop-farming inventions a row of their own
        List<Map<String, Object>> withFarming = new ArrayList<>(rows);
        withFarming.add(Map.of("industry", "A01", "ipType", "INVENTION_PATENT",
                "royaltyRate", Map.of("low", new BigDecimal("0.05"), "high", new BigDecimal("0.09")),
                "revenueShare", new BigDecimal("0.20"), "economicLifeYears", Map.of("min", 3, "mode", 5, "max", 8),
                "source", "bureau notice 2026-12 (test): farm machinery inventions license higher"));
        valuation.put("deskAssumptions", withFarming);
        Answer changed = put("/api/v1/policy-parameters", parameters, bureau);
        assertEquals(200, changed.status(), changed::toString);
        try {
            String version = changed.text("version");
            Evaluated after = evaluate(officer, "A0111", "300000");
            Map<String, Object> d = after.desk();
            assertEquals("A01", d.get("industry"));
            assertEquals(0.07, ((Number) d.get("royaltyMean")).doubleValue(), 1e-12);
            assertEquals(0.01, ((Number) d.get("royaltySd")).doubleValue(), 1e-12);
            assertEquals(0, new BigDecimal("16000000.00").compareTo(decimal(d.get("baseRevenue"))));
            assertEquals(8.0, ((Number) d.get("lifeMax")).doubleValue(), 1e-12);
            assertEquals("bureau notice 2026-12 (test): farm machinery inventions license higher",
                    d.get("source"));
            assertEquals(version, d.get("parametersVersion"));
        } finally {
            // the other tests of this class value A01 borrowers on the default row
            assertEquals(200, put("/api/v1/policy-parameters", original, bureau).status());
        }
    }

    @Test
    void aRealisedDisposalBecomesAComparableOfTheSameBanksNextDeskValuation() {
        // before: the loan's own desk valuation has no comparables
        Evaluated first = evaluate(officer, "I6510", "300000");
        assertEquals("NONE", first.evidence().get("status"));
        assertEquals(List.of(), first.evidence().get("comparables"));
        assertEquals("APPROVE", first.decision().text("decision"), first.decision()::toString);
        Answer approved = post("/api/v1/applications/" + first.applicationId() + "/approval",
                Map.of("approve", true), approver);
        assertEquals(201, approved.status(), approved::toString);
        String loan = approved.text("loanId");
        Answer pledge = post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "Y" + loan.substring(0, 8), "registeredOn", today().toString()), officer);
        assertEquals(200, pledge.status(), pledge::toString);
        Answer disbursed = post("/api/v1/loans/" + loan + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);
        Answer defaulted = post("/api/v1/loans/" + loan + "/default", Map.of("defaultedOn", today().toString()),
                officer);
        assertEquals(201, defaulted.status(), defaulted::toString);
        // one auction paid in two instalments: one comparable at the sum, not two small ones
        Answer recovery = post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "150000.00",
                "costs", "5000", "recoveredOn", today().toString(), "method", "AUCTION"), officer);
        assertEquals(201, recovery.status(), recovery::toString);
        Answer balance = post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "50000.00",
                "recoveredOn", today().toString(), "method", "AUCTION"), officer);
        assertEquals(201, balance.status(), balance::toString);

        // after: the next I65 invention of this bank lists the auction with its factors and uses it
        Evaluated next = evaluate(officer, "I6520", "300000");
        Map<String, Object> evidence = next.evidence();
        assertEquals("USED", evidence.get("status"), evidence::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> comparables = (List<Map<String, Object>>) evidence.get("comparables");
        assertEquals(1, comparables.size());
        Map<String, Object> c = comparables.get(0);
        assertEquals("RECOVERY", c.get("kind"));
        assertEquals("AUCTION", c.get("method"));
        assertEquals(loan, c.get("reference"), "the loan whose recoveries by auction are summed");
        assertEquals(0, new BigDecimal("200000.00").compareTo(decimal(c.get("price"))), "the gross price realised");
        assertEquals("I6510", c.get("industryCode"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> factors = (List<Map<String, Object>>) c.get("adjustmentFactors");
        assertEquals(List.of("remainingLegalLife", "method"), factors.stream().map(x -> x.get("name")).toList());
        // the same young patent, valued the same day: the same life left, factor 1
        assertEquals(1.0, ((Number) factors.get(0).get("factor")).doubleValue(), 1e-9);
        assertEquals(0, new BigDecimal("200000.00").compareTo(decimal(c.get("adjustedPrice"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> market = (Map<String, Object>) next.valuation().get("market");
        assertNotNull(market, "the comparables took part");
        assertEquals(0, new BigDecimal("200000.00").compareTo(decimal(market.get("value"))));

        // another bank in the same industry sees none of it
        Evaluated elsewhere = evaluate(otherOfficer, "I6510", "300000");
        assertEquals("NONE", elsewhere.evidence().get("status"));
        // nor does this bank for another industry
        assertEquals("NONE", evaluate(officer, "C2710", "300000").evidence().get("status"));
    }
}
