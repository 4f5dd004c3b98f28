package com.ipledge.service.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: PATCH /borrowers/{id} records the facts that change as of a date, each change a version (history) and
 * an audit entry, the size class recomputed; a decision records the borrower facts it used, and
 * GET /applications/{id}/evaluation answers the stored decision exactly as the evaluation did.
 */
@MicronautTest(transactional = false)
class BorrowerChangeTest extends ApiTestBase {
    private String officer;
    private String otherOfficer;
    private String bureau;
    private Sql sql;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void banks() {
        UUID bank = createBank("PATCHA");
        officer = apiKey("BANK_OFFICER", bank);
        bureau = apiKey("BUREAU", null);
        otherOfficer = apiKey("BANK_OFFICER", createBank("PATCHB"));
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), bureau).status());
        sql = new Sql(databaseUrl());
    }

    @Test
    void eachChangeIsAVersionWithItsDateFieldsAuthorAndTheSizeClassRecomputed() {
        Answer registered = post("/api/v1/borrowers", Fixtures.borrower(), officer);
        String id = registered.text("id");
        assertEquals("SMALL", registered.text("sizeClass"), registered::toString);
        assertEquals(1, ((Number) registered.get("version")).intValue());
        assertEquals(today().toString(), registered.text("asOf"));

        Answer grown = patch(id, Map.of("asOf", today().toString(), "employees", 400), officer);
        assertEquals(200, grown.status(), grown::toString);
        assertEquals(400, ((Number) grown.get("employees")).intValue());
        assertEquals("MEDIUM", grown.text("sizeClass"), "300+ staff and 20 million+ revenue: medium (MIIT 2011)");
        assertEquals(2, ((Number) grown.get("version")).intValue());

        Map<String, Object> contact = new HashMap<>();
        contact.put("asOf", today().toString());
        contact.put("operatingRevenue", "36000000.5");
        contact.put("contactName", "王芳");
        contact.put("contactPhone", "+86 931 8888 6666");
        contact.put("contactEmail", "wang.fang@example.cn");
        Answer reached = patch(id, contact, officer);
        assertEquals(200, reached.status(), reached::toString);
        assertEquals(new BigDecimal("36000000.50"), reached.get("operatingRevenue"), "money to the fen");
        assertEquals("王芳", reached.text("contactName"));
        assertEquals("MEDIUM", reached.text("sizeClass"));

        Answer history = get("/api/v1/borrowers/" + id + "/history", officer);
        assertEquals(200, history.status(), history::toString);
        List<Map<String, Object>> versions = list(history);
        assertEquals(3, versions.size(), history::toString);
        assertEquals(List.of(1, 2, 3), versions.stream().map(v -> ((Number) v.get("version")).intValue()).toList());
        assertEquals(List.of("employees", "operatingRevenue", "totalAssets"), versions.get(0).get("changedFields"));
        assertEquals(List.of("employees", "sizeClass"), versions.get(1).get("changedFields"));
        assertEquals(List.of("operatingRevenue", "contactName", "contactPhone", "contactEmail"),
                versions.get(2).get("changedFields"));
        assertEquals(120, ((Number) versions.get(0).get("employees")).intValue(), "the old facts are kept");
        assertEquals("SMALL", versions.get(0).get("sizeClass"));
        assertEquals(today().toString(), versions.get(1).get("asOf"));
        for (Map<String, Object> v : versions) {
            assertNotNull(v.get("changedBy"), "who: " + v);
            assertNotNull(v.get("changedAt"), "when: " + v);
        }
        assertEquals(history.raw(), get("/api/v1/borrowers/" + id + "/history", bureau).raw(), "the bureau reads it");
        assertEquals(2L, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'borrower.changed'"
                + " AND entity_id = '" + id + "'"), "each change audited");
        assertEquals(3, ((Number) get("/api/v1/borrowers/" + id, officer).get("version")).intValue());
    }

    @Test
    void badFieldsAreRefusedNamingThemAndWriteNothing() {
        String id = post("/api/v1/borrowers", Fixtures.borrower(), officer).text("id");
        String today = today().toString();
        Map<String, Map<String, Object>> probes = new java.util.LinkedHashMap<>();
        probes.put("asOf", Map.of("employees", 10));
        probes.put("employees", Map.of("asOf", today, "employees", -1));
        probes.put("operatingRevenue", Map.of("asOf", today, "operatingRevenue", "-5"));
        probes.put("totalAssets", Map.of("asOf", today, "totalAssets", "1.001"));
        probes.put("contactEmail", Map.of("asOf", today, "contactEmail", "not an address"));
        probes.put("contactPhone", Map.of("asOf", today, "contactPhone", "call me"));
        probes.put("body", Map.of("asOf", today));
        probes.put("name", Map.of("asOf", today, "name", "renamed"));
        probes.put("sizeClass", Map.of("asOf", today, "sizeClass", "LARGE"));
        for (var probe : probes.entrySet()) {
            Answer a = patch(id, probe.getValue(), officer);
            assertEquals(400, a.status(), () -> probe + " -> " + a);
            assertEquals(List.of(probe.getKey()), a.errorFields(), () -> probe + " -> " + a);
        }
        Answer future = patch(id, Map.of("asOf", today().plusDays(1).toString(), "employees", 10), officer);
        assertEquals(List.of("asOf"), future.errorFields(), future::toString);
        Answer earlier = patch(id, Map.of("asOf", today().minusDays(1).toString(), "employees", 10), officer);
        assertEquals(List.of("asOf"), earlier.errorFields(), "before the current version's date: " + earlier);
        assertEquals(1, list(get("/api/v1/borrowers/" + id + "/history", officer)).size(), "nothing written");

        Answer intruder = patch(id, Map.of("asOf", today, "employees", 1), otherOfficer);
        assertEquals(404, intruder.status(), intruder::toString);
        assertEquals(404, get("/api/v1/borrowers/" + id + "/history", otherOfficer).status());
        assertEquals(120, ((Number) get("/api/v1/borrowers/" + id, officer).get("employees")).intValue());
    }

    @Test
    void aDecisionRecordsTheBorrowerFactsItUsedAndIsReadBackExactly() {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        String borrowerId = post("/api/v1/borrowers", borrower, officer).text("id");
        String asset = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")), officer)
                .text("id");
        Map<String, Object> app = Fixtures.application(borrowerId, List.of(asset));
        app.put("requestedAmount", "300000");
        String applicationId = post("/api/v1/applications", app, officer).text("id");
        assertNull(get("/api/v1/applications/" + applicationId, officer).get("decisionId"));
        Answer before = get("/api/v1/applications/" + applicationId + "/evaluation", officer);
        assertEquals(404, before.status(), "no evaluation yet: " + before);

        Answer first = post("/api/v1/applications/" + applicationId + "/evaluation", Map.of(), officer);
        assertEquals(200, first.status(), first::toString);
        Map<?, ?> facts = (Map<?, ?>) first.get("borrower");
        assertEquals(borrowerId, facts.get("borrowerId"));
        assertEquals(1, ((Number) facts.get("version")).intValue());
        assertEquals(today().toString(), facts.get("asOf"));
        assertEquals(new BigDecimal("80000000.00"), facts.get("operatingRevenue"));
        Answer stored = get("/api/v1/applications/" + applicationId + "/evaluation", officer);
        assertEquals(200, stored.status());
        assertEquals(first.raw(), stored.raw(), "the stored decision exactly as the evaluation answered it");
        assertEquals(first.text("decisionId"), get("/api/v1/applications/" + applicationId, officer)
                .text("decisionId"));
        assertEquals(first.raw(), get("/api/v1/applications/" + applicationId + "/evaluation", bureau).raw());
        assertEquals(404, get("/api/v1/applications/" + applicationId + "/evaluation", otherOfficer).status());

        assertEquals(200, patch(borrowerId, Map.of("asOf", today().toString(), "totalAssets", "60000000"), officer)
                .status());
        Answer again = post("/api/v1/applications/" + applicationId + "/evaluation", Map.of(), officer);
        assertNotEquals(first.text("decisionId"), again.text("decisionId"), "changed facts: decided afresh");
        assertEquals(2, ((Number) ((Map<?, ?>) again.get("borrower")).get("version")).intValue());
        assertEquals(new BigDecimal("60000000.00"), ((Map<?, ?>) again.get("borrower")).get("totalAssets"));
        assertEquals(again.raw(), get("/api/v1/applications/" + applicationId + "/evaluation", officer).raw());
        assertEquals(again.text("decisionId"), get("/api/v1/applications/" + applicationId, officer)
                .text("decisionId"));
    }

    private Answer patch(String id, Object body, String key) {
        try {
            return send(HttpRequest.PATCH("/api/v1/borrowers/" + id, JSON.writeValueAsString(body))
                    .contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE)
                    .bearerAuth(key));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Answer a) {
        assertEquals(200, a.status(), a::toString);
        return (List<Map<String, Object>>) a.json();
    }
}
