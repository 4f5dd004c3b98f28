package com.ipledge.service.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, governed: the plausibility rules over HTTP. The issue's own example: a 10,000,000 request on a small
 * firm's patent got a limit of ~381,000 against the desk valuation, and was approved in full after the bank posted a
 * valuation with {@code baseRevenue: 9000000000}. It is now referred, naming the rule and the assumption; an
 * approver who approves anyway must write a note, and the audit keeps it.
 */
@MicronautTest(transactional = false)
class ValuationPlausibilityHttpTest extends ApiTestBase {
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
        UUID bank = createBank("PLAUSIBLE");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(), "amount", "100000000"),
                apiKey("BUREAU", null));
    }

    @Test
    void nineBillionOfRevenueOnASmallFirmsPatentIsReferredAndApprovingItNeedsANote() {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        String borrowerId = post("/api/v1/borrowers", borrower, officer).text("id");
        String asset = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")),
                officer).text("id");
        Answer desk = evaluate(borrowerId, asset, "10000000");
        assertEquals("DESK", collateral(desk).get("valuationSource"));
        assertTrue(firedPlausibility(desk).isEmpty(), desk::toString);

        Answer posted = post("/api/v1/valuations", valuation(asset, "9000000000", 0.04, 5), officer);
        assertEquals(201, posted.status(), posted::toString);
        Answer referred = evaluate(borrowerId, asset, "10000000");
        assertEquals("REFER", referred.text("decision"), referred::toString);
        assertTrue(firedPlausibility(referred).contains("VAL-PLAUSIBILITY-001"), referred::toString);
        assertTrue(firedPlausibility(referred).contains("VAL-PLAUSIBILITY-004"), referred::toString);
        Map<String, Object> used = collateral(referred);
        assertEquals("BANK", used.get("valuationSource"));
        assertEquals(posted.text("id"), used.get("valuationId"));
        Map<?, ?> assumptions = (Map<?, ?>) used.get("assumptions");
        assertEquals(0, new java.math.BigDecimal("9000000000").compareTo(
                new java.math.BigDecimal(assumptions.get("baseRevenue").toString())), used::toString);
        assertTrue(used.get("deskValue") != null, used::toString);
        Map<?, ?> reason = reasons(referred).stream().filter(r -> r.get("ruleId").equals("VAL-PLAUSIBILITY-001"))
                .findFirst().orElseThrow();
        assertEquals("REFER", reason.get("effect"));
        assertTrue(reason.get("messageEn").toString().contains("CNY 9,000,000,000.00")
                && reason.get("messageEn").toString().contains("operating revenue (CNY 80,000,000.00)"),
                reason::toString);
        assertTrue(reason.get("messageZh").toString().contains("营业收入"), reason::toString);

        // approving the referred decision: a note is required, and it is audited with the rules it overrides
        Answer smaller = evaluate(borrowerId, asset, "3000000");
        assertEquals("REFER", smaller.text("decision"));
        String application = smaller.text("applicationId");
        Answer noNote = post("/api/v1/applications/" + application + "/approval", Map.of("approve", true), approver);
        assertEquals(400, noNote.status(), noNote::toString);
        assertEquals(List.of("note"), noNote.errorFields());
        assertTrue(noNote.errors().get(0).get("message").toString().contains("VAL-PLAUSIBILITY-001"),
                noNote::toString);
        Answer blank = post("/api/v1/applications/" + application + "/approval",
                Map.of("approve", true, "note", "   "), approver);
        assertEquals(List.of("note"), blank.errorFields());
        Answer approved = post("/api/v1/applications/" + application + "/approval", Map.of("approve", true,
                "note", "营业收入含集团关联销售，已核实合同"), approver);
        assertEquals(201, approved.status(), approved::toString);
        String payload = sql.text("SELECT payload FROM audit_entry WHERE action = 'loan.approved' AND entity_id = '"
                + approved.text("loanId") + "'");
        assertTrue(payload.contains("营业收入含集团关联销售，已核实合同") && payload.contains("VAL-PLAUSIBILITY-001")
                && payload.contains("\"override\":true"), payload);
    }

    @Test
    void anAppraisalReportFarAboveTheDeskValueWithARoyaltyOutOfRangeIsReferred() {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        String borrowerId = post("/api/v1/borrowers", borrower, officer).text("id");
        String asset = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")),
                officer).text("id");
        Answer desk = evaluate(borrowerId, asset, "1000000");
        double deskValue = Double.parseDouble(collateral(desk).get("reconciledValue").toString());
        Map<String, Object> report = new HashMap<>();
        report.put("firm", "兰州某评估事务所");
        report.put("reportNumber", "PLAUS-" + UUID.randomUUID());
        // dated today: the newest valuation is lent against, and the desk's of the first evaluation is dated today
        report.put("reportDate", today().toString());
        report.put("method", "INCOME");
        report.put("appraisedValue", String.format(java.util.Locale.ROOT, "%.2f", deskValue * 10));
        report.put("fileBase64", Base64.getEncoder().encodeToString(AppraisalReportTest.pdf(1_000, 11)));
        report.put("assumptions", Map.of("royaltyRate", "0.30"));
        Answer posted = post("/api/v1/ip-assets/" + asset + "/appraisal-reports", report, officer);
        assertEquals(201, posted.status(), posted::toString);
        Answer referred = evaluate(borrowerId, asset, "1000000");
        assertEquals("REFER", referred.text("decision"), referred::toString);
        assertEquals(List.of("VAL-PLAUSIBILITY-002", "VAL-PLAUSIBILITY-004"), firedPlausibility(referred));
        assertEquals("APPRAISER", collateral(referred).get("valuationSource"));
    }

    private Answer evaluate(String borrowerId, String asset, String amount) {
        Map<String, Object> app = Fixtures.application(borrowerId, List.of(asset));
        app.put("requestedAmount", amount);
        Answer filed = post("/api/v1/applications", app, officer);
        assertEquals(201, filed.status(), filed::toString);
        Answer decision = post("/api/v1/applications/" + filed.text("id") + "/evaluation", Map.of(), officer);
        assertEquals(200, decision.status(), decision::toString);
        return decision;
    }

    private static List<String> firedPlausibility(Answer decision) {
        return ((List<?>) decision.get("firedRules")).stream().map(Object::toString)
                .filter(id -> id.startsWith("VAL-PLAUSIBILITY-")).sorted().toList();
    }

    private static List<Map<?, ?>> reasons(Answer decision) {
        return ((List<?>) decision.get("reasons")).stream().<Map<?, ?>>map(r -> (Map<?, ?>) r).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> collateral(Answer decision) {
        return (Map<String, Object>) ((List<?>) decision.get("collateral")).get(0);
    }

    private Map<String, Object> valuation(String asset, String baseRevenue, double royalty, double life) {
        return Map.of("assetId", asset, "assumptions", Map.of("valuationDate", today().toString(),
                "baseRevenue", baseRevenue, "revenueGrowth", Map.of("mean", 0.03, "sd", 0),
                "royaltyRate", Map.of("mean", royalty, "sd", 0), "discountRate", Map.of("mean", 0.12, "sd", 0),
                "taxRate", 0.25, "economicLifeYears", Map.of("min", life, "mode", life, "max", life)));
    }
}
