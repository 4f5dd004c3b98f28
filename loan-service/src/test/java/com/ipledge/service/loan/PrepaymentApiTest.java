package com.ipledge.service.loan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /loans/{id}/repayments {amount, paidOn, prepaymentMode}} over HTTP: on the day of disbursement
 * nothing is due, so 200,000.00 of a 12-month equal-instalment loan (600,000.00 asked, P as approved) is all
 * prepayment and the plan shown afterwards is over the B = P - 200,000.00 left. The annuity is computed here by hand, in doubles rounded half-up to
 * the fen: A = P r / (1 - (1 + r)^-n), r = annual rate / 12. Principal sums exact to the fen.
 */
@MicronautTest(transactional = false)
class PrepaymentApiTest extends ApiTestBase {
    private String officer;
    private String approver;
    private Sql sql;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        UUID bank = createBank("PREPAYBANK");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), apiKey("BUREAU", null)).status());
    }

    private String disbursedLoan() {
        String app = fileStrongApplication(officer, "600000");
        Answer decision = post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        String id = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), approver)
                .text("loanId");
        assertEquals(200, post("/api/v1/loans/" + id + "/pledge-registration", Map.of("registrationNo",
                "Y2026620000" + id.substring(0, 4), "registeredOn", today().toString()), officer).status());
        Answer disbursed = post("/api/v1/loans/" + id + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);
        assertEquals("EQUAL_INSTALMENTS", disbursed.text("repaymentType"));
        assertEquals(12, ((List<?>) disbursed.get("schedule")).size());
        return id;
    }

    private static BigDecimal money(Object v) {
        return new BigDecimal(v.toString());
    }

    private static BigDecimal fen(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> futureLines(Answer loan, LocalDate day) {
        return ((List<Map<String, Object>>) loan.get("schedule")).stream()
                .filter(l -> LocalDate.parse((String) l.get("dueOn")).isAfter(day)).toList();
    }

    private static BigDecimal unpaidPrincipal(List<Map<String, Object>> lines) {
        return lines.stream().map(l -> money(l.get("principal")).subtract(money(l.get("principalPaid"))))
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    @Test
    void reduceInstalmentRelevelsTheTwelveLinesOverTheBalanceLeft() {
        String loan = disbursedLoan();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) get("/api/v1/loans/" + loan, officer)
                .get("schedule")).get(0);
        BigDecimal before = money(first.get("total"));
        Answer a = post("/api/v1/loans/" + loan + "/repayments", Map.of("amount", "200000.00",
                "paidOn", today().toString(), "prepaymentMode", "REDUCE_INSTALMENT"), officer);
        assertEquals(201, a.status(), a::toString);

        double r = money(a.get("annualRate")).doubleValue() / 12;
        BigDecimal balance = money(a.get("principal")).subtract(new BigDecimal("200000.00"));
        BigDecimal annuity = fen(balance.doubleValue() * r / (1 - Math.pow(1 + r, -12)));
        List<Map<String, Object>> plan = futureLines(a, today());
        assertEquals(12, plan.size(), "the term stays");
        for (Map<String, Object> line : plan.subList(0, 11)) {
            assertEquals(annuity, money(line.get("total")), "level instalment on line " + line.get("seq"));
        }
        assertTrue(annuity.compareTo(before) < 0, "lower than the " + before + " before");
        assertEquals(balance, money(a.get("outstandingPrincipal")));
        assertEquals(balance, unpaidPrincipal(plan), "the plan adds up to the balance");
        assertEquals(1, new Sql(databaseUrl()).count("SELECT count(*) FROM audit_entry WHERE action = "
                + "'loan.repayment' AND entity_id = '" + loan + "' AND payload LIKE '%REDUCE_INSTALMENT%'"));
    }

    @Test
    void shortenTermKeepsTheInstalmentAndDropsLines() {
        String loan = disbursedLoan();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) get("/api/v1/loans/" + loan, officer)
                .get("schedule")).get(0);
        BigDecimal instalment = money(first.get("total"));
        Answer a = post("/api/v1/loans/" + loan + "/repayments", Map.of("amount", "200000.00",
                "paidOn", today().toString(), "prepaymentMode", "SHORTEN_TERM"), officer);
        assertEquals(201, a.status(), a::toString);

        double r = money(a.get("annualRate")).doubleValue() / 12;
        BigDecimal balance = money(a.get("principal")).subtract(new BigDecimal("200000.00"));
        int lines = (int) Math.ceil(-Math.log(1 - balance.doubleValue() * r / instalment.doubleValue())
                / Math.log(1 + r));
        List<Map<String, Object>> plan = futureLines(a, today());
        assertEquals(lines, plan.size(), "the hand-computed term");
        assertTrue(plan.size() < 12, "the term is shorter");
        for (Map<String, Object> line : plan.subList(0, plan.size() - 1)) {
            assertEquals(instalment, money(line.get("total")), "the instalment stays on line " + line.get("seq"));
        }
        assertTrue(money(plan.get(plan.size() - 1).get("total")).compareTo(instalment) <= 0);
        assertEquals(balance, unpaidPrincipal(plan), "the plan adds up to the balance");
        assertEquals(balance, money(a.get("outstandingPrincipal")));
    }

    @Test
    void anUnknownModeIsRefusedNamingTheFieldAndWithoutAModeTheOldRuleStands() {
        String loan = disbursedLoan();
        Answer bad = post("/api/v1/loans/" + loan + "/repayments", Map.of("amount", "1000.00",
                "paidOn", today().toString(), "prepaymentMode", "SKIP_A_MONTH"), officer);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("prepaymentMode"), bad.errorFields());
        assertEquals(0, sql.count("SELECT count(*) FROM repayment WHERE loan_id = '" + loan + "'"));

        Answer plain = post("/api/v1/loans/" + loan + "/repayments", Map.of("amount", "1000.00",
                "paidOn", today().toString()), officer);
        assertEquals(201, plain.status(), plain::toString);
        assertEquals(12, ((List<?>) plain.get("schedule")).size(), "no mode: the last line is prepaid, as before");
    }
}
