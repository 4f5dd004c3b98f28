package com.ipledge.service.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A decision is stored typed (columns, collateral lines, risk shares) and as the JSON answer; the features read the
 * typed figures, and the JSON is only the replay copy. Issue 15.
 */
@MicronautTest(transactional = false)
class StoredDecisionTest extends ApiTestBase {
    @Inject
    EvaluationService evaluations;

    private Sql sql;
    private String officer;
    private String approver;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        UUID bank = createBank("TYPED");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        Answer plan = post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(), "amount", "100000000"),
                apiKey("BUREAU", null));
        assertEquals(201, plan.status(), plan::toString);
    }

    @Test
    void theTypedDecisionHoldsTheFiguresOfTheAnswerAndTheAnswerIsReplayedAsGiven() {
        String app = fileStrongApplication(officer, "500000");
        Answer answer = evaluate(app);
        assertEquals("APPROVE", answer.text("decision"), answer::toString);
        StoredDecision typed = evaluations.find(UUID.fromString(answer.text("decisionId"))).orElseThrow();
        assertSameFigures(answer.body(), typed);
        assertNotNull(typed.riskShare(), "an approval names who bears the loss");
        assertFalse(typed.collateral().isEmpty());
        assertEquals(answer.raw(), typed.body(), "the replay copy is the answer as given");
        assertEquals(answer.raw(), get("/api/v1/applications/" + app + "/evaluation", officer).raw());
        assertEquals(answer.raw(), evaluate(app).raw(), "evaluating again with the same inputs replays it");
    }

    @Test
    void theMigrationFillsDecisionsStoredBeforeItFromTheirBody() {
        List<String> decisionIds = new ArrayList<>();
        for (String amount : List.of("300000", "400000")) {
            decisionIds.add(evaluate(fileStrongApplication(officer, amount)).text("decisionId"));
        }
        // decisions as V28 left them: the figures only in the body
        sql.execute("DELETE FROM decision_collateral; DELETE FROM decision_risk_share; UPDATE decision SET "
                + "limit_binding = NULL, total_collateral_value = NULL, risk_share_scheme = NULL, "
                + "risk_share_coverage = NULL");
        assertNull(evaluations.find(UUID.fromString(decisionIds.get(0))).orElseThrow().totalCollateralValue());
        sql.execute(backfillOfV29());
        for (String id : decisionIds) {
            StoredDecision typed = evaluations.find(UUID.fromString(id)).orElseThrow();
            assertNotNull(typed.riskShare(), id);
            assertSameFigures(json(typed.body()), typed);
        }
        assertEquals(0, sql.count("SELECT count(*) FROM decision d WHERE d.id IN ('" + String.join("', '", decisionIds)
                + "') AND NOT EXISTS (SELECT 1 FROM decision_collateral c WHERE c.decision_id = d.id)"),
                "each has its collateral lines again");
    }

    /**
     * With the body emptied, approval, disbursement, the risk cover, monitoring and the portfolio still work from
     * the typed figures: none of them reads the JSON.
     */
    @Test
    void everyFeatureReadsTheTypedDecisionNotTheBody() {
        String app = fileStrongApplication(officer, "600000");
        StoredDecision typed = evaluations.find(UUID.fromString(evaluate(app).text("decisionId"))).orElseThrow();
        sql.execute("UPDATE decision SET body = '{}' WHERE id = '" + typed.id() + "'");

        Answer approved = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true, "note", "ok"),
                approver);
        assertEquals(201, approved.status(), approved::toString);
        assertEquals(0, typed.approvedLimit().compareTo(new BigDecimal(approved.text("principal"))));
        assertEquals(0, typed.interestRate().compareTo(new BigDecimal(approved.text("interestRate"))));
        String loan = approved.text("loanId");
        Answer pledge = post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "Y2026620000777", "registeredOn", today().toString()), officer);
        assertEquals(200, pledge.status(), pledge::toString);
        Answer disbursed = post("/api/v1/loans/" + loan + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);

        Answer cover = get("/api/v1/loans/" + loan + "/risk-cover", officer);
        assertEquals(200, cover.status(), cover::toString);
        Map<String, BigDecimal> covered = new HashMap<>();
        for (Object c : (List<?>) cover.json()) {
            Map<?, ?> row = (Map<?, ?>) c;
            covered.put((String) row.get("party"), new BigDecimal(row.get("share").toString()));
        }
        assertEquals(typed.riskShare().shares().keySet(), covered.keySet(), cover::toString);
        assertTrue(covered.size() > 1, "the decision's scheme, not the bank alone: " + covered);
        typed.riskShare().shares().forEach((party, share) -> assertEquals(0, share.compareTo(covered.get(party)),
                party));

        // monitoring judges the loan only when its decision names the LTV and collateral value at approval
        String number = sql.text("SELECT a.number FROM ip_asset a JOIN application_collateral c ON c.asset_id = a.id"
                + " WHERE c.application_id = '" + app + "'");
        Answer litigation = post("/api/v1/monitoring/events", Map.of("assetNumber", number, "type", "LITIGATION",
                "occurredOn", today().toString()), officer);
        assertEquals(201, litigation.status(), litigation::toString);
        assertTrue(((List<?>) litigation.get("alerts")).stream().anyMatch(a -> loan.equals(((Map<?, ?>) a)
                .get("loanId"))), litigation::toString);

        Answer summary = get("/api/v1/portfolio/summary", officer);
        assertEquals(200, summary.status(), summary::toString);
        Map<?, ?> totals = (Map<?, ?>) summary.get("totals");
        BigDecimal outstanding = new BigDecimal(disbursed.text("outstandingPrincipal"));
        assertEquals(0, typed.pd().multiply(typed.lgd()).multiply(outstanding)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .compareTo(new BigDecimal(totals.get("expectedLoss").toString())), totals::toString);
    }

    @Test
    void onlyTheEvaluationReadsTheReplayCopy() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.ipledge.service");
        ArchRuleDefinition.noClasses().that().resideOutsideOfPackage("com.ipledge.service.evaluation")
                .should().callMethod(StoredDecision.class, "body")
                .because("the JSON body is the replay copy of an answer; features read the typed decision")
                .check(classes);
    }

    private Answer evaluate(String app) {
        Answer a = post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer);
        assertEquals(200, a.status(), a::toString);
        return a;
    }

    /** The statements V29 runs on decisions stored before it (between its jOOQ-ignore markers). */
    private static String backfillOfV29() {
        try (InputStream in = StoredDecisionTest.class.getResourceAsStream("/db/migration/V29__typed_decision.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return script.substring(script.indexOf("-- [jooq ignore start]"), script.indexOf("-- [jooq ignore stop]"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> json(String body) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(body, Map.class);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertSameFigures(Map<String, Object> body, StoredDecision typed) {
        assertEquals(body.get("decisionId"), typed.id().toString());
        assertEquals(body.get("applicationId"), typed.applicationId().toString());
        assertEquals(body.get("decision"), typed.outcome());
        assertSameNumber(body.get("approvedLimit"), typed.approvedLimit(), "approvedLimit");
        assertSameNumber(body.get("interestRate"), typed.interestRate(), "interestRate");
        assertSameNumber(body.get("ltv"), typed.ltv(), "ltv");
        assertEquals(body.get("limitBinding"), typed.limitBinding());
        assertSameNumber(body.get("totalCollateralValue"), typed.totalCollateralValue(), "totalCollateralValue");
        assertSameNumber(body.get("pd"), typed.pd(), "pd");
        assertSameNumber(body.get("lgd"), typed.lgd(), "lgd");
        assertSameNumber(body.get("expectedLoss"), typed.expectedLoss(), "expectedLoss");
        assertEquals(body.get("riskGrade"), typed.riskGrade());

        Map<String, Object> share = (Map<String, Object>) body.get("riskShare");
        if (share == null) {
            assertNull(typed.riskShare());
        } else {
            assertEquals(share.get("scheme"), typed.riskShare().scheme());
            assertEquals(share.get("coverage"), typed.riskShare().coverage());
            Map<String, Object> shares = (Map<String, Object>) share.get("shares");
            assertEquals(List.copyOf(shares.keySet()), List.copyOf(typed.riskShare().shares().keySet()),
                    "parties in the answer's order");
            shares.forEach((party, s) -> assertSameNumber(s, typed.riskShare().shares().get(party), party));
        }

        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("collateral");
        assertEquals(lines.size(), typed.collateral().size());
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = lines.get(i);
            StoredDecision.CollateralLine c = typed.collateral().get(i);
            assertEquals(line.get("assetId"), c.assetId().toString());
            assertEquals(line.get("valuationId"), c.valuationId() == null ? null : c.valuationId().toString());
            assertSameNumber(line.get("collateralValue"), c.collateralValue(), "collateral[" + i + "]");
            assertSameNumber(line.get("reconciledValue"), c.reconciledValue(), "collateral[" + i + "]");
            assertSameNumber(line.get("valueScore"), c.valueScore(), "collateral[" + i + "]");
            assertEquals(line.get("valuationSource"), c.valuationSource());
        }

        Map<String, Object> versions = (Map<String, Object>) body.get("versions");
        assertEquals(versions.get("rules"), typed.versions().ruleBase());
        assertEquals(versions.get("parameters"), String.valueOf(typed.versions().parameters()));
        assertEquals(versions.get("model"), typed.versions().model());
        assertEquals(versions.get("valuation"), typed.versions().valuation());
    }

    private static void assertSameNumber(Object json, BigDecimal typed, String field) {
        if (json == null) {
            assertNull(typed, field);
            return;
        }
        assertNotNull(typed, field);
        assertEquals(0, new BigDecimal(json.toString()).compareTo(typed), field + ": " + json + " vs " + typed);
    }
}
