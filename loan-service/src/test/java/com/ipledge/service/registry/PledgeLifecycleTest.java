package com.ipledge.service.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a pledge that follows the register (registered, changed, extended, released, each with the registry's
 * number and date, shown on the loan), and a licence of the pledged right with the bank's consent (four eyes) whose
 * proceeds prepay the loan exactly to the fen, or go to escrow.
 */
@io.micronaut.test.extensions.junit5.annotation.MicronautTest(transactional = false)
class PledgeLifecycleTest extends ApiTestBase {
    private String officer;
    private String approver;
    private String secondApprover;
    private Sql sql;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void aBankWithAQuota() {
        UUID bank = createBank("PLEDGES");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        secondApprover = apiKey("BANK_APPROVER", bank);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), apiKey("BUREAU", null)).status());
        sql = new Sql(databaseUrl());
    }

    /** A loan of 300,000.00 for 12 months, its pledge registered (certificate on file) and disbursed today. */
    private String disbursedLoan() {
        String applicationId = fileStrongApplication(officer, "300000");
        assertEquals("APPROVE", post("/api/v1/applications/" + applicationId + "/evaluation", Map.of(), officer)
                .text("decision"));
        String loanId = post("/api/v1/applications/" + applicationId + "/approval", Map.of("approve", true),
                approver).text("loanId");
        Answer registered = post("/api/v1/loans/" + loanId + "/pledge-registration", Map.of("registrationNo",
                "Y2026620000123", "registeredOn", today().toString(), "certificateNo", "质字第2026-0001号"), officer);
        assertEquals(200, registered.status(), registered::toString);
        assertEquals(200, post("/api/v1/loans/" + loanId + "/disbursement", Map.of(), officer).status());
        return loanId;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Answer a, String field) {
        return (List<Map<String, Object>>) a.get(field);
    }

    @Test
    void thePledgeIsChangedExtendedAndReleasedOnTheRegisterAndTheLoanShowsEachStep() {
        String loanId = disbursedLoan();
        List<Map<String, Object>> steps = list(get("/api/v1/loans/" + loanId, officer), "pledge");
        assertEquals(1, steps.size());
        assertEquals("REGISTERED", steps.get(0).get("step"));
        assertEquals("质字第2026-0001号", steps.get(0).get("certificateNo"));
        assertEquals(today().plusMonths(12).toString(), steps.get(0).get("debtEndsOn"));
        assertEquals(0, new BigDecimal("300000.00").compareTo(new BigDecimal(steps.get(0).get("debtAmount")
                .toString())));

        Answer changed = post("/api/v1/loans/" + loanId + "/pledge-steps", Map.of("step", "CHANGED",
                "registrationNo", "Y2026620000123-B1", "registeredOn", today().toString(), "debtAmount",
                "280000.00"), officer);
        assertEquals(201, changed.status(), changed::toString);
        Answer shorter = post("/api/v1/loans/" + loanId + "/pledge-steps", Map.of("step", "EXTENDED",
                "registrationNo", "Y2026620000123-B2", "registeredOn", today().toString(), "debtEndsOn",
                today().plusMonths(6).toString()), officer);
        assertEquals(400, shorter.status(), shorter::toString);
        assertEquals(List.of("debtEndsOn"), shorter.errorFields());
        Answer extended = post("/api/v1/loans/" + loanId + "/pledge-steps", Map.of("step", "EXTENDED",
                "registrationNo", "Y2026620000123-B2", "registeredOn", today().toString(), "debtEndsOn",
                today().plusMonths(18).toString()), officer);
        assertEquals(201, extended.status(), extended::toString);
        // the loan is live: its pledge cannot be released yet
        Answer early = post("/api/v1/loans/" + loanId + "/pledge-steps", Map.of("step", "RELEASED",
                "registrationNo", "Y2026620000123-C", "registeredOn", today().toString()), officer);
        assertEquals(409, early.status(), early::toString);
        assertEquals(List.of("REGISTERED", "CHANGED", "EXTENDED"), list(extended, "pledge").stream()
                .map(s -> s.get("step")).toList());
        assertEquals(3, sql.count("SELECT count(*) FROM audit_entry WHERE entity_id = '" + loanId
                + "' AND action IN ('loan.pledge-registered', 'loan.pledge-changed', 'loan.pledge-extended')"));

        // repaid in full, then the registry cancels the pledge
        Answer loan = get("/api/v1/loans/" + loanId, officer);
        Answer repaid = post("/api/v1/loans/" + loanId + "/repayments", Map.of("amount",
                loan.text("outstandingPrincipal"), "paidOn", today().toString()), officer);
        assertEquals("CLOSED", repaid.text("status"), repaid::toString);
        Answer released = post("/api/v1/loans/" + loanId + "/pledge-steps", Map.of("step", "RELEASED",
                "registrationNo", "Y2026620000123-C", "registeredOn", today().toString(), "reason", "贷款结清"),
                officer);
        assertEquals(201, released.status(), released::toString);
        assertEquals("RELEASED", list(released, "pledge").get(3).get("step"));
        Answer twice = post("/api/v1/loans/" + loanId + "/pledge-steps", Map.of("step", "RELEASED",
                "registrationNo", "Y2026620000123-D", "registeredOn", today().toString()), officer);
        assertEquals(409, twice.status());
    }

    @Test
    void aLicenceWithTheBanksConsentPrepaysTheLoanExactlyToTheFen() {
        String loanId = disbursedLoan();
        Answer requested = post("/api/v1/loans/" + loanId + "/pledge-consents", Map.of("kind", "LICENCE",
                "counterparty", "甘肃某制造有限公司", "proceeds", "12345.67", "proceedsUse", "PREPAY"), approver);
        assertEquals(201, requested.status(), requested::toString);
        assertEquals("REQUESTED", requested.text("status"));
        String consentId = requested.text("id");
        String decision = "/api/v1/loans/" + loanId + "/pledge-consents/" + consentId + "/decision";

        // four eyes: who asked does not decide, and an officer may not decide at all
        Answer own = post(decision, Map.of("approve", true), approver);
        assertEquals(403, own.status(), own::toString);
        assertEquals(403, post(decision, Map.of("approve", true), officer).status());
        assertEquals(0, sql.count("SELECT count(*) FROM repayment WHERE loan_id = '" + loanId + "'"));

        Answer approved = post(decision, Map.of("approve", true, "note", "许可费用于提前还款"), secondApprover);
        assertEquals(200, approved.status(), approved::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> consent = (Map<String, Object>) approved.get("consent");
        assertEquals("APPROVED", consent.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> loan = (Map<String, Object>) approved.get("loan");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> repayments = (List<Map<String, Object>>) loan.get("repayments");
        assertEquals(1, repayments.size());
        BigDecimal amount = new BigDecimal(repayments.get(0).get("amount").toString());
        BigDecimal interest = new BigDecimal(repayments.get(0).get("interestPart").toString());
        BigDecimal principal = new BigDecimal(repayments.get(0).get("principalPart").toString());
        assertEquals(new BigDecimal("12345.67"), amount);
        // disbursed and repaid the same day: no interest has accrued, so every fen prepays principal
        assertEquals(0, interest.signum(), repayments::toString);
        assertEquals(new BigDecimal("12345.67"), principal);
        assertEquals(new BigDecimal("287654.33"), new BigDecimal(loan.get("outstandingPrincipal").toString()));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE entity_id = '" + loanId
                + "' AND action = 'loan.pledge-consent-approved'"));

        Answer again = post(decision, Map.of("approve", true), secondApprover);
        assertEquals(409, again.status(), again::toString);
    }

    @Test
    void proceedsToEscrowAreRecordedOnTheLoanAndARefusalMovesNothing() {
        String loanId = disbursedLoan();
        Answer noAccount = post("/api/v1/loans/" + loanId + "/pledge-consents", Map.of("kind", "TRANSFER",
                "counterparty", "受让方", "proceeds", "50000", "proceedsUse", "ESCROW"), officer);
        assertEquals(400, noAccount.status());
        assertEquals(List.of("escrowAccount"), noAccount.errorFields());
        String escrow = post("/api/v1/loans/" + loanId + "/pledge-consents", Map.of("kind", "LICENCE",
                "counterparty", "被许可方", "proceeds", "50000.10", "proceedsUse", "ESCROW",
                "escrowAccount", "62001234567890"), officer).text("id");
        String refused = post("/api/v1/loans/" + loanId + "/pledge-consents", Map.of("kind", "TRANSFER",
                "counterparty", "受让方", "proceeds", "900000", "proceedsUse", "PREPAY"), officer).text("id");
        assertEquals(200, post("/api/v1/loans/" + loanId + "/pledge-consents/" + refused + "/decision",
                Map.of("approve", false, "note", "转让将使押品灭失"), approver).status());
        Answer approved = post("/api/v1/loans/" + loanId + "/pledge-consents/" + escrow + "/decision",
                Map.of("approve", true), approver);
        assertEquals(200, approved.status(), approved::toString);
        Answer loan = get("/api/v1/loans/" + loanId, officer);
        assertEquals(new BigDecimal("50000.10"), new BigDecimal(loan.text("escrowHeld")));
        assertEquals(new BigDecimal("300000.00"), new BigDecimal(loan.text("outstandingPrincipal")));
        assertEquals(List.of("APPROVED", "REFUSED"), list(loan, "pledgeConsents").stream()
                .sorted(java.util.Comparator.comparing(c -> (String) c.get("kind")))
                .map(c -> c.get("status")).toList());
    }
}
