package com.ipledge.service.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipledge.service.loan.LoanService;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An approval not disbursed within its validity expires and gives its quota back, once: reached by moving the
 * business date past the validity (as a bank's dress rehearsal would), not by rewriting the loan's expiry.
 */
@MicronautTest(transactional = false)
class ApprovalExpiryTest extends ApiTestBase {
    @Inject
    LoanService loanService;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false", "ipledge.business-date.adjustable", "true");
    }

    @Test
    void expiredApprovalsReleaseQuotaOnce() {
        Sql sql = new Sql(databaseUrl());
        UUID bank = createBank("EXPIRYBANK");
        String officer = apiKey("BANK_OFFICER", bank);
        String approver = apiKey("BANK_APPROVER", bank);
        Answer plan = post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), apiKey("BUREAU", null));
        assertEquals(201, plan.status(), plan::toString);
        String reserved = "SELECT reserved FROM quota_plan WHERE bank_id = '" + bank + "'";
        BigDecimal reservedBefore = new BigDecimal(sql.text(reserved));

        String app = fileStrongApplication(officer, "250000");
        assertEquals(200, post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer).status());
        Answer approved = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), approver);
        assertEquals(201, approved.status(), approved::toString);
        String loan = approved.text("loanId");
        assertEquals(0, loanService.expireApprovals(100), "within its validity the approval stands");

        // the validity is 30 days (ipledge.lifecycle.approval-validity-days): 31 days on, it has lapsed
        Answer moved = send(HttpRequest.PUT("/api/v1/admin/business-date",
                        "{\"date\":\"" + today().plusDays(31) + "\"}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(ADMIN_KEY));
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(1, loanService.expireApprovals(100));
        assertEquals(0, loanService.expireApprovals(100), "an expired loan is expired once");
        assertEquals(reservedBefore, new BigDecimal(sql.text(reserved)));
        assertEquals("EXPIRED", get("/api/v1/loans/" + loan, officer).text("status"));
        assertEquals("EXPIRED", get("/api/v1/applications/" + app, officer).text("status"));
    }
}
