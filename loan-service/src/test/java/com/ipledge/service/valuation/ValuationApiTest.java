package com.ipledge.service.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /valuations} and {@code GET /valuations/{id}} over HTTP, against a real PostgreSQL. */
@MicronautTest(transactional = false)
class ValuationApiTest extends ApiTestBase {
    private static final String PATH = "/api/v1/valuations";
    /** Fields of a valuation that depend only on its request, not on where it was kept. */
    private static final List<String> COMPUTED = List.of("income", "incomeClosedForm", "weights", "reconciledValue",
            "reconciled", "collateralQuantile", "collateralValue", "valueScore", "scoreAdjustment", "sensitivity",
            "legalLife", "engineVersion", "seed", "paths", "valuationDate");

    private String officer;
    private String otherBankOfficer;
    private String bureau;

    @BeforeAll
    void setUpBanks() {
        UUID bank = createBank("VALBANK");
        UUID other = createBank("VALOTHER");
        officer = apiKey("BANK_OFFICER", bank);
        otherBankOfficer = apiKey("BANK_OFFICER", other);
        bureau = apiKey("BUREAU", null);
    }

    // --- the closed-form identity ---

    /**
     * Every sd 0 and min = mode = max: each path is the closed-form annuity. B = 1,000,000, g = 5 %, royalty 5 %,
     * tax 25 %, r = 10 %, life 5 years (legal life 10 left), END_YEAR:
     * sum_{t=1..5} 37,500 x 1.05^(t-1) / 1.10^t = 155,647.1727... yuan.
     */
    @Test
    void certainInputsGiveTheClosedFormToTheFenEndYear() {
        long before = count("SELECT count(*) FROM valuation");
        Answer a = post(PATH, inline(certainAssumptions("END_YEAR", 5)), officer);
        assertEquals(200, a.status(), a::toString);
        assertEveryFigureIs(a, "155647.17");
        assertNull(a.get("id"), "an inline valuation is not kept");
        assertEquals(before, count("SELECT count(*) FROM valuation"));
    }

    /**
     * The same with a fractional life of 5.5 years, MID_YEAR: years 1..5 discounted at 1.10^(t-0.5), plus half of
     * year 6's cash flow (37,500 x 1.05^5) at 1.10^5.5 = 177,411.4616... yuan.
     */
    @Test
    void certainInputsGiveTheClosedFormToTheFenMidYearFractionalLife() {
        Answer a = post(PATH, inline(certainAssumptions("MID_YEAR", 5.5)), officer);
        assertEquals(200, a.status(), a::toString);
        assertEveryFigureIs(a, "177411.46");
    }

    @SuppressWarnings("unchecked")
    private static void assertEveryFigureIs(Answer a, String yuan) {
        BigDecimal expected = new BigDecimal(yuan);
        Map<String, Object> income = (Map<String, Object>) a.get("income");
        for (String q : List.of("mean", "p5", "p10", "p50", "p90", "p95")) {
            assertEquals(expected, income.get(q), q);
        }
        assertEquals(expected, a.get("incomeClosedForm"));
        assertEquals(expected, a.get("reconciledValue"), "income alone: reconciled = income mean");
        assertEquals(expected, a.get("collateralValue"), "a point mass: every quantile is the mean");
    }

    // --- stored versus inline ---

