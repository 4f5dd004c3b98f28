package com.ipledge.service.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Issue 22: the revaluation job used to take the audit chain's lock with its first desk valuation and then lock
 * up to 2,000 more loans in the same transaction, while a repayment locks its loan and then appends to the audit
 * log: repay a loan the job has not reached yet and the two wait for each other (PostgreSQL answers one of them
 * 40P01, deadlock detected). Now appends take no lock and the job does one loan per transaction. This runs a
 * revaluation (which has to value every loan at the desk again: its date is years on) against repayments of the
 * same loans in the opposite order, many times, and asks that every repayment and every revaluation succeed.
 * Against the code before the fix it fails with a deadlock in the first rounds.
 */
@MicronautTest(transactional = false)
class RevaluationVersusRepaymentTest extends ApiTestBase {
    private static final int LOANS = 6;
    private static final int ROUNDS = 8;

    @Inject
    MonitoringJobs jobs;

    private String officer;
    private String approver;
    private final List<String> loans = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        UUID bank = createBank("REVAL");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        String bureau = apiKey("BUREAU", null);
        Answer plan = post("/api/v1/quota-plans", Map.of("bankId", bank, "year", today().getYear(),
                "amount", "100000000"), bureau);
        assertEquals(201, plan.status(), plan::toString);
        for (int i = 0; i < LOANS; i++) {
            loans.add(disbursedLoan());
        }
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
    }

    private String disbursedLoan() {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        Answer b = post("/api/v1/borrowers", borrower, officer);
        assertEquals(201, b.status(), b::toString);
        Answer a = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")), officer);
        assertEquals(201, a.status(), a::toString);
        Map<String, Object> app = Fixtures.application(b.text("id"), List.of(a.text("id")));
        app.put("requestedAmount", "500000");
        Answer created = post("/api/v1/applications", app, officer);
        assertEquals(201, created.status(), created::toString);
        String appId = created.text("id");
        Answer decision = post("/api/v1/applications/" + appId + "/evaluation", Map.of(), officer);
        assertEquals(200, decision.status(), decision::toString);
        Answer approved = post("/api/v1/applications/" + appId + "/approval",
                Map.of("approve", true, "note", "ok"), approver);
        assertEquals(201, approved.status(), approved::toString);
        String loan = approved.text("loanId");
        Answer pledge = post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "Y" + Math.abs(loan.hashCode()), "registeredOn", today().toString()), officer);
        assertEquals(200, pledge.status(), pledge::toString);
        Answer disbursed = post("/api/v1/loans/" + loan + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);
        return loan;
    }

    @Test
    void aRepaymentAndTheRevaluationJobNeverDeadlock() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            // a date far enough on that every valuation is stale: each loan gets a new, audited desk valuation
            LocalDate later = today().plusYears(1).plusDays(200L * round);
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> revaluation = pool.submit(() -> {
                start.await();
                return jobs.revalueLiveLoans(later, 1000);
            });
            Future<List<Answer>> repayments = pool.submit(() -> {
                start.await();
                List<Answer> answers = new ArrayList<>();
                for (int i = loans.size() - 1; i >= 0; i--) {
                    answers.add(post("/api/v1/loans/" + loans.get(i) + "/repayments",
                            Map.of("amount", "10.00", "paidOn", today().toString()), officer));
                }
                return answers;
            });
            start.countDown();
            // an exception here (40P01 "deadlock detected" before the fix) fails the test
            revaluation.get(120, TimeUnit.SECONDS);
            for (Answer a : repayments.get(120, TimeUnit.SECONDS)) {
                assertEquals(201, a.status(), "round " + round + ": " + a);
                assertTrue(!a.raw().contains("40P01") && !a.raw().toLowerCase().contains("deadlock"), a::toString);
            }
        }
        Answer verify = get("/api/v1/audit/verify", ADMIN_KEY);
        assertEquals(Boolean.TRUE, verify.get("ok"), verify::toString);
    }
}
