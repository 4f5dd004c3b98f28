package com.ipledge.service.process;

import java.time.Duration;
import com.ipledge.service.support.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.process.ApiClient.Reply;
import com.ipledge.service.support.TestDatabase;
import com.ipledge.service.TimeFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two service processes (two JVMs, two connection pools, two schedulers) on one PostgreSQL database, with requests
 * spread over both: quota is never over-allocated, one Idempotency-Key makes one record whichever process gets it,
 * the audit chain stays one gapless chain, and the approval-expiry job expires each approval exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoProcessesTest {
    private static final Pattern HANDLED = Pattern.compile("job approval-expiry handled (\\d+) item");

    private final String url = TestDatabase.freshDatabaseUrl();
    private final Rows db = new Rows(url);
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final List<ApiClient> clients = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @BeforeAll
    void startTwo() throws Exception {
        // jobs on (the default), the expiry job every second on both from the first second
        ServiceProcess.Config base = ServiceProcess.Config.of("two", url)
                .withEnv(Map.of("IPLEDGE_JOBS_APPROVAL_EXPIRY_INTERVAL", "1s",
                        "IPLEDGE_JOBS_APPROVAL_EXPIRY_INITIAL_DELAY", "1s",
                        // approvals lapse by moving the business date (shared through the database), as in a
                        // rehearsal; a one-day validity lets each day's move lapse the day before's approvals
                        "IPLEDGE_BUSINESS_DATE_ADJUSTABLE", "true"));
        List<String> jvm = new ArrayList<>(base.jvmOptions());
        jvm.add("-Dipledge.lifecycle.approval-validity-days=1");
        ServiceProcess.Config config = base.withJvmOptions(jvm);
        List<CompletableFuture<ServiceProcess>> starting = List.of(
                CompletableFuture.supplyAsync(() -> ServiceProcess.start(config), pool),
                CompletableFuture.supplyAsync(() -> ServiceProcess.start(config), pool));
        try {
            for (CompletableFuture<ServiceProcess> f : starting) {
                processes.add(f.get(120, TimeUnit.SECONDS));
            }
        } catch (Exception e) {
            starting.forEach(f -> f.thenAccept(ServiceProcess::close));
            throw e;
        }
        processes.forEach(p -> clients.add(p.client()));
        assertTrue(processes.get(0).pid() != processes.get(1).pid());
    }

    @AfterAll
    void stopBoth() {
        pool.shutdownNow();
        processes.forEach(ServiceProcess::close);
    }

    private ApiClient via(int i) {
        return clients.get(i % 2);
    }

    /** Files and evaluates {@code n} strong applications, spread over both processes; all must be APPROVE. */
    private List<Reply> evaluatedApplications(BankSetup bank, int n, String amount) throws Exception {
        List<Future<Reply>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                Map<String, Object> borrower = BankSetup.strongBorrower();
                UUID b = via(k).postOk(201, "/api/v1/borrowers", borrower, bank.officer()).id("id");
                UUID a = via(k + 1).postOk(201, "/api/v1/ip-assets",
                        BankSetup.youngInvention((String) borrower.get("creditCode")), bank.officer()).id("id");
                String app = via(k).postOk(201, "/api/v1/applications", BankSetup.application(b, List.of(a),
                        amount, "two processes " + UUID.randomUUID()), bank.officer()).text("id");
                Reply e = via(k + 1).postOk(200, "/api/v1/applications/" + app + "/evaluation", Map.of(),
                        bank.officer());
                assertEquals("APPROVE", e.text("decision"), e::toString);
                return e;
            }));
        }
        List<Reply> out = new ArrayList<>();
        for (Future<Reply> f : futures) {
            out.add(f.get(120, TimeUnit.SECONDS));
        }
        return out;
    }

    /** Runs the calls all at once (released by one latch) and returns their results in order. */
    private <T> List<T> race(List<Callable<T>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> c : calls) {
            futures.add(pool.submit(() -> {
                go.await();
                return c.call();
            }));
        }
        Thread.sleep(100);
        go.countDown();
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get(120, TimeUnit.SECONDS));
        }
        return out;
    }

    @Test
    @Order(1)
    void approvalsRacingOnTwoProcessesReserveExactlyTheQuota() throws Exception {
        BankSetup bank = BankSetup.create(via(0), "RACE2P", "1000000000");
        int attempts = 24;
        int room = 7;
        List<Reply> evaluations = evaluatedApplications(bank, attempts, "300000.00");
        BigDecimal limit = new BigDecimal(evaluations.get(0).text("approvedLimit"));
        assertTrue(limit.signum() > 0);
        evaluations.forEach(e -> assertEquals(0, limit.compareTo(new BigDecimal(e.text("approvedLimit"))),
                "identical applications get identical limits"));
        BigDecimal planAmount = limit.multiply(BigDecimal.valueOf(room));
        via(1).expect(200, via(1).put("/api/v1/quota-plans/" + bank.planId(),
                Map.of("amount", planAmount.toPlainString()), bank.bureau()));

        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            ApiClient c = via(i);
            String app = evaluations.get(i).text("applicationId");
            calls.add(() -> c.post("/api/v1/applications/" + app + "/approval",
                    Map.of("approve", true, "note", "race"), bank.approver(), UUID.randomUUID().toString()));
        }
        List<Reply> answers = race(calls);
        int[] grantedBy = new int[2];
        int refused = 0;
        for (int i = 0; i < attempts; i++) {
            Reply r = answers.get(i);
            if (r.status() == 201) {
                grantedBy[i % 2]++;
            } else {
                assertEquals(409, r.status(), r::toString);
                assertTrue(r.text("type").endsWith("quota-exhausted"), r::toString);
                refused++;
            }
        }
        assertEquals(room, grantedBy[0] + grantedBy[1], "exactly the plan's room is granted");
        assertEquals(attempts - room, refused);
        String plan = "'" + bank.planId() + "'";
        assertEquals(0, planAmount.compareTo(new BigDecimal(db.query("SELECT reserved FROM quota_plan WHERE id = "
                + plan).get(0).get("reserved"))), "reserved = amount, not a fen more");
        assertEquals(room, db.count("SELECT count(*) FROM quota_movement WHERE plan_id = " + plan));
        assertEquals(room, db.count("SELECT count(*) FROM loan WHERE quota_plan_id = " + plan));
        assertEquals(room, db.count("SELECT count(*) FROM approval v JOIN loan_application a ON a.id = "
                + "v.application_id WHERE a.bank_id = '" + bank.bankId() + "'"), "a refused approval leaves no vote");
        assertEquals(room, db.count("SELECT count(*) FROM loan_application WHERE status = 'APPROVED' AND bank_id = '"
                + bank.bankId() + "'"));
        for (ApiClient c : clients) {
            Reply rec = c.getOk("/api/v1/quota-plans/reconciliation", bank.bureau());
            assertTrue(rec.json().get("ok").asBoolean(), rec::toString);
        }
        System.out.printf("TWO PROCESSES quota: %d approvals raced for room %d x %s: granted %d via process A, "
                + "%d via process B, %d refused with 409%n", attempts, room, limit.toPlainString(), grantedBy[0], grantedBy[1], refused);
    }

    @Test
    @Order(2)
    void oneIdempotencyKeySentToBothProcessesAtOnceMakesOneRecord() throws Exception {
        BankSetup bank = BankSetup.create(via(0), "IDEM2P", "1000000000");
        Map<String, Object> borrower = BankSetup.strongBorrower();
        UUID b = via(0).postOk(201, "/api/v1/borrowers", borrower, bank.officer()).id("id");
        UUID a = via(1).postOk(201, "/api/v1/ip-assets",
                BankSetup.youngInvention((String) borrower.get("creditCode")), bank.officer()).id("id");
        String purpose = "one key " + UUID.randomUUID();
        Map<String, Object> body = BankSetup.application(b, List.of(a), "300000.00", purpose);
        int copies = 16;

        String filingKey = UUID.randomUUID().toString();
        List<Callable<Reply>> filings = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            ApiClient c = via(i);
            filings.add(() -> c.post("/api/v1/applications", body, bank.officer(), filingKey));
        }
        List<Reply> filed = race(filings);
        String app = checkOneAnswer(filed, copies);
        assertEquals(1, db.count("SELECT count(*) FROM loan_application WHERE purpose = '" + purpose + "'"));
        assertEquals(1, db.count("SELECT count(*) FROM audit_entry WHERE action = 'application.submitted' AND "
                + "entity_id = '" + app + "'"));
        assertEquals(1, db.count("SELECT count(*) FROM application_collateral WHERE application_id = '" + app + "'"));
        assertEquals(1, db.count("SELECT count(*) FROM idempotency_record WHERE idempotency_key = '" + filingKey
                + "'"));

        // the same for an approval, which reserves quota: one vote, one loan, one reservation
        via(1).postOk(200, "/api/v1/applications/" + app + "/evaluation", Map.of(), bank.officer());
        String approvalKey = UUID.randomUUID().toString();
        List<Callable<Reply>> approvals = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            ApiClient c = via(i);
            approvals.add(() -> c.post("/api/v1/applications/" + app + "/approval",
                    Map.of("approve", true, "note", "once"), bank.approver(), approvalKey));
        }
        List<Reply> approved = race(approvals);
        checkOneAnswer(approved, copies);
        String loan = approved.get(0).text("loanId");
        assertEquals(1, db.count("SELECT count(*) FROM loan WHERE application_id = '" + app + "'"));
        assertEquals(1, db.count("SELECT count(*) FROM approval WHERE application_id = '" + app + "'"));
        assertEquals(1, db.count("SELECT count(*) FROM quota_movement WHERE loan_id = '" + loan + "'"));
        assertEquals(1, db.count("SELECT count(*) FROM audit_entry WHERE action = 'loan.approved' AND entity_id = '"
                + loan + "'"));
    }

    /** All answers are the same 201 body, one fresh and the rest replays; returns the created id. */
    private static String checkOneAnswer(List<Reply> answers, int copies) {
        Set<String> bodies = new HashSet<>();
        int replayed = 0;
        for (Reply r : answers) {
            assertEquals(201, r.status(), r::toString);
            bodies.add(r.raw());
            if (r.replayed()) {
                replayed++;
            }
        }
        assertEquals(1, bodies.size(), "every answer is the first answer: " + bodies);
        assertEquals(copies - 1, replayed, "one did the work, the others replayed it");
        Reply first = answers.get(0);
        return first.text("id") != null ? first.text("id") : first.text("applicationId");
    }

    @Test
    @Order(3)
    void theAuditChainStaysOneGaplessChainUnderMixedLoadOnBoth() throws Exception {
        BankSetup bank = BankSetup.create(via(1), "AUDIT2P", "1000000000");
        long before = db.count("SELECT count(*) FROM audit_entry");
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int k = i;
            work.add(() -> {
                int writes = 0;
                for (int round = 0; round < 2; round++) {
                    Map<String, Object> borrower = BankSetup.strongBorrower();
                    UUID b = via(k + round).postOk(201, "/api/v1/borrowers", borrower, bank.officer()).id("id");
                    UUID a = via(k + round + 1).postOk(201, "/api/v1/ip-assets",
                            BankSetup.youngInvention((String) borrower.get("creditCode")), bank.officer()).id("id");
                    String app = via(k + round).postOk(201, "/api/v1/applications", BankSetup.application(b,
                            List.of(a), "200000.00", "audit " + UUID.randomUUID()), bank.officer()).text("id");
                    via(k + round + 1).postOk(200, "/api/v1/applications/" + app + "/evaluation", Map.of(),
                            bank.officer());
                    Reply ok = via(k).postOk(201, "/api/v1/applications/" + app + "/approval",
                            Map.of("approve", true, "note", "audit"), bank.approver());
                    assertEquals("APPROVED", ok.text("status"));
                    writes += 5;
                }
                return writes;
            });
        }
        int writes = race(work).stream().mapToInt(Integer::intValue).sum();
        long entries = db.count("SELECT count(*) FROM audit_entry");
        for (String action : List.of("borrower.registered", "ip-asset.registered", "application.submitted",
                "application.evaluated", "loan.approved")) {
            assertEquals(writes / 5, db.count("SELECT count(*) FROM audit_entry WHERE seq > " + before
                    + " AND action = '" + action + "'"), "one " + action + " entry per such write");
        }
        for (ApiClient c : clients) {
            Reply verify = c.getOk("/api/v1/audit/verify", bank.bureau());
            assertTrue(verify.json().get("ok").asBoolean(), verify::toString);
            assertEquals(entries, verify.json().get("entries").asLong());
        }
        assertEquals(1, db.count("SELECT min(seq) FROM audit_entry"));
        assertEquals(entries, db.count("SELECT max(seq) FROM audit_entry"), "no gap");
        assertEquals(entries, db.count("SELECT count(DISTINCT seq) FROM audit_entry"), "no duplicate");
        assertEquals(0, db.count("SELECT count(*) FROM audit_entry e JOIN audit_entry p ON p.seq = e.seq - 1 "
                + "WHERE e.prev_hash <> p.hash"), "each entry links to the one before");
        // both processes read the same clock (one host): the chain's order is the order of commits in time
        assertEquals(0, db.count("SELECT count(*) FROM (SELECT occurred_at < lag(occurred_at) OVER (ORDER BY seq) "
                + "AS back FROM audit_entry) t WHERE back"), "time never runs backwards along the chain");
        System.out.printf("TWO PROCESSES audit: %d writes through both processes (%d new entries); chain of %d "
                + "entries verifies on both%n", writes, entries - before, entries);
    }

    @Test
    @Order(4)
    void theExpiryJobOnBothProcessesExpiresEachApprovalOnce() throws Exception {
        BankSetup bank = BankSetup.create(via(0), "EXPIRE2P", "1000000000");
        // the business date moves up to six days on: a plan for next year too, in case that crosses New Year
        via(0).postOk(201, "/api/v1/quota-plans", Map.of("bankId", bank.bankId(), "year",
                Year.now(TimeFactory.BUSINESS_ZONE).getValue() + 1, "amount", "1000000000"), bank.bureau());
        String reserved = "SELECT sum(reserved) AS reserved FROM quota_plan WHERE bank_id = '" + bank.bankId() + "'";
        int batches = 6;
        int loans = 2 * batches;
        int handledBefore = handled(0) + handled(1);
        List<String> loanIds = new ArrayList<>();
        // both schedulers poll every second: each business day approves two loans and lets yesterday's two lapse
        // (validity one day), so the approvals run out in six batches while both compete for every round
        for (int batch = 0; batch < batches; batch++) {
            List<Reply> evaluations = evaluatedApplications(bank, 2, "250000.00");
            for (int i = 0; i < 2; i++) {
                Reply ok = via(i).postOk(201, "/api/v1/applications/" + evaluations.get(i).text("applicationId")
                        + "/approval", Map.of("approve", true, "note", "expiry"), bank.approver());
                loanIds.add(ok.text("loanId"));
            }
            assertTrue(new BigDecimal(db.query(reserved).get(0).get("reserved")).signum() > 0);
            nextBusinessDay(via(batch));
            Thread.sleep(700);
        }
        String in = "('" + String.join("','", loanIds) + "')";
        Await.holds(Duration.ofSeconds(90),
                () -> db.count("SELECT count(*) FROM loan WHERE status = 'EXPIRED' AND id IN " + in) >= loans);
        assertEquals(loans, db.count("SELECT count(*) FROM loan WHERE status = 'EXPIRED' AND id IN " + in));
        Thread.sleep(2_500); // a few more rounds on both: nothing is expired twice
        assertEquals(loans, db.count("SELECT count(*) FROM loan_application a JOIN loan l ON l.application_id = a.id "
                + "WHERE a.status = 'EXPIRED' AND l.id IN " + in));
        assertEquals(0, db.count("SELECT count(*) FROM loan l WHERE l.id IN " + in + " AND (SELECT count(*) FROM "
                + "quota_movement m WHERE m.loan_id = l.id AND m.kind = 'RELEASE' AND m.amount = l.principal) <> 1"),
                "each expired approval released its quota exactly once");
        assertEquals(loans, db.count("SELECT count(*) FROM quota_movement WHERE kind = 'RELEASE' AND loan_id IN " + in));
        assertEquals(loans, db.count("SELECT count(*) FROM audit_entry WHERE action = 'loan.expired' AND entity_id IN "
                + in));
        assertEquals(0, new BigDecimal(db.query(reserved).get(0).get("reserved")).signum(),
                "all of the plans' reservations came back");
        Reply rec = via(1).getOk("/api/v1/quota-plans/reconciliation", bank.bureau());
        assertTrue(rec.json().get("ok").asBoolean(), rec::toString);
        // the first move lapses the earlier tests' approvals too: the logs count those as well, each once
        long allExpired = db.count("SELECT count(*) FROM loan WHERE status = 'EXPIRED'");
        assertEquals(allExpired, db.count("SELECT count(*) FROM audit_entry WHERE action = 'loan.expired'"));
        assertEquals(allExpired, db.count("SELECT count(DISTINCT entity_id) FROM audit_entry WHERE action = "
                + "'loan.expired'"));
        // a process logs a round after it commits, and the line crosses its stdout pipe: wait for it, then no more
        Await.until(Duration.ofSeconds(30), () -> handled(0) + handled(1) - handledBefore, n -> n >= allExpired);
        int byA = handled(0);
        int byB = handled(1);
        assertEquals(allExpired, byA + byB - handledBefore, "the two processes' logs count each expiry once");
        long rounds = db.count("SELECT runs FROM job_run WHERE job = 'approval-expiry'");
        System.out.printf("TWO PROCESSES expiry: %d approvals expired once each; process A expired %d, process B "
                + "%d; %d job rounds ran in all (one at a time, on whichever process won the lock)%n",
                loans, byA, byB, rounds);
    }

    /** Moves the business date one day on through {@code client}, and waits until both processes have followed. */
    private void nextBusinessDay(ApiClient client) throws Exception {
        LocalDate next = LocalDate.parse(client.getOk("/api/v1/business-date", null).text("businessDate"))
                .plusDays(1);
        client.expect(200, client.put("/api/v1/admin/business-date", Map.of("date", next.toString()),
                ServiceProcess.ADMIN_KEY));
        assertTrue(Await.holds(Duration.ofSeconds(30), () -> clients.stream().allMatch(c -> next.toString()
                .equals(c.getOk("/api/v1/business-date", null).text("businessDate")))), "both follow the move");
    }

    /** Items the approval-expiry job reported handling in process {@code i}'s log. */
    private int handled(int i) {
        int n = 0;
        for (String line : processes.get(i).logLines("job approval-expiry handled")) {
            Matcher m = HANDLED.matcher(line);
            if (m.find()) {
                n += Integer.parseInt(m.group(1));
            }
        }
        return n;
    }
}