    @Test
    @SuppressWarnings("unchecked")
    void storedValuationIsKeptAuditedAndRecomputesExactly() throws IOException {
        String assetId = registerInvention(officer);
        long audits = count("SELECT count(*) FROM audit_entry WHERE action = 'valuation.created'");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetId", assetId);
        body.put("assumptions", uncertainAssumptions());
        body.put("marketComparables", List.of(Map.of("description", "licence deal", "price", "900000",
                "adjustmentFactors", List.of(0.9, 1.1))));
        body.put("cost", Map.of("reproductionCost", "500000", "physicalObsolescence", 0.1,
                "functionalObsolescence", 0.2, "economicObsolescence", 0.05));
        body.put("paths", 20_000);
        body.put("seed", 7);
        Answer a = post(PATH, body, officer);
        assertEquals(201, a.status(), a::toString);
        String id = a.text("id");
        assertNotNull(id);
        assertEquals(assetId, a.text("assetId"));
        assertEquals(PATH + "/" + id, a.headers().get("Location"));
        assertEquals(Boolean.FALSE, a.get("desk"));
        assertEquals("valuation-1.1.0", a.text("engineVersion"));
        assertNotNull(a.get("market"));
        assertNotNull(a.get("cost"));
        BigDecimal collateral = (BigDecimal) a.get("collateralValue");
        assertTrue(collateral.compareTo((BigDecimal) a.get("reconciledValue")) <= 0);

        Answer read = get(PATH + "/" + id, officer);
        assertEquals(200, read.status());
        assertEquals(a.raw(), read.raw(), "a stored valuation reads back exactly as answered");
        assertEquals(200, get(PATH + "/" + id, bureau).status());

        assertEquals(collateral, new BigDecimal(text("SELECT collateral_value FROM valuation WHERE id = '" + id + "'")));
        assertEquals("7", text("SELECT seed FROM valuation WHERE id = '" + id + "'"));
        assertEquals("20000", text("SELECT paths FROM valuation WHERE id = '" + id + "'"));
        assertEquals(1, count("SELECT count(*) FROM audit_entry WHERE action = 'valuation.created' "
                + "AND entity_type = 'valuation' AND entity_id = '" + id + "'"));
        assertEquals(audits + 1, count("SELECT count(*) FROM audit_entry WHERE action = 'valuation.created'"));

        // the kept request is an inline request: posting it again gives the kept result
        Map<String, Object> stored = JSON.readValue(text("SELECT request FROM valuation WHERE id = '" + id + "'"),
                new TypeReference<Map<String, Object>>() { });
        assertNull(stored.get("assetId"));
        assertEquals("IN_FORCE", ((Map<String, Object>) stored.get("asset")).get("legalStatus"));
        Answer again = post(PATH, stored, officer);
        assertEquals(200, again.status(), again::toString);
        Map<String, Object> keptResult = JSON.readValue(text("SELECT result FROM valuation WHERE id = '" + id + "'"),
                new TypeReference<Map<String, Object>>() { });
        for (String field : COMPUTED) {
            assertEquals(keptResult.get(field), again.get(field), field);
        }
        assertEquals(keptResult.get("market"), again.get("market"));
        assertEquals(keptResult.get("cost"), again.get("cost"));
    }

    // --- reproducibility ---

    @Test
    void sameSeedSameAnswerOtherSeedOtherAnswer() {
        Map<String, Object> body = inline(uncertainAssumptions());
        body.put("seed", 42);
        body.put("paths", 5_000);
        Answer first = post(PATH, body, officer);
        assertEquals(200, first.status(), first::toString);
        Answer second = post(PATH, body, bureau);
        assertEquals(first.raw(), second.raw());
        body.put("seed", 43);
        Answer other = post(PATH, body, officer);
        assertNotEquals(first.get("income"), other.get("income"));
        body.remove("seed");
        Answer unseeded = post(PATH, body, officer);
        assertEquals(unseeded.raw(), post(PATH, body, officer).raw(), "no seed: the engine's default seed");
    }

    // --- tenant isolation ---

    @Test
    void anotherBanksAssetOrValuationIsNotFound() {
        String theirs = registerInvention(otherBankOfficer);
        long before = count("SELECT count(*) FROM valuation");
        Map<String, Object> body = new HashMap<>();
        body.put("assetId", theirs);
        body.put("assumptions", uncertainAssumptions());
        Answer a = post(PATH, body, officer);
        assertEquals(404, a.status(), a::toString);
        assertTrue(a.contentType().startsWith("application/problem+json"));
        body.put("assetId", UUID.randomUUID().toString());
        assertEquals(404, post(PATH, body, officer).status());
        assertEquals(before, count("SELECT count(*) FROM valuation"));

        body.put("assetId", theirs);
        Answer byBureau = post(PATH, body, bureau);
        assertEquals(201, byBureau.status(), byBureau::toString);
        String id = byBureau.text("id");
        assertEquals(404, get(PATH + "/" + id, officer).status());
        assertEquals(200, get(PATH + "/" + id, otherBankOfficer).status());
        assertEquals(404, get(PATH + "/" + UUID.randomUUID(), bureau).status());
        assertEquals(text("SELECT bank_id FROM ip_asset WHERE id = '" + theirs + "'"),
                text("SELECT bank_id FROM valuation WHERE id = '" + id + "'"), "kept under the asset's bank");
    }

    @Test
    void rolesAndIdempotency() {
        assertEquals(401, post(PATH, inline(uncertainAssumptions()), null).status());
        assertEquals(403, post(PATH, inline(uncertainAssumptions()), ADMIN_KEY).status());
        Map<String, Object> body = new HashMap<>();
        body.put("assetId", registerInvention(officer));
        body.put("assumptions", uncertainAssumptions());
        String key = UUID.randomUUID().toString();
        long before = count("SELECT count(*) FROM valuation");
        Answer first = post(PATH, body, officer, key);
        assertEquals(201, first.status());
        Answer replay = post(PATH, body, officer, key);
        assertEquals("true", replay.headers().get("Idempotent-Replayed"));
        assertEquals(first.raw(), replay.raw());
        assertEquals(before + 1, count("SELECT count(*) FROM valuation"));
    }

