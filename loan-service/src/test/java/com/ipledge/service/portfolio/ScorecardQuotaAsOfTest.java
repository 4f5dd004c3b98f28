package com.ipledge.service.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scorecard's quota use is the use at the end of its date, from the plans' reservations and draws: a loan
 * drawn the next day leaves yesterday's scorecard as it was.
 */
@MicronautTest(transactional = false)
class ScorecardQuotaAsOfTest extends ApiTestBase {
    private static final BigDecimal PLAN = new BigDecimal("100000000");

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false", "ipledge.business-date.adjustable", "true");
    }

    private String disbursed(String officer, String approver) {
        String app = fileStrongApplication(officer, "300000");
        Answer decision = post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        String id = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), approver)
                .text("loanId");
        assertEquals(200, post("/api/v1/loans/" + id + "/pledge-registration", Map.of("registrationNo",
                "Y2026620000" + id.substring(0, 4), "registeredOn", today().toString()), officer).status());
        assertEquals(200, post("/api/v1/loans/" + id + "/disbursement", Map.of(), officer).status());
        return id;
    }

    private BigDecimal principal(String loan, String key) {
        return new BigDecimal(get("/api/v1/loans/" + loan, key).text("principal"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> row(String query, String bureau, UUID bank) {
        Answer card = get("/api/v1/portfolio/scorecard?" + query, bureau);
        assertEquals(200, card.status(), card::toString);
        return ((List<Map<String, Object>>) card.get("banks")).stream()
                .filter(b -> bank.toString().equals(b.get("bankId"))).findFirst().orElseThrow();
    }

    private static BigDecimal dec(Object v) {
        return new BigDecimal(v.toString());
    }

    @Test
    void quotaUseIsAsOfTheScorecardsDate() throws Exception {
        String bureau = apiKey("BUREAU", null);
        UUID bank = createBank("QUOTADAY");
        String officer = apiKey("BANK_OFFICER", bank);
        String approver = apiKey("BANK_APPROVER", bank);
        LocalDate d0 = today();
        for (int year : List.of(d0.getYear(), d0.getYear() + 1)) {
            assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", year,
                    "amount", PLAN.toPlainString()), bureau).status());
        }
        BigDecimal a = principal(disbursed(officer, approver), officer);
        Map<String, Object> before = row("asOf=" + d0, bureau, bank);
        assertEquals(0, a.compareTo(dec(before.get("quotaUsed"))), before::toString);
        assertEquals(a.divide(PLAN, 6, RoundingMode.HALF_UP), dec(before.get("quotaUse")));

        LocalDate d1 = d0.plusDays(1);
        Answer moved = send(HttpRequest.PUT("/api/v1/admin/business-date",
                        JSON.writeValueAsString(Map.of("date", d1.toString())))
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(ADMIN_KEY));
        assertEquals(200, moved.status(), moved::toString);
        BigDecimal b = principal(disbursed(officer, approver), officer);

        // the day before the second draw: as it was
        Map<String, Object> after = row("asOf=" + d0, bureau, bank);
        assertEquals(0, a.compareTo(dec(after.get("quotaUsed"))), after::toString);
        assertEquals(0, a.compareTo(dec(row("from=" + d0 + "&to=" + d0, bureau, bank).get("quotaUsed"))));
        // the day of it: both loans on this year's plan, or only the second on next year's
        BigDecimal expected = d1.getYear() == d0.getYear() ? a.add(b) : b;
        Map<String, Object> now = row("asOf=" + d1, bureau, bank);
        assertEquals(0, expected.compareTo(dec(now.get("quotaUsed"))), now::toString);
        assertEquals(expected.divide(PLAN, 6, RoundingMode.HALF_UP), dec(now.get("quotaUse")));

        Answer both = get("/api/v1/portfolio/scorecard?to=" + d0 + "&asOf=" + d1, bureau);
        assertEquals(400, both.status(), both::toString);
        assertEquals(List.of("asOf"), both.errorFields());
        Answer bad = get("/api/v1/portfolio/scorecard?asOf=yesterday", bureau);
        assertEquals(List.of("asOf"), bad.errorFields(), bad::toString);
    }
}
