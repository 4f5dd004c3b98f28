package com.ipledge.service.subsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * Claims filed at the same moment over real HTTP never take a programme past its budget (the conditional UPDATE),
 * and never claim an accrual twice. Each bank holds one accrual of 2,000.00 x 0.5 x IP share 1 = 1,000.00 (a
 * valuation fee); a budget of 2,500.00 fits exactly two of the four claims fired at once.
 */
@MicronautTest(transactional = false)
class SubsidyBudgetConcurrencyTest extends ApiTestBase {
    private static final int BANKS = 4;

    private Sql sql;
    private String bureau;
    private final List<String> officers = new ArrayList<>();
    private String tightProgramme;
    private String roomyProgramme;
    private String lastOfficer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void banksWithOneAccrualEach() {
        sql = new Sql(databaseUrl());
        bureau = apiKey("BUREAU", null);
        tightProgramme = programme("GS-TIGHT", "2500.00");
        roomyProgramme = programme("GS-ROOMY", "1000000.00");
        for (int i = 0; i <= BANKS; i++) {
            UUID bank = createBank("RACE" + i);
            String officer = apiKey("BANK_OFFICER", bank);
            String approver = apiKey("BANK_APPROVER", bank);
            assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                    "amount", "100000000"), bureau).status());
            String loan = disbursedLoan(officer, approver);
            // the first four banks race for the tight budget; the fifth races with itself on the roomy one
            String programme = i < BANKS ? tightProgramme : roomyProgramme;
            Answer enrolled = post("/api/v1/subsidy-enrolments", Map.of("programmeId", programme, "loanId", loan),
                    officer);
            assertEquals(201, enrolled.status(), enrolled::toString);
            Answer fee = post("/api/v1/subsidy-fees", Map.of("enrolmentId", enrolled.text("id"),
                    "kind", "VALUATION_FEE", "amount", "2000.00", "paidOn", today().toString()), officer);
            assertEquals(new BigDecimal("1000.00"), new BigDecimal(fee.text("amount")), fee::toString);
            if (i < BANKS) {
                officers.add(officer);
            } else {
                lastOfficer = officer;
            }
        }
    }

    private String programme(String code, String budget) {
        Map<String, Object> p = ProgrammeBodies.of(code, "预算并发 " + code, today().minusDays(10),
                today().plusDays(10), budget, "5000.00");
        Answer a = post("/api/v1/subsidy-programmes", p, bureau);
        assertEquals(201, a.status(), a::toString);
        return a.text("id");
    }

    private String disbursedLoan(String officer, String approver) {
        String app = fileStrongApplication(officer, "300000");
        Answer decision = post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        String id = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), approver)
                .text("loanId");
        assertEquals(200, post("/api/v1/loans/" + id + "/pledge-registration", Map.of("registrationNo",
                "Y2026620000" + id.substring(0, 4), "registeredOn", today().toString()), officer).status());
        assertEquals(200, post("/api/v1/loans/" + id + "/disbursement", Map.of(), officer).status());
        return id;
    }

    private List<Answer> atOnce(List<String> keys, String programmeId) throws Exception {
        int quarter = (today().getMonthValue() - 1) / 3 + 1;
        Map<String, Object> body = Map.of("programmeId", programmeId, "year", thisYear(), "quarter", quarter);
        ExecutorService pool = Executors.newFixedThreadPool(keys.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (String key : keys) {
                Callable<Answer> file = () -> {
                    go.await();
                    return post("/api/v1/subsidy-claims", body, key);
                };
                futures.add(pool.submit(file));
            }
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentClaimsNeverExceedTheBudget() throws Exception {
        List<Answer> answers = atOnce(officers, tightProgramme);

        long filed = answers.stream().filter(a -> a.status() == 201).count();
        long refused = answers.stream().filter(a -> a.status() == 409).count();
        assertEquals(2, filed, answers::toString);
        assertEquals(2, refused, answers::toString);
        answers.stream().filter(a -> a.status() == 409).forEach(a -> {
            assertTrue(a.text("type").contains("subsidy-budget-exhausted"), a::toString);
            assertTrue(a.contentType().startsWith("application/problem+json"));
        });
        Answer programme = get("/api/v1/subsidy-programmes/" + tightProgramme, bureau);
        assertEquals(new BigDecimal("2000.00"), new BigDecimal(programme.text("committed")));
        assertEquals(new BigDecimal("500.00"), new BigDecimal(programme.text("available")));
        // the counter agrees with the claims, and a refused filing left its accrual unclaimed and no claim behind
        assertEquals(2, sql.count("SELECT count(*) FROM subsidy_claim WHERE programme_id = '" + tightProgramme
                + "'"));
        assertEquals(2000, sql.count("SELECT sum(amount)::bigint FROM subsidy_claim WHERE programme_id = '"
                + tightProgramme + "'"));
        assertEquals(2, sql.count("SELECT count(*) FROM subsidy_accrual WHERE claim_id IS NULL AND programme_id = '"
                + tightProgramme + "'"));
        assertEquals(2, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'subsidy-claim.filed' AND "
                + "entity_id IN (SELECT id::text FROM subsidy_claim WHERE programme_id = '" + tightProgramme + "')"));
    }

    @Test
    void oneBanksConcurrentFilingsClaimItsAccrualsOnce() throws Exception {
        List<Answer> answers = atOnce(List.of(lastOfficer, lastOfficer, lastOfficer), roomyProgramme);

        List<Answer> filed = answers.stream().filter(a -> a.status() == 201).toList();
        assertEquals(1, filed.size(), answers::toString);
        assertEquals(new BigDecimal("1000.00"), new BigDecimal(filed.get(0).text("amount")));
        assertEquals(2, answers.stream().filter(a -> a.status() == 422).count(), answers::toString);
        assertEquals(new BigDecimal("1000.00"), new BigDecimal(get("/api/v1/subsidy-programmes/" + roomyProgramme,
                bureau).text("committed")));
    }
}