    // --- bad input ---

    @Test
    void badInputNamesItsFieldAndWritesNothing() {
        String assetId = registerInvention(officer);
        long valuations = count("SELECT count(*) FROM valuation");
        long audits = count("SELECT count(*) FROM audit_entry");
        String tomorrow = today().plusDays(2).toString();

        assertRejected("assumptions.royaltyRate.mean", b -> rate(b, "royaltyRate").put("mean", 1.5));
        assertRejected("assumptions.royaltyRate.sd", b -> rate(b, "royaltyRate").put("sd", 1e308));
        assertRejected("assumptions.discountRate.sd", b -> rate(b, "discountRate").remove("sd"));
        assertRejected("assumptions.baseRevenue", b -> assumptions(b).put("baseRevenue", new BigDecimal("1e400")));
        assertRejected("assumptions.baseRevenue", b -> assumptions(b).put("baseRevenue", "12.345"));
        assertRejected("assumptions.baseRevenue", b -> assumptions(b).put("baseRevenue", "-1"));
        assertRejected("assumptions.taxRate", b -> assumptions(b).remove("taxRate"));
        assertRejected("assumptions.valuationDate", b -> assumptions(b).put("valuationDate", tomorrow));
        assertRejected("assumptions.economicLifeYears.mode",
                b -> assumptions(b).put("economicLifeYears", Map.of("min", 5, "mode", 4, "max", 9)));
        assertRejected("assumptions.collateralQuantile", b -> assumptions(b).put("collateralQuantile", 0.9));
        assertRejected("paths", b -> b.put("paths", 1_000_001));
        assertRejected("paths", b -> b.put("paths", 0));
        assertRejected("paths", b -> b.put("paths", new BigDecimal("1e30").toBigInteger()));
        assertRejected("paths", b -> b.put("paths", "many"));
        assertRejected("seed", b -> b.put("seed", new BigDecimal("1e25").toBigInteger()));
        assertRejected("assetId", b -> b.put("assetId", assetId));
        assertRejected("asset", b -> b.remove("asset"));
        assertRejected("asset.legalStatus", b -> asset(b).put("legalStatus", "LAPSED"));
        assertRejected("asset.legalStatus", b -> asset(b).put("legalStatus", "EXPIRED"));
        assertRejected("asset.filingDate", b -> asset(b).remove("filingDate"));
        assertRejected("asset.legalExpiryDate", b -> asset(b).put("legalExpiryDate", "+999999999-12-31"));
        assertRejected("assumptions.valuationDate", b -> assumptions(b).put("valuationDate", "0001-01-01"));
        assertRejected("marketComparables[1].price", b -> b.put("marketComparables", List.of(
                Map.of("price", "100000"), Map.of("price", "-5"))));
        assertRejected("cost.economicObsolescence", b -> b.put("cost", Map.of("reproductionCost", "1000",
                "physicalObsolescence", 0.1, "functionalObsolescence", 0.1)));
        assertRejected("weights.income", b -> b.put("weights", Map.of("income", -1, "market", 0.3, "cost", 0.1)));
        assertRejected("bankId", b -> b.put("bankId", UUID.randomUUID().toString()));

        // several at once: every one named
        Map<String, Object> many = inline(uncertainAssumptions());
        rate(many, "royaltyRate").put("mean", -0.1);
        many.put("paths", 2_000_000);
        assumptions(many).put("taxRate", 1.5);
        Answer all = post(PATH, many, officer);
        assertEquals(400, all.status());
        assertTrue(all.errorFields().containsAll(List.of("assumptions.royaltyRate.mean", "paths",
                "assumptions.taxRate")), all::toString);

        // a stored asset with bad assumptions: 400, nothing kept
        Map<String, Object> stored = new HashMap<>();
        stored.put("assetId", assetId);
        stored.put("assumptions", uncertainAssumptions());
        rate(stored, "growth").put("mean", Double.MAX_VALUE);
        Answer a = post(PATH, stored, officer);
        assertEquals(400, a.status(), a::toString);
        assertEquals(List.of("assumptions.revenueGrowth.mean"), a.errorFields());

        assertEquals(valuations, count("SELECT count(*) FROM valuation"));
        assertEquals(audits, count("SELECT count(*) FROM audit_entry"));
    }

