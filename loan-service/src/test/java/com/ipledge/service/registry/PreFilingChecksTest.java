package com.ipledge.service.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 over HTTP: co-ownership and consents as facts of an asset, the registries' refusal grounds checked before
 * a pledge is registered (422 listing the rules, nothing written), and registry events by the gazette's codes.
 */
@MicronautTest(transactional = false)
class PreFilingChecksTest extends ApiTestBase {
    private String officer;
    private String approver;
    private String bureau;
    private Sql sql;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void aBankWithAQuota() {
        UUID bank = createBank("REGISTRY");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        bureau = apiKey("BUREAU", null);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), bureau).status());
        sql = new Sql(databaseUrl());
    }

    /** A borrower and its young invention patent: {borrowerId, borrowerCode, assetId, number}. */
    private Map<String, String> borrowerWithPatent() {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        String borrowerId = post("/api/v1/borrowers", borrower, officer).text("id");
        Map<String, Object> patent = Fixtures.youngInvention((String) borrower.get("creditCode"));
        Answer asset = post("/api/v1/ip-assets", patent, officer);
        assertEquals(201, asset.status(), asset::toString);
        return Map.of("borrowerId", borrowerId, "borrowerCode", (String) borrower.get("creditCode"),
                "assetId", asset.text("id"), "number", asset.text("number"));
    }

    private Answer evaluate(Map<String, String> b) {
        Map<String, Object> app = Fixtures.application(b.get("borrowerId"), List.of(b.get("assetId")));
        app.put("requestedAmount", "300000");
        String applicationId = post("/api/v1/applications", app, officer).text("id");
        return post("/api/v1/applications/" + applicationId + "/evaluation", Map.of(), officer);
    }

    /** An approved loan over the borrower's patent. */
    private String approvedLoan(Map<String, String> b) {
        Answer decision = evaluate(b);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        Answer approval = post("/api/v1/applications/" + decision.text("applicationId") + "/approval",
                Map.of("approve", true), approver);
        assertEquals(201, approval.status(), approval::toString);
        return approval.text("loanId");
    }

    private Answer register(String loanId) {
        return post("/api/v1/loans/" + loanId + "/pledge-registration",
                Map.of("registrationNo", "Y2026620000" + loanId.substring(0, 4), "registeredOn", today().toString()),
                officer);
    }

    private Answer putOwnership(String assetId, Object body) {
        return send(HttpRequest.PUT("/api/v1/ip-assets/" + assetId + "/ownership", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(officer));
    }

    @SuppressWarnings("unchecked")
    private static List<String> refusedRules(Answer a) {
        return ((List<Map<String, Object>>) a.get("refusals")).stream().map(r -> (String) r.get("ruleId"))
                .distinct().toList();
    }

    @Test
    void aCoOwnedPatentWithoutConsentIsReferredAtEvaluationAndNoLongerOnceTheCoOwnerConsents() {
        Map<String, String> b = borrowerWithPatent();
        String coOwner = Fixtures.creditCode();
        Answer owners = putOwnership(b.get("assetId"), Map.of("owners", List.of(
                Map.of("creditCode", b.get("borrowerCode"), "name", "兰州绿源"),
                Map.of("creditCode", coOwner, "name", "兰州大学"))));
        assertEquals(200, owners.status(), owners::toString);
        assertEquals(true, owners.get("coOwned"));
        Answer decision = evaluate(b);
        assertTrue(((List<?>) decision.get("firedRules")).contains("COLL-COOWNER-001"), decision::toString);
        assertEquals("REFER", decision.text("decision"));

        Answer consent = post("/api/v1/ip-assets/" + b.get("assetId") + "/owner-consents", Map.of(
                "ownerCreditCode", coOwner, "consentedOn", today().toString(), "document", "同意出质函 2026-17"),
                officer);
        assertEquals(201, consent.status(), consent::toString);
        Answer again = evaluate(b);
        assertFalse(((List<?>) again.get("firedRules")).contains("COLL-COOWNER-001"), again::toString);
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'ip-asset.owner-consented' "
                + "AND entity_id = '" + b.get("assetId") + "'"));
    }

    @Test
    void ownershipThatLeavesOutTheOwnerOnFileOrConsentOfAStrangerIsA400NamingTheField() {
        Map<String, String> b = borrowerWithPatent();
        Answer without = putOwnership(b.get("assetId"), Map.of("owners", List.of(
                Map.of("creditCode", Fixtures.creditCode(), "name", "他人"))));
        assertEquals(400, without.status(), without::toString);
        assertEquals(List.of("owners"), without.errorFields());
        Answer badCode = putOwnership(b.get("assetId"), Map.of("owners", List.of(
                Map.of("creditCode", "91620100MA00000000", "name", "x"))));
        assertEquals(400, badCode.status());
        assertTrue(badCode.errorFields().contains("owners[0].creditCode"), badCode::toString);
        Answer stranger = post("/api/v1/ip-assets/" + b.get("assetId") + "/owner-consents", Map.of(
                "ownerCreditCode", Fixtures.creditCode(), "consentedOn", today().toString(), "document", "x"),
                officer);
        assertEquals(400, stranger.status());
        assertEquals(List.of("ownerCreditCode"), stranger.errorFields());
        assertEquals(0, sql.count("SELECT count(*) FROM ip_asset_owner WHERE asset_id = '" + b.get("assetId")
                + "'"));
    }

    @Test
    void aFrozenCoOwnedPatentIsRefusedRegistrationListingEachRuleAndNothingIsWritten() {
        Map<String, String> b = borrowerWithPatent();
        String loanId = approvedLoan(b);
        // after approval: a co-owner appears on the register without consenting, and a court freezes the patent
        assertEquals(200, putOwnership(b.get("assetId"), Map.of("owners", List.of(
                Map.of("creditCode", b.get("borrowerCode"), "name", "兰州绿源"),
                Map.of("creditCode", Fixtures.creditCode(), "name", "共有人")))).status());
        Answer freeze = post("/api/v1/monitoring/events", Map.of("assetNumber", b.get("number"), "type", "PP01",
                "occurredOn", today().toString()), officer);
        assertEquals(201, freeze.status(), freeze::toString);
        assertEquals("PRESERVATION", freeze.text("type"));

        Answer refused = register(loanId);
        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertEquals(List.of("REG-PAT-COOWNER-001", "REG-PAT-SUSPEND-001"), refusedRules(refused));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) refused.get("refusals")).get(0);
        assertEquals(b.get("assetId"), first.get("assetId"));
        assertTrue(((String) first.get("messageZh")).contains("共有"));
        assertTrue(((String) first.get("messageEn")).contains("co-owned"));
        assertEquals("APPROVED", get("/api/v1/loans/" + loanId, officer).text("status"));
        assertEquals(0, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'loan.pledge-registered' "
                + "AND entity_id = '" + loanId + "'"));
        assertEquals("VALID", get("/api/v1/ip-assets/" + b.get("assetId"), officer).text("legalStatus"));

        // the freeze lifted (PD01) and the co-owner's consent on file: the registry has nothing left to refuse
        assertEquals(201, post("/api/v1/monitoring/events", Map.of("assetNumber", b.get("number"), "type", "PD01",
                "occurredOn", today().toString()), officer).status());
        Answer ownership = get("/api/v1/ip-assets/" + b.get("assetId") + "/ownership", officer);
        assertEquals(false, ownership.get("preserved"));
        @SuppressWarnings("unchecked")
        String coOwner = (String) ((List<Map<String, Object>>) ownership.get("owners")).get(1).get("creditCode");
        assertEquals(201, post("/api/v1/ip-assets/" + b.get("assetId") + "/owner-consents", Map.of(
                "ownerCreditCode", coOwner, "consentedOn", today().toString(), "document", "同意书"), officer)
                .status());
        Answer registered = register(loanId);
        assertEquals(200, registered.status(), registered::toString);
        assertEquals("PLEDGE_REGISTERED", registered.text("status"));
    }

    @Test
    void aPreservationByItsGazetteCodeRaisesAnAlertNamingItOnTheLiveLoan() {
        Map<String, String> b = borrowerWithPatent();
        String loanId = approvedLoan(b);
        assertEquals(200, register(loanId).status());
        Answer freeze = post("/api/v1/monitoring/events", Map.of("assetNumber", b.get("number"), "type", "PP01",
                "occurredOn", today().toString()), officer);
        assertEquals(201, freeze.status(), freeze::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) freeze.get("alerts");
        assertEquals(1, alerts.size(), freeze::toString);
        assertEquals("MON-PRESERVE-001", alerts.get(0).get("ruleId"));
        assertEquals(loanId, alerts.get(0).get("loanId"));
        assertEquals("CRITICAL", alerts.get(0).get("severity"));
        assertTrue(((String) alerts.get(0).get("messageZh")).contains("PP01"));
        assertTrue(((String) alerts.get(0).get("messageEn")).contains("PP01"));
        Answer listed = get("/api/v1/alerts?loanId=" + loanId, officer);
        assertTrue(listed.raw().contains("PP01"), listed::toString);
        // a licence recorded while pledged alerts too, by its own code
        Answer licence = post("/api/v1/monitoring/events", Map.of("assetNumber", b.get("number"), "type", "EE01",
                "occurredOn", today().toString()), officer);
        assertTrue(licence.raw().contains("MON-LICENCE-001") && licence.raw().contains("EE01"), licence::toString);
        // an unknown code is a 400 naming the field; the existing names still work
        Answer unknown = post("/api/v1/monitoring/events", Map.of("assetNumber", b.get("number"), "type", "XX01",
                "occurredOn", today().toString()), officer);
        assertEquals(400, unknown.status());
        assertEquals(List.of("type"), unknown.errorFields());
        assertEquals(201, post("/api/v1/monitoring/events", Map.of("assetNumber", b.get("number"),
                "type", "LITIGATION", "occurredOn", today().toString()), officer).status());
    }

    @Test
    void aSecondPledgeOfTheSameRightIsRefused() {
        Map<String, String> b = borrowerWithPatent();
        String first = approvedLoan(b);
        assertEquals(200, register(first).status());
        // the same patent on file at a second bank, approved there; its registration would be a second pledge
        UUID other = createBank("REGISTRY2");
        String officer2 = apiKey("BANK_OFFICER", other);
        String approver2 = apiKey("BANK_APPROVER", other);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", other, "year", thisYear(),
                "amount", "100000000"), bureau).status());
        Map<String, Object> borrower = Fixtures.strongBorrower();
        borrower.put("creditCode", b.get("borrowerCode"));
        String borrowerId = post("/api/v1/borrowers", borrower, officer2).text("id");
        Map<String, Object> patent = Fixtures.youngInvention(b.get("borrowerCode"));
        patent.put("number", b.get("number"));
        patent.put("filingDate", get("/api/v1/ip-assets/" + b.get("assetId"), officer).text("filingDate"));
        Answer asset = post("/api/v1/ip-assets", patent, officer2);
        assertEquals(201, asset.status(), asset::toString);
        Map<String, Object> app = Fixtures.application(borrowerId, List.of(asset.text("id")));
        app.put("requestedAmount", "300000");
        String applicationId = post("/api/v1/applications", app, officer2).text("id");
        assertEquals("APPROVE", post("/api/v1/applications/" + applicationId + "/evaluation", Map.of(), officer2)
                .text("decision"));
        String second = post("/api/v1/applications/" + applicationId + "/approval", Map.of("approve", true),
                approver2).text("loanId");
        Answer refused = post("/api/v1/loans/" + second + "/pledge-registration",
                Map.of("registrationNo", "Y2", "registeredOn", today().toString()), officer2);
        assertEquals(422, refused.status(), refused::toString);
        assertEquals(List.of("REG-PLEDGED-001"), refusedRules(refused));
        // the refusal does not tell the second bank who holds the first pledge
        assertFalse(refused.raw().contains(first), refused::toString);
    }
}
