package com.ipledge.service.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Above the configured amount, two distinct approvers must agree before quota is reserved. */
@MicronautTest(transactional = false)
class TwoApproversTest extends ApiTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.lifecycle.two-approver-threshold", "10000", "ipledge.jobs.enabled", "false");
    }

    @Test
    void secondApproverCreatesTheLoan() {
        UUID bank = createBank("TWOEYES");
        String officer = apiKey("BANK_OFFICER", bank);
        String first = apiKey("BANK_APPROVER", bank);
        String second = apiKey("BANK_APPROVER", bank);
        String bureau = apiKey("BUREAU", null);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "50000000"), bureau).status());
        String app = fileStrongApplication(officer, "300000");
        Answer decision = post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);

        Answer one = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), first);
        assertEquals(200, one.status(), one::toString);
        assertEquals("AWAITING_SECOND_APPROVAL", one.text("status"));
        assertEquals(2, ((Number) one.get("approvalsRequired")).intValue());
        Answer plans = send(io.micronaut.http.HttpRequest.GET("/api/v1/quota-plans").bearerAuth(bureau));
        assertEquals("0.00", ((Map<?, ?>) ((List<?>) plans.json()).get(0)).get("reserved").toString(),
                "nothing reserved before the second approval");
        Answer sameAgain = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), first);
        assertEquals(409, sameAgain.status(), "the same approver cannot count twice");
        Answer two = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), second);
        assertEquals(201, two.status(), two::toString);
        assertEquals("APPROVED", two.text("status"));
        assertEquals(2, ((Number) two.get("approvals")).intValue());
    }
}
