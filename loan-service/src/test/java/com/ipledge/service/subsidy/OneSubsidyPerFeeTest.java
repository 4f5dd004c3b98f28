package com.ipledge.service.subsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One premium, one subsidy: a loan's fee of one kind and one reference (or, without a reference, the year's fee of
 * that kind) is subsidised once, whichever of the loan's programmes it is reported to, even when the reports arrive
 * at the same moment. Every subsidy here is fee x 0.5 x IP share 1: 2,000.00 -> 1,000.00.
 */
@MicronautTest(transactional = false)
class OneSubsidyPerFeeTest extends ApiTestBase {
    private Sql sql;
    private String officer;
    private String loan;
    private String enrolmentA;
    private String enrolmentB;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void aLoanInTwoProgrammes() {
        sql = new Sql(databaseUrl());
        String bureau = apiKey("BUREAU", null);
        UUID bank = createBank("ONEFEE");
        officer = apiKey("BANK_OFFICER", bank);
        String approver = apiKey("BANK_APPROVER", bank);
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), bureau).status());
        String app = fileStrongApplication(officer, "300000");
        Answer decision = post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        loan = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), approver).text("loanId");
        assertEquals(200, post("/api/v1/loans/" + loan + "/pledge-registration", Map.of("registrationNo",
                "Y2026620000" + loan.substring(0, 4), "registeredOn", today().toString()), officer).status());
        assertEquals(200, post("/api/v1/loans/" + loan + "/disbursement", Map.of(), officer).status());
        enrolmentA = enrol(programme("GS-FEE-A", bureau));
        enrolmentB = enrol(programme("GS-FEE-B", bureau));
    }

    private String programme(String code, String bureau) {
        Map<String, Object> p = ProgrammeBodies.of(code, "费用补贴 " + code, today().minusDays(10),
                today().plusDays(10), "1000000.00", "50000.00");
        Answer a = post("/api/v1/subsidy-programmes", p, bureau);
        assertEquals(201, a.status(), a::toString);
        return a.text("id");
    }

    private String enrol(String programme) {
        Answer enrolled = post("/api/v1/subsidy-enrolments", Map.of("programmeId", programme, "loanId", loan),
                officer);
        assertEquals(201, enrolled.status(), enrolled::toString);
        return enrolled.text("id");
    }

    private Answer fee(String enrolment, String kind, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("enrolmentId", enrolment);
        body.put("kind", kind);
        body.put("amount", "2000.00");
        body.put("paidOn", today().toString());
        if (reference != null) {
            body.put("reference", reference);
        }
        return post("/api/v1/subsidy-fees", body, officer, UUID.randomUUID().toString());
    }

    private long accruals(String kind) {
        return sql.count("SELECT count(*) FROM subsidy_accrual WHERE loan_id = '" + loan + "' AND kind = '" + kind
                + "'");
    }

    @Test
    void aPremiumIsSubsidisedOnceWhicheverProgrammeItIsReportedTo() {
        Answer first = fee(enrolmentA, "INSURANCE_FEE", "PICC-2026-0001");
        assertEquals(201, first.status(), first::toString);
        assertEquals(new BigDecimal("1000.00"), new BigDecimal(first.text("amount")));
        assertEquals("PICC-2026-0001", first.text("feeReference"));
        for (String enrolment : List.of(enrolmentA, enrolmentB)) {
            Answer again = fee(enrolment, "INSURANCE_FEE", " PICC-2026-0001 ");
            assertEquals(409, again.status(), again::toString);
            assertTrue(again.raw().contains("fee-already-subsidised") && again.raw().contains(first.text("id")),
                    again::toString);
        }
        // another policy is another premium
        assertEquals(201, fee(enrolmentB, "INSURANCE_FEE", "PICC-2026-0002").status());
        assertEquals(2, accruals("INSURANCE_FEE"));
        // without a reference the fee is the year's guarantee fee: once a year
        Answer yearly = fee(enrolmentA, "GUARANTEE_FEE", null);
        assertEquals(201, yearly.status(), yearly::toString);
        assertEquals("YEAR " + today().getYear(), yearly.text("feeReference"));
        assertEquals(409, fee(enrolmentB, "GUARANTEE_FEE", null).status());
        assertEquals(1, accruals("GUARANTEE_FEE"));
        Answer tooLong = fee(enrolmentA, "INSURANCE_FEE", "x".repeat(101));
        assertEquals(400, tooLong.status(), tooLong::toString);
        assertEquals(List.of("reference"), tooLong.errorFields());
    }

    @Test
    void concurrentReportsOfOneFeeMakeOneSubsidy() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Answer> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (String enrolment : List.of(enrolmentA, enrolmentB, enrolmentA, enrolmentB)) {
                Callable<Answer> report = () -> {
                    go.await();
                    return fee(enrolment, "VALUATION_FEE", "CNIPA-PG-2026-77");
                };
                futures.add(pool.submit(report));
            }
            go.countDown();
            for (Future<Answer> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, answers.stream().filter(a -> a.status() == 201).count(), answers::toString);
        assertEquals(3, answers.stream().filter(a -> a.status() == 409
                && a.raw().contains("fee-already-subsidised")).count(), answers::toString);
        assertEquals(1, accruals("VALUATION_FEE"));
        // the firm's yearly totals hold the one subsidy only: the refused requests' additions rolled back
        assertEquals("1000.00", sql.text("SELECT sum(valuation_fee) FROM subsidy_firm_year"));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'subsidy.accrued'"
                + " AND payload LIKE '%CNIPA-PG-2026-77%'"));
    }
}