    @Test
    void lostRightsAreUnprocessableAndNotKept() {
        for (String status : List.of("LAPSED", "INVALIDATED", "EXPIRED")) {
            Map<String, Object> asset = Fixtures.invention(Fixtures.creditCode());
            asset.put("legalStatus", status);
            Answer registered = post("/api/v1/ip-assets", asset, officer);
            assertEquals(201, registered.status(), registered::toString);
            long before = count("SELECT count(*) FROM valuation");
            Map<String, Object> body = new HashMap<>();
            body.put("assetId", registered.text("id"));
            body.put("assumptions", uncertainAssumptions());
            Answer a = post(PATH, body, officer);
            assertEquals(422, a.status(), a::toString);
            assertTrue(a.contentType().startsWith("application/problem+json"));
            assertEquals(before, count("SELECT count(*) FROM valuation"));
        }
    }

    @Test
    void malformedBodiesAre400NotServerErrors() {
        assertEquals(400, post(PATH, "{\"assumptions\": ", officer).status());
        assertEquals(400, post(PATH, "[1,2]", officer).status());
        assertEquals(400, post(PATH, "{\"asset\": {\"type\": \"PATENT\"}}", officer).status());
        assertEquals(400, post(PATH, "{\"asset\": {}, \"assumptions\": {\"royaltyRate\": 5}}", officer).status());
        Answer nan = post(PATH, "{\"asset\": {}, \"assumptions\": {\"taxRate\": NaN}}", officer);
        assertEquals(400, nan.status(), nan::toString);
        Answer empty = post(PATH, "{}", officer);
        assertEquals(400, empty.status(), empty::toString);
        assertTrue(empty.errorFields().containsAll(List.of("asset", "assumptions")), empty::toString);
    }

    // --- helpers ---

    private void assertRejected(String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = inline(uncertainAssumptions());
        change.accept(body);
        Answer a = post(PATH, body, officer);
        assertEquals(400, a.status(), () -> field + ": " + a);
        assertTrue(a.contentType().startsWith("application/problem+json"), a::toString);
        assertTrue(a.errorFields().contains(field), () -> field + " not named: " + a);
    }

    static Map<String, Object> inline(Map<String, Object> assumptions) {
        Map<String, Object> asset = new HashMap<>();
        asset.put("type", "INVENTION_PATENT");
        asset.put("filingDate", "2015-01-01");
        asset.put("grantDate", "2017-06-01");
        asset.put("legalStatus", "VALID");
        asset.put("claims", 12);
        asset.put("forwardCitations", 6);
        asset.put("familySize", 3);
        Map<String, Object> body = new HashMap<>();
        body.put("asset", asset);
        body.put("assumptions", assumptions);
        return body;
    }

    static Map<String, Object> certainAssumptions(String discounting, double life) {
        Map<String, Object> a = new HashMap<>();
        a.put("valuationDate", "2025-01-01");
        a.put("baseRevenue", "1000000");
        a.put("revenueGrowth", new HashMap<>(Map.of("mean", 0.05, "sd", 0)));
        a.put("royaltyRate", new HashMap<>(Map.of("mean", 0.05, "sd", 0)));
        a.put("discountRate", new HashMap<>(Map.of("mean", 0.10, "sd", 0)));
        a.put("taxRate", 0.25);
        a.put("economicLifeYears", Map.of("min", life, "mode", life, "max", life));
        a.put("discounting", discounting);
        a.put("applyValueScore", false);
        return a;
    }

    static Map<String, Object> uncertainAssumptions() {
        Map<String, Object> a = new HashMap<>();
        a.put("valuationDate", "2025-01-01");
        a.put("baseRevenue", "8000000.00");
        a.put("revenueGrowth", new HashMap<>(Map.of("mean", 0.04, "sd", 0.03)));
        a.put("royaltyRate", new HashMap<>(Map.of("mean", 0.05, "sd", 0.01)));
        a.put("discountRate", new HashMap<>(Map.of("mean", 0.12, "sd", 0.02)));
        a.put("taxRate", 0.25);
        a.put("economicLifeYears", Map.of("min", 5, "mode", 8, "max", 12));
        a.put("discounting", "END_YEAR");
        return a;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> assumptions(Map<String, Object> body) {
        return (Map<String, Object>) body.get("assumptions");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rate(Map<String, Object> body, String name) {
        return (Map<String, Object>) assumptions(body).get("growth".equals(name) ? "revenueGrowth" : name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asset(Map<String, Object> body) {
        return (Map<String, Object>) body.get("asset");
    }

    private String registerInvention(String key) {
        Answer a = post("/api/v1/ip-assets", Fixtures.invention(Fixtures.creditCode()), key);
        assertEquals(201, a.status(), a::toString);
        return a.text("id");
    }

    long count(String sql) {
        return Long.parseLong(text(sql));
    }

    String text(String sql) {
        try (Connection c = DriverManager.getConnection(databaseUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
