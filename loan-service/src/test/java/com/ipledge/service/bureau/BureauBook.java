package com.ipledge.service.bureau;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small book seeded through the API as banks would (see lifecycle/LifecycleApiTest): two banks with a quota
 * plan each, three disbursed loans in different industries, ecological industries and regions (the first bank's
 * data-industry loan classified doubtful by the bank, so the book has a non-performing loan), one overdue-fee event
 * (an alert), and page users for the bureau and for one bank's officer.
 */
final class BureauBook {
    static final String PASSWORD = "correct horse battery";
    static final String BUREAU_USER = "analyst.zhang";
    static final String BANK_USER = "officer.li";

    record Book(UUID bankA, UUID bankB, String bureauKey) {
        static final String BANK_A_NAME = "Bank GANSUBANK";
        static final String BANK_B_NAME = "Bank LANZHOUBANK";
    }

    private BureauBook() {
    }

    static Book seed(ApiTestBase api) {
        UUID a = api.createBank("GANSUBANK");
        UUID b = api.createBank("LANZHOUBANK");
        String bureau = api.apiKey("BUREAU", null);
        for (UUID bank : List.of(a, b)) {
            Answer plan = api.post("/api/v1/quota-plans", Map.of("bankId", bank, "year", api.thisYear(),
                    "amount", "20000000"), bureau);
            assertEquals(201, plan.status(), plan::toString);
        }
        String officerA = api.apiKey("BANK_OFFICER", a);
        String approverA = api.apiKey("BANK_APPROVER", a);
        String officerB = api.apiKey("BANK_OFFICER", b);
        String approverB = api.apiKey("BANK_APPROVER", b);
        String patent = loan(api, officerA, approverA, "500000", "C3911", "ENERGY_SAVING_ENVIRONMENTAL", "620100")[0];
        String doubtful = loan(api, officerA, approverA, "400000", "I6510", "DATA_INFORMATION", "620500")[1];
        loan(api, officerB, approverB, "300000", "C2740", "TRADITIONAL_CHINESE_MEDICINE", "620102");
        Answer classified = api.send(HttpRequest.PUT("/api/v1/loans/" + doubtful + "/classification",
                Map.of("classification", "DOUBTFUL", "reason", "the borrower's main customer failed (test)"))
                .bearerAuth(officerA).contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, classified.status(), classified::toString);
        // an overdue annual fee on a pledged patent raises an alert (its answer is not what these tests check)
        api.post("/api/v1/monitoring/events", Map.of("assetNumber", patent, "assetType", "INVENTION_PATENT",
                "type", "FEE_OVERDUE", "occurredOn", api.today().toString()), officerA);
        user(api, BUREAU_USER, "BUREAU", null);
        user(api, BANK_USER, "BANK_OFFICER", a);
        return new Book(a, b, bureau);
    }

    static Answer user(ApiTestBase api, String username, String role, UUID bankId) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("role", role);
        if (bankId != null) {
            body.put("bankId", bankId);
        }
        Answer created = api.post("/api/v1/admin/users", body, ApiTestBase.ADMIN_KEY);
        assertEquals(201, created.status(), created::toString);
        return created;
    }

    /** A disbursed loan on a young invention patent; answers the patent's number and the loan's id. */
    private static String[] loan(ApiTestBase api, String officer, String approver, String requested, String industry,
                               String eco, String region) {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        borrower.put("industryCode", industry);
        borrower.put("ecoIndustry", eco);
        borrower.put("regionCode", region);
        Answer b = api.post("/api/v1/borrowers", borrower, officer);
        assertEquals(201, b.status(), b::toString);
        Map<String, Object> patent = Fixtures.youngInvention((String) borrower.get("creditCode"));
        Answer asset = api.post("/api/v1/ip-assets", patent, officer);
        assertEquals(201, asset.status(), asset::toString);
        Map<String, Object> app = Fixtures.application(b.text("id"), List.of(asset.text("id")));
        app.put("requestedAmount", requested);
        Answer created = api.post("/api/v1/applications", app, officer);
        assertEquals(201, created.status(), created::toString);
        String id = created.text("id");
        Answer decision = api.post("/api/v1/applications/" + id + "/evaluation", Map.of(), officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        Answer approved = api.post("/api/v1/applications/" + id + "/approval", Map.of("approve", true, "note", "ok"),
                approver);
        assertEquals(201, approved.status(), approved::toString);
        String loan = approved.text("loanId");
        Answer pledge = api.post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "Y2026620000" + (100 + Math.abs(loan.hashCode() % 800)),
                        "registeredOn", api.today().toString()), officer);
        assertEquals(200, pledge.status(), pledge::toString);
        Answer disbursed = api.post("/api/v1/loans/" + loan + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);
        return new String[] {(String) patent.get("number"), loan};
    }
}
