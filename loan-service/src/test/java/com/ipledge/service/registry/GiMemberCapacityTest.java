package com.ipledge.service.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 over HTTP, the GI member-capacity case: an association's geographical indication backs its member
 * firms' loans (the association a third-party pledgor) up to the capacity it set; the evaluation caps a member's limit
 * at what is left (LIMIT-GI-CAPACITY-001), and approvals on two instances never together exceed it (409
 * {@code gi-capacity-exceeded}).
 */
@MicronautTest(transactional = false)
class GiMemberCapacityTest extends ApiTestBase {
    private String officer;
    private String approver;
    private String bureau;
    private Sql sql;
    private EmbeddedServer second;
    private HttpClient secondClient;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void aBankWithAQuota() {
        UUID bank = createBank("GICAP");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        bureau = apiKey("BUREAU", null);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), bureau).status());
        sql = new Sql(databaseUrl());
    }

    @AfterAll
    void stopTheSecondInstance() {
        if (secondClient != null) {
            secondClient.close();
        }
        if (second != null) {
            second.close();
        }
    }

    /** The association's GI: its id. */
    private String gi(String association) {
        Map<String, Object> body = Fixtures.trademark(association);
        body.put("type", "GEOGRAPHICAL_INDICATION");
        body.put("title", "定西马铃薯");
        body.put("filingDate", "2020-02-01");
        body.put("registrationDate", "2021-03-14");
        Answer a = post("/api/v1/ip-assets", body, officer);
        assertEquals(201, a.status(), a::toString);
        return a.text("id");
    }

    /** A member firm: {id, creditCode}. */
    private Map<String, String> firm() {
        Map<String, Object> b = Fixtures.strongBorrower();
        Answer a = post("/api/v1/borrowers", b, officer);
        assertEquals(201, a.status(), a::toString);
        return Map.of("id", a.text("id"), "creditCode", (String) b.get("creditCode"));
    }

    private Answer putCapacity(String assetId, Object body) {
        return send(HttpRequest.PUT("/api/v1/ip-assets/" + assetId + "/member-capacity", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(officer));
    }

    private static Map<String, Object> capacity(String amount, List<Map<String, String>> members) {
        Map<String, Object> body = new HashMap<>();
        body.put("capacity", amount);
        body.put("setOn", "2026-01-15");
        body.put("document", "定西市马铃薯产业协会会员贷款决议〔2026〕1号");
        if (members != null) {
            body.put("members", members.stream().map(m -> Map.of("creditCode", m.get("creditCode"),
                    "name", "会员企业")).toList());
        }
        return body;
    }

    /** The member's application for {@code amount} against the GI, evaluated. */
    private Answer evaluate(Map<String, String> member, String giId, String amount) {
        Map<String, Object> app = Fixtures.application(member.get("id"), List.of(giId));
        app.put("requestedAmount", amount);
        Answer filed = post("/api/v1/applications", app, officer);
        assertEquals(201, filed.status(), filed::toString);
        Answer decision = post("/api/v1/applications/" + filed.text("id") + "/evaluation", Map.of(), officer);
        assertEquals(200, decision.status(), decision::toString);
        return decision;
    }

    private static Map<String, Object> approval() {
        // a note in case the desk valuation of the mark referred it: approving a referral needs a reason
        return Map.of("approve", true, "note", "会员企业，协会出质 / a member firm, the association pledges");
    }

    private static List<?> fired(Answer decision) {
        return (List<?>) decision.get("firedRules");
    }

    private static BigDecimal money(Answer a, String field) {
        return new BigDecimal(a.text(field));
    }

    @Test
    void capacityInputIsA400NamingTheFieldAndOnlyAGiCarriesOne() {
        String assetId = gi(Fixtures.creditCode());
        Map<String, Object> negative = capacity("-1", null);
        Answer bad = putCapacity(assetId, negative);
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.contentType().startsWith("application/problem+json"));
        assertEquals(List.of("capacity"), bad.errorFields());

        Map<String, Object> noDate = capacity("500000", null);
        noDate.remove("setOn");
        assertEquals(List.of("setOn"), putCapacity(assetId, noDate).errorFields());
        Map<String, Object> future = capacity("500000", null);
        future.put("setOn", today().plusDays(1).toString());
        assertEquals(List.of("setOn"), putCapacity(assetId, future).errorFields());
        Map<String, Object> fen = capacity("500000.001", null);
        assertEquals(List.of("capacity"), putCapacity(assetId, fen).errorFields());

        String member = Fixtures.creditCode();
        Map<String, Object> members = capacity("500000", null);
        members.put("members", List.of(Map.of("creditCode", member, "name", "甲"),
                Map.of("creditCode", member, "name", "乙"), Map.of("creditCode", "91620100MA00000000", "name", "丙"),
                Map.of("creditCode", Fixtures.creditCode(), "name", "")));
        Answer badMembers = putCapacity(assetId, members);
        assertEquals(400, badMembers.status(), badMembers::toString);
        assertEquals(List.of("members[1].creditCode", "members[2].creditCode", "members[3].name"),
                badMembers.errorFields());
        Answer empty = send(HttpRequest.PUT("/api/v1/ip-assets/" + assetId + "/member-capacity", "{}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(officer));
        assertEquals(400, empty.status(), empty::toString);
        assertTrue(empty.errorFields().containsAll(List.of("capacity", "setOn")), empty::toString);

        // a patent has no association and no members
        Map<String, String> owner = firm();
        Answer patent = post("/api/v1/ip-assets", Fixtures.youngInvention(owner.get("creditCode")), officer);
        Answer notGi = putCapacity(patent.text("id"), capacity("500000", null));
        assertEquals(422, notGi.status(), notGi::toString);
        assertTrue(notGi.text("type").endsWith("not-a-geographical-indication"), notGi::toString);
        // the bureau reads but does not set; another bank's officer sees nothing
        assertEquals(403, send(HttpRequest.PUT("/api/v1/ip-assets/" + assetId + "/member-capacity",
                capacity("500000", null)).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(bureau)).status());
        String stranger = apiKey("BANK_OFFICER", createBank("GICAP-OTHER"));
        assertEquals(404, get("/api/v1/ip-assets/" + assetId + "/member-capacity", stranger).status());

        assertEquals(0, sql.count("SELECT count(*) FROM gi_member_capacity WHERE asset_id = '" + assetId + "'"));
        Answer unset = get("/api/v1/ip-assets/" + assetId + "/member-capacity", bureau);
        assertEquals(200, unset.status(), unset::toString);
        assertNull(unset.get("capacity"));
        assertEquals("0.00", unset.text("used"));
    }

    @Test
    void membersBorrowAgainstTheAssociationsMarkUpToItsCapacityAndTheLastOneIsCapped() {
        String association = Fixtures.creditCode();
        String giId = gi(association);
        Map<String, String> first = firm();
        Map<String, String> second = firm();
        Map<String, String> outsider = firm();

        // no capacity on file: the association's consent is missing, the member is referred (COLL-GI-002)
        Answer before = evaluate(first, giId, "40000");
        assertTrue(fired(before).contains("COLL-GI-002"), before::toString);
        assertEquals("REFER", before.text("decision"));

        Answer set = putCapacity(giId, capacity("60000", List.of(first, second)));
        assertEquals(200, set.status(), set::toString);
        assertEquals("60000.00", set.text("capacity"));
        assertEquals("0.00", set.text("used"));
        assertEquals("60000.00", set.text("remaining"));
        assertEquals(association, set.text("associationCreditCode"));
        assertEquals(2, ((List<?>) set.get("members")).size());
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'ip-asset.member-capacity-set' "
                + "AND entity_id = '" + giId + "'"));

        Answer one = evaluate(first, giId, "40000");
        assertFalse(fired(one).contains("COLL-GI-001") || fired(one).contains("COLL-GI-002"), one::toString);
        assertFalse(fired(one).contains("LIMIT-GI-CAPACITY-001"), one::toString);
        assertEquals("40000.00", one.text("approvedLimit"), one::toString);
        Answer loanOne = post("/api/v1/applications/" + one.text("applicationId") + "/approval", approval(),
                approver);
        assertEquals(201, loanOne.status(), loanOne::toString);

        Answer afterOne = get("/api/v1/ip-assets/" + giId + "/member-capacity", officer);
        assertEquals("40000.00", afterOne.text("used"));
        assertEquals("20000.00", afterOne.text("remaining"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> loans = (List<Map<String, Object>>) afterOne.get("loans");
        assertEquals(List.of(loanOne.text("loanId")), loans.stream().map(l -> l.get("loanId")).toList());
        assertEquals(first.get("creditCode"), loans.get(0).get("borrowerCreditCode"));
        assertEquals("APPROVED", loans.get(0).get("status"));

        // the second member asks for more than is left: the limit is capped at the 20,000 left
        Answer two = evaluate(second, giId, "40000");
        assertTrue(fired(two).contains("LIMIT-GI-CAPACITY-001"), two::toString);
        assertEquals("20000.00", two.text("approvedLimit"), two::toString);
        assertEquals("GI_CAPACITY", two.text("limitBinding"));
        @SuppressWarnings("unchecked")
        Map<String, Object> reason = ((List<Map<String, Object>>) two.get("reasons")).stream()
                .filter(r -> "LIMIT-GI-CAPACITY-001".equals(r.get("ruleId"))).findFirst().orElseThrow();
        assertTrue(((String) reason.get("messageEn")).contains("60,000.00")
                && ((String) reason.get("messageEn")).contains("40,000.00")
                && ((String) reason.get("messageEn")).contains("20,000.00"), reason::toString);
        assertTrue(((String) reason.get("messageZh")).contains("已用40,000.00元"), reason::toString);
        Answer loanTwo = post("/api/v1/applications/" + two.text("applicationId") + "/approval", approval(),
                approver);
        assertEquals(201, loanTwo.status(), loanTwo::toString);
        assertEquals("20000.00", loanTwo.text("principal"));
        Answer full = get("/api/v1/ip-assets/" + giId + "/member-capacity", bureau);
        assertEquals("60000.00", full.text("used"));
        assertEquals("0.00", full.text("remaining"));

        // both pledges are filed by the association, a third party to each loan; the mark stands pledged to this
        // bank for both members, so the second registration is no "second pledge"
        for (Answer loan : List.of(loanOne, loanTwo)) {
            Answer registered = post("/api/v1/loans/" + loan.text("loanId") + "/pledge-registration",
                    Map.of("registrationNo", "Y2026620000" + loan.text("loanId").substring(0, 4),
                            "registeredOn", today().toString(), "pledgorCreditCode", association), officer);
            assertEquals(200, registered.status(), registered::toString);
        }
        assertEquals("PLEDGED", get("/api/v1/ip-assets/" + giId, officer).text("legalStatus"));

        // a firm not on the association's list is declined; with nothing left, a listed one is referred at zero
        Answer stranger = evaluate(outsider, giId, "10000");
        assertTrue(fired(stranger).contains("COLL-GI-001"), stranger::toString);
        assertEquals("DECLINE", stranger.text("decision"));
        Answer noRoom = evaluate(first, giId, "10000");
        assertFalse(fired(noRoom).contains("COLL-STATUS-004"), noRoom::toString);
        assertTrue(fired(noRoom).contains("LIMIT-GI-CAPACITY-001") && fired(noRoom).contains("LIMIT-ZERO-001"),
                noRoom::toString);
        assertEquals("0.00", noRoom.text("approvedLimit"));

        // withdrawing the first member's loan (its pledge released) gives its share back; the mark stays pledged
        // for the second member
        Answer withdrawn = post("/api/v1/applications/" + one.text("applicationId") + "/withdrawal",
                Map.of("reason", "改用自有资金"), officer);
        assertEquals(200, withdrawn.status(), withdrawn::toString);
        assertEquals("20000.00", get("/api/v1/ip-assets/" + giId + "/member-capacity", officer).text("used"));
        assertEquals("PLEDGED", get("/api/v1/ip-assets/" + giId, officer).text("legalStatus"));
    }

    @Test
    void twoMembersApprovedAtOnceOnTwoInstancesNeverTogetherExceedTheCapacity() throws Exception {
        startTheSecondInstance();
        for (int round = 0; round < 3; round++) {
            String giId = gi(Fixtures.creditCode());
            // no member list: any borrower the bank lends to may borrow against the mark
            assertEquals(200, putCapacity(giId, capacity("60000", null)).status());
            List<String> applications = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Answer decision = evaluate(firm(), giId, "40000");
                assertEquals("40000.00", decision.text("approvedLimit"), decision::toString);
                applications.add(decision.text("applicationId"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String path = "/api/v1/applications/" + applications.get(i) + "/approval";
                boolean onSecond = i == 1;
                answers.add(pool.submit(() -> {
                    go.await();
                    return onSecond ? postToSecond(path, approval(), approver) : post(path, approval(), approver);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            Answer refused = null;
            for (Future<Answer> f : answers) {
                Answer a = f.get(60, TimeUnit.SECONDS);
                statuses.add(a.status());
                if (a.status() == 409) {
                    refused = a;
                }
            }
            pool.shutdown();
            assertEquals(List.of(201, 409), statuses.stream().sorted().toList(), statuses::toString);
            assertTrue(refused.text("type").endsWith("gi-capacity-exceeded"), refused::toString);
            assertEquals("60000.00", refused.text("capacity"), refused::toString);
            assertEquals("40000.00", refused.text("used"));
            assertEquals("40000.00", refused.text("requested"));
            assertEquals("20000.00", refused.text("remaining"));
            assertEquals(40000L, sql.count("SELECT coalesce(sum(l.principal), 0)::bigint FROM loan l "
                    + "JOIN application_collateral c ON c.application_id = l.application_id "
                    + "WHERE c.asset_id = '" + giId + "'"));
            // the refused approval left no vote behind: re-evaluated, it is capped and approved
            String again = applications.get(statuses.get(0) == 409 ? 0 : 1);
            Answer capped = post("/api/v1/applications/" + again + "/evaluation", Map.of(), officer);
            assertEquals("20000.00", capped.text("approvedLimit"), capped::toString);
            Answer approved = post("/api/v1/applications/" + again + "/approval", approval(), approver);
            assertEquals(201, approved.status(), approved::toString);
            assertEquals("0.00", get("/api/v1/ip-assets/" + giId + "/member-capacity", officer).text("remaining"));
        }
    }

    /** Another service instance (its own context, HTTP server and connection pool) on this class's database. */
    private void startTheSecondInstance() throws Exception {
        Map<String, Object> props = new HashMap<>(getProperties());
        props.put("micronaut.server.port", -1);
        second = ApplicationContext.run(EmbeddedServer.class, props);
        secondClient = HttpClient.create(new java.net.URL(second.getURL().toString()));
    }

    private Answer postToSecond(String path, Object body, String key) throws Exception {
        String json = JSON.writeValueAsString(body);
        try {
            HttpResponse<String> r = secondClient.toBlocking().exchange(HttpRequest.POST(path, json)
                    .contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE)
                    .bearerAuth(key), String.class);
            return answer(r);
        } catch (HttpClientResponseException e) {
            return answer(e.getResponse());
        }
    }

    private static Answer answer(HttpResponse<?> r) throws Exception {
        String raw = r.getBody(String.class).orElse(null);
        return new Answer(r.code(), r.getHeaders(), raw, raw == null || raw.isBlank() ? null
                : JSON.readValue(raw, Object.class));
    }
}
