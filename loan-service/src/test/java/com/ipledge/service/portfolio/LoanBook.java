package com.ipledge.service.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The book the portfolio and reports tests build through the API: quota plans, a firm's application on a young
 * invention patent (and a utility model when asked) evaluated to APPROVE or REFER, its approval, and its pledge
 * registration with disbursement on the business date.
 */
final class LoanBook {
    private final ApiTestBase api;

    LoanBook(ApiTestBase api) {
        this.api = api;
    }

    /** A plan of 100,000,000.00 yuan for each bank in each year. */
    void quotaPlans(String bureau, List<UUID> banks, List<Integer> years) {
        for (UUID bank : banks) {
            for (int year : years) {
                Answer plan = api.post("/api/v1/quota-plans", Map.of("bankId", bank, "year", year,
                        "amount", "100000000"), bureau);
                assertEquals(201, plan.status(), plan::toString);
            }
        }
    }

    /** Registers the firm {@code borrower} and its patent(s), files for {@code requested} and evaluates. */
    String application(String officer, Map<String, Object> borrower, String requested, boolean withUtilityModel) {
        Answer b = api.post("/api/v1/borrowers", borrower, officer);
        assertEquals(201, b.status(), b::toString);
        String creditCode = (String) borrower.get("creditCode");
        List<String> assets = new ArrayList<>();
        Answer a = api.post("/api/v1/ip-assets", Fixtures.youngInvention(creditCode), officer);
        assertEquals(201, a.status(), a::toString);
        assets.add(a.text("id"));
        if (withUtilityModel) {
            Map<String, Object> utility = Fixtures.invention(creditCode);
            int filed = api.today().getYear() - 2;
            utility.put("type", "UTILITY_MODEL");
            utility.put("number", Fixtures.patentNumber(filed, 2));
            utility.put("title", "一种数据采集终端");
            utility.put("filingDate", filed + "-02-01");
            utility.put("grantDate", filed + "-10-01");
            Answer u = api.post("/api/v1/ip-assets", utility, officer);
            assertEquals(201, u.status(), u::toString);
            assets.add(u.text("id"));
        }
        Map<String, Object> app = Fixtures.application(b.text("id"), assets);
        app.put("requestedAmount", requested);
        Answer created = api.post("/api/v1/applications", app, officer);
        assertEquals(201, created.status(), created::toString);
        String id = created.text("id");
        Answer decision = api.post("/api/v1/applications/" + id + "/evaluation", Map.of(), officer);
        // a referred decision is approved with a note (the two-asset bundle is referred for concentration)
        assertTrue(List.of("APPROVE", "REFER").contains(decision.text("decision")), decision::toString);
        return id;
    }

    /** Approves the application; the loan's id. */
    String approve(String approver, String application) {
        Answer approved = api.post("/api/v1/applications/" + application + "/approval",
                Map.of("approve", true, "note", "ok"), approver);
        assertEquals(201, approved.status(), approved::toString);
        return approved.text("loanId");
    }

    /** Registers the pledge and disburses, both on the business date. */
    void disburse(String officer, String loan) {
        Answer pledge = api.post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "Y2026620000" + Math.abs(loan.hashCode() % 1000),
                        "registeredOn", api.today().toString()), officer);
        assertEquals(200, pledge.status(), pledge::toString);
        Answer disbursed = api.post("/api/v1/loans/" + loan + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);
    }
}
