package com.ipledge.service.subsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Interest and fee subsidies over HTTP: programmes, eligibility, accruals from a real repayment (the business date
 * moved to the first due date by an admin), fee caps, quarterly claims, tenant isolation and the audit chain.
 * Programme A: 50 % of the interest at a rate counted at most LPR x 1.4, invention patents and utility models, IP at
 * least half the collateral. Programme B: the same share, the rate counted at most LPR x 1.1, an interest cap of
 * 100.00 a firm and year, guarantee fees 50 % up to 1,000.00. Programme T: trademarks only. Amounts exact to the fen.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubsidyApiTest extends ApiTestBase {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private Sql sql;
    private String officer;
    private String approver;
    private String intruder;
    private String bureau;
    private String programmeA;
    private String programmeB;
    private String programmeT;
    private String loan;
    private LocalDate start;
    private String enrolmentA;
    private String enrolmentB;
    private BigDecimal ipShareA;
    private BigDecimal ipShareB;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false", "ipledge.business-date.adjustable", "true");
    }

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        UUID bank = createBank("SUBSBANK");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        intruder = apiKey("BANK_OFFICER", createBank("SUBSOTHER"));
        bureau = apiKey("BUREAU", null);
        Answer plan = post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(), "amount", "100000000"),
                bureau);
        assertEquals(201, plan.status(), plan::toString);
        start = today();
        programmeA = createProgramme("GS-A", "0.4", "200000.00", List.of("INVENTION_PATENT", "UTILITY_MODEL"));
        programmeB = createProgramme("GS-B", "0.1", "100.00", List.of("INVENTION_PATENT", "UTILITY_MODEL"));
        programmeT = createProgramme("GS-T", "0.4", "200000.00", List.of("TRADEMARK"));
        loan = disbursedLoan("600000");
    }

    private Map<String, Object> programmeBody(String code, String markup, String interestCap, List<String> types) {
        Map<String, Object> p = ProgrammeBodies.of(code, "知识产权质押贴息 " + code, start.minusDays(30),
                start.plusDays(400), "1000000.00", "5000.00");
        p.put("rateCapMarkup", markup);
        p.put("interestCapPerFirmYear", interestCap);
        p.put("eligibleIpTypes", types);
        p.put("guaranteeFeeCap", "1000.00");
        p.put("insuranceFeeShare", "0.3");
        p.put("insuranceFeeCap", "10000.00");
        return p;
    }

    private String createProgramme(String code, String markup, String interestCap, List<String> types) {
        Answer a = post("/api/v1/subsidy-programmes", programmeBody(code, markup, interestCap, types), bureau);
        assertEquals(201, a.status(), a::toString);
        assertEquals(1, ((Number) a.get("version")).intValue());
        return a.text("id");
    }

    private String approvedLoan(String amount) {
        String app = fileStrongApplication(officer, amount);
        Answer decision = post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        Answer approved = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), approver);
        assertEquals(201, approved.status(), approved::toString);
        return approved.text("loanId");
    }

    private String disbursedLoan(String amount) {
        String id = approvedLoan(amount);
        Answer pledge = post("/api/v1/loans/" + id + "/pledge-registration",
                Map.of("registrationNo", "Y2026620000" + id.substring(0, 4), "registeredOn", today().toString()),
                officer);
        assertEquals(200, pledge.status(), pledge::toString);
        Answer disbursed = post("/api/v1/loans/" + id + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);
        return id;
    }

    private static BigDecimal money(Object v) {
        return new BigDecimal(v.toString());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String path, String key) {
        Answer a = get(path, key);
        assertEquals(200, a.status(), a::toString);
        return (List<Map<String, Object>>) a.json();
    }

    private long audited(String action) {
        return sql.count("SELECT count(*) FROM audit_entry WHERE action = '" + action + "'");
    }

    private static int quarterOf(LocalDate d) {
        return (d.getMonthValue() - 1) / 3 + 1;
    }

    @Test
    @Order(1)
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        Map<String, Object> bad = programmeBody("GS-BAD", "0.4", "100.00", List.of("PATENT"));
        bad.put("interestShare", "1.5");
        bad.put("budget", "-1");
        Answer a = post("/api/v1/subsidy-programmes", bad, bureau);
        assertEquals(400, a.status(), a::toString);
        assertTrue(a.contentType().startsWith("application/problem+json"));
        assertTrue(a.errorFields().containsAll(List.of("interestShare", "budget", "eligibleIpTypes[0]")),
                a::toString);
        assertEquals(3, list("/api/v1/subsidy-programmes", bureau).size(), "nothing written");

        Answer quarter = post("/api/v1/subsidy-claims", Map.of("programmeId", programmeA, "year", thisYear(),
                "quarter", 5), officer);
        assertEquals(400, quarter.status(), quarter::toString);
        assertEquals(List.of("quarter"), quarter.errorFields());

        Answer noLoan = post("/api/v1/subsidy-enrolments", Map.of("programmeId", programmeA), officer);
        assertEquals(400, noLoan.status(), noLoan::toString);
        assertEquals(List.of("loanId"), noLoan.errorFields());

        Answer bank = post("/api/v1/subsidy-programmes", programmeBody("GS-BANK", "0.4", "1.00",
                List.of("TRADEMARK")), officer);
        assertEquals(403, bank.status(), "only the bureau runs programmes");
    }

    @Test
    @Order(2)
    void ineligibleLoansAreRefusedWithTheirReasons() {
        Answer trademarkOnly = post("/api/v1/subsidy-enrolments", Map.of("programmeId", programmeT, "loanId", loan),
                officer);
        assertEquals(422, trademarkOnly.status(), trademarkOnly::toString);
        assertTrue(trademarkOnly.text("type").contains("subsidy-ineligible"), trademarkOnly::toString);
        assertEquals(List.of("loanId"), trademarkOnly.errorFields(), "the invention patent is not a trademark");

        Answer mostlyOther = post("/api/v1/subsidy-enrolments", Map.of("programmeId", programmeA, "loanId", loan,
                "otherCollateralValue", "900000000.00"), officer);
        assertEquals(422, mostlyOther.status(), mostlyOther::toString);
        assertEquals(List.of("otherCollateralValue"), mostlyOther.errorFields(), "IP is not the main collateral");

        String notDisbursed = approvedLoan("300000");
        Answer early = post("/api/v1/subsidy-enrolments", Map.of("programmeId", programmeA, "loanId", notDisbursed),
                officer);
        assertEquals(422, early.status(), early::toString);
        assertEquals(List.of("loanId"), early.errorFields());
        assertEquals(0, sql.count("SELECT count(*) FROM subsidy_enrolment"), "refusals write nothing");
    }

    /* IP share = eligible IP value / (IP value + other collateral), six decimals rounded down. */
    @Test
    @Order(3)
    void aMixedLoanIsSubsidisedOnItsIpShare() {
        Answer a = post("/api/v1/subsidy-enrolments", Map.of("programmeId", programmeA, "loanId", loan,
                "otherCollateralValue", "100000.00"), officer);
        assertEquals(201, a.status(), a::toString);
        BigDecimal ipValue = money(a.get("ipValue"));
        assertEquals(0, ipValue.compareTo(money(a.get("eligibleIpValue"))), "the patent is of an eligible type");
        ipShareA = money(a.get("ipShare"));
        assertEquals(ipValue.divide(ipValue.add(new BigDecimal("100000.00")), 6, RoundingMode.DOWN), ipShareA);
        assertTrue(ipShareA.compareTo(BigDecimal.ONE) < 0);
        enrolmentA = a.text("id");

        Answer b = post("/api/v1/subsidy-enrolments", Map.of("programmeId", programmeB, "loanId", loan), officer);
        assertEquals(201, b.status(), b::toString);
        ipShareB = money(b.get("ipShare"));
        assertEquals(0, BigDecimal.ONE.compareTo(ipShareB), "IP only: the whole loan");
        enrolmentB = b.text("id");

        Answer again = post("/api/v1/subsidy-enrolments", Map.of("programmeId", programmeB, "loanId", loan),
                officer);
        assertEquals(409, again.status(), again::toString);
        assertEquals(2, audited("subsidy.enrolled"));
    }

    /*
     * Programme B: guarantee fees 50 % up to 1,000.00 a firm and year. 1,500.00 -> 750.00; another 1,500.00 ->
     * 750.00 computed, 250.00 left under the cap; a third -> 0.00. Programme A: valuation fee 12,000.00 x 0.5 x IP
     * share, at most 5,000.00.
     */
    @Test
    @Order(4)
    void feeSubsidiesAreAShareUpToTheFirmsYearlyCap() {
        List<String> amounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // three guarantee contracts, each its own fee (one fee, one subsidy: OneSubsidyPerFeeTest)
            Answer fee = post("/api/v1/subsidy-fees", Map.of("enrolmentId", enrolmentB, "kind", "GUARANTEE_FEE",
                    "amount", "1500.00", "paidOn", start.toString(), "reference", "GS-DB-2026-00" + i), officer);
            assertEquals(201, fee.status(), fee::toString);
            assertEquals(new BigDecimal("750.00"), money(fee.get("computed")));
            amounts.add(money(fee.get("amount")).toPlainString());
        }
        assertEquals(List.of("750.00", "250.00", "0.00"), amounts);

        Answer valuation = post("/api/v1/subsidy-fees", Map.of("enrolmentId", enrolmentA, "kind", "VALUATION_FEE",
                "amount", "12000.00", "paidOn", start.toString()), officer);
        assertEquals(201, valuation.status(), valuation::toString);
        BigDecimal computed = new BigDecimal("12000.00").multiply(HALF).multiply(ipShareA)
                .setScale(2, RoundingMode.HALF_UP);
        assertEquals(computed, money(valuation.get("computed")));
        assertEquals(computed.min(new BigDecimal("5000.00")), money(valuation.get("amount")));

        Answer interest = post("/api/v1/subsidy-fees", Map.of("enrolmentId", enrolmentA, "kind", "INTEREST",
                "amount", "1.00", "paidOn", start.toString()), officer);
        assertEquals(400, interest.status(), interest::toString);
        assertEquals(List.of("kind"), interest.errorFields());
        Answer future = post("/api/v1/subsidy-fees", Map.of("enrolmentId", enrolmentA, "kind", "GUARANTEE_FEE",
                "amount", "1.00", "paidOn", start.plusDays(1).toString()), officer);
        assertEquals(400, future.status(), future::toString);
        assertEquals(List.of("paidOn"), future.errorFields());
        assertEquals(4, audited("subsidy.accrued"));
    }

    /*
     * The first instalment paid on its due date. I = its interest, r = the loan's rate, LPR = the policy's
     * reference rate. Programme A counts min(r, LPR x 1.4), B min(r, LPR x 1.1); the subsidy is
     * round(I x counted / r x 0.5 x IP share, 2, HALF_UP); B's 100.00 cap binds.
     */
    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void aRepaymentAccruesTheInterestSubsidyToTheFen() {
        Map<String, Object> l = get("/api/v1/loans/" + loan, officer).body();
        Map<String, Object> line1 = (Map<String, Object>) ((List<?>) l.get("schedule")).get(0);
        LocalDate due = LocalDate.parse((String) line1.get("dueOn"));
        BigDecimal interest = money(line1.get("interest"));
        BigDecimal instalment = money(line1.get("principal")).add(interest);
        BigDecimal rate = money(l.get("annualRate"));
        Map<String, Object> pricing = (Map<String, Object>) get("/api/v1/policy-parameters", bureau).body()
                .get("pricing");
        BigDecimal lpr = money(pricing.get("referenceRate"));
        Answer moved = put("/api/v1/admin/business-date", Map.of("date", due.toString()), ADMIN_KEY);
        assertEquals(200, moved.status(), moved::toString);
        Answer repaid = post("/api/v1/loans/" + loan + "/repayments", Map.of("amount", instalment.toPlainString(),
                "paidOn", due.toString()), officer);
        assertEquals(201, repaid.status(), repaid::toString);

        List<Map<String, Object>> accruals = list("/api/v1/subsidy-accruals?loanId=" + loan, officer).stream()
                .filter(x -> "INTEREST".equals(x.get("kind"))).toList();
        assertEquals(2, accruals.size(), accruals::toString);
        Map<String, Object> a = accruals.stream().filter(x -> programmeA.equals(x.get("programmeId"))).findFirst()
                .orElseThrow();
        Map<String, Object> b = accruals.stream().filter(x -> programmeB.equals(x.get("programmeId"))).findFirst()
                .orElseThrow();

        BigDecimal countedA = rate.min(lpr.multiply(new BigDecimal("1.4")));
        BigDecimal expectedA = interest.multiply(countedA).multiply(HALF).multiply(ipShareA)
                .divide(rate, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
        assertEquals(0, interest.compareTo(money(a.get("base"))));
        assertEquals(0, countedA.compareTo(money(a.get("countedRate"))));
        assertEquals(expectedA, money(a.get("computed")));
        assertEquals(expectedA, money(a.get("amount")), "far below A's yearly cap");

        BigDecimal capB = lpr.multiply(new BigDecimal("1.1"));
        assertTrue(capB.compareTo(rate) < 0, "B's rate cap binds: LPR x 1.1 = " + capB + " < " + rate);
        BigDecimal expectedB = interest.multiply(capB).multiply(HALF)
                .divide(rate, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
        assertEquals(0, capB.compareTo(money(b.get("countedRate"))));
        assertEquals(expectedB, money(b.get("computed")));
        assertTrue(expectedB.compareTo(new BigDecimal("100.00")) > 0, "the firm's yearly cap binds: " + expectedB);
        assertEquals(new BigDecimal("100.00"), money(b.get("amount")));
        assertEquals(6, audited("subsidy.accrued"));
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void theBankClaimsAQuarterAndTheBureauApprovesAndPays() {
        List<Map<String, Object>> accruals = list("/api/v1/subsidy-accruals?programmeId=" + programmeA, officer);
        Map<Integer, BigDecimal> byQuarterKey = new HashMap<>();
        for (Map<String, Object> x : accruals) {
            int key = ((Number) x.get("year")).intValue() * 10 + ((Number) x.get("quarter")).intValue();
            byQuarterKey.merge(key, money(x.get("amount")), BigDecimal::add);
        }
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<Integer, BigDecimal> e : byQuarterKey.entrySet()) {
            int year = e.getKey() / 10;
            int quarter = e.getKey() % 10;
            Answer filed = post("/api/v1/subsidy-claims", Map.of("programmeId", programmeA, "year", year,
                    "quarter", quarter), officer);
            assertEquals(201, filed.status(), filed::toString);
            assertEquals(e.getValue(), money(filed.get("amount")), "the claim is the quarter's accruals added up");
            assertEquals("FILED", filed.text("status"));
            assertEquals(((List<?>) filed.get("accruals")).size(), accruals.stream().filter(x ->
                    ((Number) x.get("year")).intValue() == year
                            && ((Number) x.get("quarter")).intValue() == quarter).count());
            String id = filed.text("id");
            Answer twice = post("/api/v1/subsidy-claims", Map.of("programmeId", programmeA, "year", year,
                    "quarter", quarter), officer);
            assertEquals(422, twice.status(), "the accruals are claimed once: " + twice);

            Answer early = post("/api/v1/subsidy-claims/" + id + "/payment", Map.of("paidOn", today().toString()),
                    bureau);
            assertEquals(409, early.status(), "paid only once approved: " + early);
            Answer approved = post("/api/v1/subsidy-claims/" + id + "/decision", Map.of("approve", true), bureau);
            assertEquals(200, approved.status(), approved::toString);
            assertEquals("APPROVED", approved.text("status"));
            Answer paid = post("/api/v1/subsidy-claims/" + id + "/payment", Map.of("paidOn", today().toString()),
                    bureau);
            assertEquals(200, paid.status(), paid::toString);
            assertEquals("PAID", paid.text("status"));
            total = total.add(e.getValue());
        }
        Answer programme = get("/api/v1/subsidy-programmes/" + programmeA, officer);
        assertEquals(total, money(programme.get("paid")));
        assertEquals(new BigDecimal("0.00"), money(programme.get("committed")));
        assertEquals(new BigDecimal("1000000.00").subtract(total), money(programme.get("available")));

        // programme B's claim is refused: a refusal needs a reason and gives the commitment back
        int year = start.getYear();
        Answer filed = post("/api/v1/subsidy-claims", Map.of("programmeId", programmeB, "year", year,
                "quarter", quarterOf(start)), officer);
        assertEquals(201, filed.status(), filed::toString);
        // the guarantee fees' 750.00 + 250.00 + 0.00, and the interest's 100.00 if it fell in the same quarter
        BigDecimal expectedB = list("/api/v1/subsidy-accruals?programmeId=" + programmeB, officer).stream()
                .filter(x -> ((Number) x.get("year")).intValue() == year
                        && ((Number) x.get("quarter")).intValue() == quarterOf(start))
                .map(x -> money(x.get("amount"))).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        assertTrue(expectedB.compareTo(new BigDecimal("1000.00")) >= 0, expectedB::toString);
        assertEquals(expectedB, money(filed.get("amount")));
        assertEquals(expectedB, money(get("/api/v1/subsidy-programmes/" + programmeB, bureau).get("committed")));
        Answer noReason = post("/api/v1/subsidy-claims/" + filed.text("id") + "/decision",
                Map.of("approve", false), bureau);
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals(List.of("reason"), noReason.errorFields());
        Answer refused = post("/api/v1/subsidy-claims/" + filed.text("id") + "/decision",
                Map.of("approve", false, "reason", "担保费发票未附"), bureau);
        assertEquals("REFUSED", refused.text("status"), refused::toString);
        assertEquals(new BigDecimal("0.00"), money(get("/api/v1/subsidy-programmes/" + programmeB, bureau)
                .get("committed")));

        assertEquals(byQuarterKey.size() + 1, audited("subsidy-claim.filed"));
        assertEquals(byQuarterKey.size(), audited("subsidy-claim.approved"));
        assertEquals(byQuarterKey.size(), audited("subsidy-claim.paid"));
        assertEquals(1, audited("subsidy-claim.refused"));
        Answer verify = get("/api/v1/audit/verify", bureau);
        assertEquals(Boolean.TRUE, verify.get("ok"), verify::toString);
    }

    @Test
    @Order(7)
    void anotherBankSeesAndTouchesNoneOfIt() {
        List<Map<String, Object>> claims = list("/api/v1/subsidy-claims", officer);
        assertFalse(claims.isEmpty());
        String claim = (String) claims.get(0).get("id");
        assertEquals(404, get("/api/v1/subsidy-claims/" + claim, intruder).status());
        assertTrue(list("/api/v1/subsidy-claims", intruder).isEmpty());
        assertTrue(list("/api/v1/subsidy-accruals", intruder).isEmpty());
        assertTrue(list("/api/v1/subsidy-enrolments", intruder).isEmpty());
        assertEquals(404, post("/api/v1/subsidy-enrolments", Map.of("programmeId", programmeT, "loanId", loan),
                intruder).status());
        long accruals = sql.count("SELECT count(*) FROM subsidy_accrual");
        assertEquals(404, post("/api/v1/subsidy-fees", Map.of("enrolmentId", enrolmentA, "kind", "GUARANTEE_FEE",
                "amount", "100.00", "paidOn", today().toString()), intruder).status());
        assertEquals(accruals, sql.count("SELECT count(*) FROM subsidy_accrual"));
        assertEquals(403, post("/api/v1/subsidy-claims/" + claim + "/decision", Map.of("approve", true),
                intruder).status(), "only the bureau decides");
        assertEquals(200, get("/api/v1/subsidy-claims/" + claim, bureau).status(), "the bureau sees every bank's");
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void aChangeIsANewVersionAndTheBudgetNeverFallsBelowItsUse() {
        Map<String, Object> change = programmeBody("GS-A", "0.4", "200000.00",
                List.of("INVENTION_PATENT", "UTILITY_MODEL"));
        change.remove("code");
        change.put("budget", "1.00");
        Answer tooSmall = put("/api/v1/subsidy-programmes/" + programmeA, change, bureau);
        assertEquals(409, tooSmall.status(), tooSmall::toString);

        change.put("budget", "2000000.00");
        change.put("interestShare", "0.4");
        Answer changed = put("/api/v1/subsidy-programmes/" + programmeA, change, bureau);
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(2, ((Number) changed.get("version")).intValue());
        assertEquals(new BigDecimal("0.400000"), money(changed.get("interestShare")));
        assertEquals(2, ((List<?>) changed.get("versions")).size());
        Answer again = put("/api/v1/subsidy-programmes/" + programmeA, change, bureau);
        assertEquals(2, ((Number) again.get("version")).intValue(), "the same terms again change nothing");
        assertEquals(1, audited("subsidy-programme.changed"));
        assertEquals(3, audited("subsidy-programme.created"));
    }
}
