package com.ipledge.service.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, a clean contract: no answer of the main routes carries binary-float noise (a number with more than 10
 * decimal places, such as {@code 0.038250000000000006}), money is to the fen, and the inline asset of
 * {@code POST /valuations} takes the same fields as {@code POST /ip-assets}.
 */
@MicronautTest(transactional = false)
class ExactDecimalsTest extends ApiTestBase {
    /** A JSON number with more than 10 digits after the point (and no exponent). */
    private static final Pattern NOISE = Pattern.compile("(?<![\\w.\"])-?\\d+\\.\\d{11,}(?![\\d\"])");

    private String officer;
    private String approver;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void bank() {
        UUID bank = createBank("DECIMALS");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        String bureau = apiKey("BUREAU", null);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), bureau).status());
    }

    @Test
    void theInlineAssetTakesEveryFieldOfAnIpAsset() {
        Map<String, Object> asset = Fixtures.invention(Fixtures.creditCode()); // exactly a POST /ip-assets body
        Answer a = post("/api/v1/valuations", Map.of("asset", asset, "assumptions", assumptions(), "paths", 2000),
                officer);
        assertEquals(200, a.status(), a::toString);
        Map<String, Object> badTitle = new HashMap<>(asset);
        badTitle.put("title", "长".repeat(301));
        badTitle.put("ownerCreditCode", "91620100MA0000000X");
        Answer bad = post("/api/v1/valuations", Map.of("asset", badTitle, "assumptions", assumptions(),
                "paths", 2000), officer);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("asset.ownerCreditCode", "asset.title"), bad.errorFields().stream().sorted().toList());
    }

    @Test
    void sensitivitiesAreExact() {
        Answer a = post("/api/v1/valuations", Map.of("asset", Fixtures.invention(Fixtures.creditCode()),
                "assumptions", assumptions()), officer);
        assertEquals(200, a.status(), a::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) a.get("sensitivity");
        assertFalse(rows.isEmpty(), a::toString);
        for (Map<String, Object> row : rows) {
            for (String f : List.of("lowInput", "highInput")) {
                BigDecimal v = (BigDecimal) row.get(f);
                assertTrue(v.scale() <= 10, f + " " + v);
            }
            for (String f : List.of("valueAtLow", "valueAtHigh", "swing")) {
                assertEquals(2, ((BigDecimal) row.get(f)).scale(), "money to the fen: " + f + " " + row);
            }
        }
        // 0.0425 * 0.9 is 0.038250000000000006 in double: the answer says 0.03825
        assertTrue(a.raw().contains("0.03825") || rows.stream().noneMatch(r -> r.get("lowInput").toString()
                .startsWith("0.0382")), a::toString);
    }

    @Test
    void noAnswerOfTheMainRoutesCarriesFloatNoise() {
        List<String> noisy = new ArrayList<>();
        int scanned = 0;
        Map<String, Object> borrower = Fixtures.strongBorrower();
        Answer b = post("/api/v1/borrowers", borrower, officer);
        Answer asset = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")), officer);
        Map<String, Object> app = Fixtures.application(b.text("id"), List.of(asset.text("id")));
        app.put("requestedAmount", "300000");
        Answer filed = post("/api/v1/applications", app, officer);
        String id = filed.text("id");
        List<Answer> answers = new ArrayList<>(List.of(b, asset, filed));
        answers.add(post("/api/v1/valuations", Map.of("assetId", asset.text("id"), "assumptions", assumptions(),
                "paths", 2000), officer));
        answers.add(post("/api/v1/valuations", Map.of("asset", Fixtures.invention(Fixtures.creditCode()),
                "assumptions", assumptions()), officer));
        Answer decision = post("/api/v1/applications/" + id + "/evaluation", Map.of(), officer);
        answers.add(decision);
        answers.add(get("/api/v1/applications/" + id + "/evaluation", officer));
        Answer approval = post("/api/v1/applications/" + id + "/approval", Map.of("approve", true), approver);
        answers.add(approval);
        answers.add(get("/api/v1/loans/" + approval.text("loanId"), officer));
        answers.add(get("/api/v1/loans?updatedSince=1970-01-01T00:00:00Z", officer));
        answers.add(get("/api/v1/applications", officer));
        answers.add(get("/api/v1/borrowers", officer));
        answers.add(get("/api/v1/ip-assets", officer));
        answers.add(post("/api/v1/risk/capital", Map.of("pd", 0.0123, "lgd", 0.45, "maturityYears", 2.5,
                "ead", "1000000"), officer));
        for (Answer a : answers) {
            assertTrue(a.status() < 300, a::toString);
            scanned++;
            Matcher m = NOISE.matcher(a.raw());
            while (m.find()) {
                noisy.add(m.group() + " in " + a.raw().substring(Math.max(0, m.start() - 80), m.start()));
            }
        }
        assertEquals(14, scanned);
        assertTrue(noisy.isEmpty(), () -> "numbers with more than 10 decimal places:\n" + String.join("\n", noisy));
    }

    private static Map<String, Object> assumptions() {
        Map<String, Object> a = new HashMap<>();
        a.put("valuationDate", "2025-01-01");
        a.put("baseRevenue", "8000000.00");
        a.put("revenueGrowth", Map.of("mean", 0.04, "sd", 0.03));
        a.put("royaltyRate", Map.of("mean", 0.0425, "sd", 0.01));
        a.put("discountRate", Map.of("mean", 0.12, "sd", 0.02));
        a.put("taxRate", 0.25);
        a.put("economicLifeYears", Map.of("min", 5, "mode", 8, "max", 12));
        a.put("discounting", "END_YEAR");
        return a;
    }
}
