package com.ipledge.service.process;

import java.time.Duration;
import com.ipledge.service.support.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.ipledge.service.process.ApiClient.Reply;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code kill -9} of the service process in the middle of concurrent writes, then a restart on the same database:
 * every write that was acknowledged (a 2xx reached the client) is there with the acknowledged content, nothing is
 * half-written, quota counters equal their ledger, the audit chain verifies, and a write whose answer was lost in
 * the crash, retried with its Idempotency-Key, exists exactly once. PostgreSQL itself keeps running (it is the test
 * JVM's embedded server): what dies is the service with its open transactions and connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashSafetyTest {
    private static final int CLIENTS = 12;
    private static final String AMOUNT = "300000.00";
    /** Writes whose answers are lost after their commit (half approvals, half borrower registrations). */
    private static final int UNREAD = 6;

    private final String url = TestDatabase.freshDatabaseUrl();
    private final Rows db = new Rows(url);
    private final List<ServiceProcess> processes = Collections.synchronizedList(new ArrayList<>());

    @AfterAll
    void killChildren() {
        processes.forEach(ServiceProcess::close);
    }

    /** One write as a client sends it: enough to send it again. */
    record Write(String kind, String path, Map<String, Object> body, String apiKey, String idempotencyKey,
                 String marker) {
        Reply send(ApiClient client) throws IOException {
            return client.post(path, body, apiKey, idempotencyKey);
        }
    }

    record Ack(Write write, Reply reply) {
    }

    /** A client that files, evaluates and approves in a loop until its connection dies. */
    static final class Client implements Runnable {
        private final ApiClient api;
        private final BankSetup bank;
        private final AtomicInteger approvals;
        final List<Ack> acks = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        volatile Write inFlight;
        volatile boolean stop;

        Client(ApiClient api, BankSetup bank, AtomicInteger approvals) {
            this.api = api;
            this.bank = bank;
            this.approvals = approvals;
        }

        @Override
        public void run() {
            int round = 0;
            while (!stop) {
                round++;
                Map<String, Object> borrower = BankSetup.strongBorrower();
                String creditCode = (String) borrower.get("creditCode");
                Reply b = send(keyed("borrower", "/api/v1/borrowers", borrower, bank.officer(), creditCode));
                if (b == null) {
                    return;
                }
                List<UUID> assets = new ArrayList<>();
                Map<String, Object> patent = BankSetup.youngInvention(creditCode);
                // the service stores a patent's application number without the "ZL" of a granted patent
                Reply p = send(keyed("asset", "/api/v1/ip-assets", patent, bank.officer(),
                        ((String) patent.get("number")).replaceFirst("^ZL", "")));
                if (p == null) {
                    return;
                }
                assets.add(p.id("id"));
                if (round % 2 == 0) {
                    Map<String, Object> mark = Fixtures.trademark(creditCode);
                    Reply t = send(keyed("asset", "/api/v1/ip-assets", mark, bank.officer(),
                            (String) mark.get("number")));
                    if (t == null) {
                        return;
                    }
                    assets.add(t.id("id"));
                }
                String purpose = "crash-test " + UUID.randomUUID();
                Reply a = send(keyed("application", "/api/v1/applications",
                        BankSetup.application(b.id("id"), assets, AMOUNT, purpose), bank.officer(), purpose));
                if (a == null) {
                    return;
                }
                String app = a.text("id");
                Reply e = send(new Write("evaluation", "/api/v1/applications/" + app + "/evaluation", Map.of(),
                        bank.officer(), null, app));
                if (e == null) {
                    return;
                }
                if ("APPROVE".equals(e.text("decision"))) {
                    Reply ok = send(keyed("approval", "/api/v1/applications/" + app + "/approval",
                            Map.of("approve", true, "note", "crash test"), bank.approver(), app));
                    if (ok == null) {
                        return;
                    }
                    approvals.incrementAndGet();
                }
            }
        }

        static Write keyed(String kind, String path, Map<String, Object> body, String key, String marker) {
            return new Write(kind, path, body, key, UUID.randomUUID().toString(), marker);
        }

        /** The reply if acknowledged; null when the transport failed (the write stays in flight). */
        private Reply send(Write w) {
            inFlight = w;
            Reply r;
            try {
                r = w.send(api);
            } catch (IOException | RuntimeException ex) {
                return null;
            }
            if (!r.ok()) {
                failures.add(w.kind() + " " + w.path() + " -> " + r);
                inFlight = null;
                return null;
            }
            acks.add(new Ack(w, r));
            inFlight = null;
            return r;
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        ServiceProcess first = start();
        ApiClient api = first.client();
        BankSetup bank = BankSetup.create(api, "CRASH", "10000000000");

        // applications ready for approval whose approvals will be sent without reading the answer (below)
        List<String> orphans = new ArrayList<>();
        for (int i = 0; i < UNREAD / 2; i++) {
            orphans.add(evaluatedApplication(api, bank));
        }

        AtomicInteger approvals = new AtomicInteger();
        List<Client> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Client c = new Client(api, bank, approvals);
            clients.add(c);
            Thread t = new Thread(c, "crash-client-" + i);
            threads.add(t);
        }
        long loadStart = System.nanoTime();
        threads.forEach(Thread::start);
        // let the load run: at least 2 s and 10 approvals, then kill -9 at a random moment within 0.5 s
        long deadline = loadStart + 60_000_000_000L;
        while ((System.nanoTime() - loadStart < 2_000_000_000L || approvals.get() < 10)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(approvals.get() >= 10, "the load got going: " + approvals.get() + " approvals in 60 s");
        // answers lost after the commit: writes sent on bare sockets whose answers are never read; once the
        // service has committed them (their idempotency records hold the answer) it dies before anyone reads it
        List<Write> unread = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < UNREAD; i++) {
            Write w = i % 2 == 0
                    ? Client.keyed("approval", "/api/v1/applications/" + orphans.get(i / 2) + "/approval",
                            Map.of("approve", true, "note", "answer never read"), bank.approver(), orphans.get(i / 2))
                    : borrowerWrite(bank);
            unread.add(w);
            sockets.add(sendUnread(first, w));
        }
        String unreadKeys = "('" + String.join("','", unread.stream().map(Write::idempotencyKey).toList()) + "')";
        Await.holds(Duration.ofSeconds(30), () -> db.count("SELECT count(*) FROM idempotency_record WHERE "
                + "response_status IS NOT NULL AND idempotency_key IN " + unreadKeys) >= UNREAD);
        assertEquals(UNREAD, db.count("SELECT count(*) FROM idempotency_record WHERE response_status IS NOT NULL "
                + "AND idempotency_key IN " + unreadKeys), "the unread writes were committed before the kill");
        Thread.sleep(ThreadLocalRandom.current().nextInt(500));
        long inFlightAtKill = clients.stream().filter(c -> c.inFlight != null).count();
        int exit = first.kill();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        for (Socket socket : sockets) {
            socket.close();
        }
        assertEquals(ServiceProcess.SIGKILL_EXIT, exit, "the JVM died of SIGKILL (128 + 9), no shutdown hooks");
        for (Thread t : threads) {
            t.join(60_000);
            assertTrue(!t.isAlive(), t.getName() + " stopped after the kill");
        }
        List<String> failures = clients.stream().flatMap(c -> c.failures.stream()).toList();
        assertTrue(failures.isEmpty(), "no write was refused before the kill: " + failures);
        List<Ack> acks = clients.stream().flatMap(c -> c.acks.stream()).toList();
        List<Write> lost = clients.stream().map(c -> c.inFlight).filter(w -> w != null).toList();
        assertEquals(CLIENTS, lost.size(), "every client had a write cut off by the kill");

        ServiceProcess second = first.restart();
        processes.add(second);
        ApiClient after = second.client();

        Map<String, Long> ackedByKind = new java.util.TreeMap<>();
        acks.forEach(a -> ackedByKind.merge(a.write().kind(), 1L, Long::sum));
        checkAcknowledged(acks, after, bank);
        checkNothingHalfWritten(after, bank);
        long replayed = retryLostWrites(lost, after, bank);
        assertEquals(UNREAD, retryLostWrites(unread, after, bank), "every write committed before the kill is "
                + "answered from its stored answer, not done again");
        checkNothingHalfWritten(after, bank);

        // the restarted service takes new work, through the whole chain
        Client fresh = new Client(after, bank, new AtomicInteger());
        int before = approvalsCount();
        Thread t = new Thread(fresh, "after-restart-client");
        t.start();
        long freshDeadline = System.nanoTime() + 60_000_000_000L;
        while (approvalsCount() < before + 2 && t.isAlive() && System.nanoTime() < freshDeadline) {
            Thread.sleep(50);
        }
        fresh.stop = true;
        t.join(60_000);
        assertTrue(fresh.failures.isEmpty() && fresh.inFlight == null, fresh.failures::toString);
        checkNothingHalfWritten(after, bank);
        int graceful = second.stop();
        assertTrue(fresh.acks.stream().anyMatch(a -> a.write().kind().equals("approval")), "new approvals");
        assertTrue(graceful == ServiceProcess.SIGTERM_EXIT || graceful == 0, "SIGTERM exit status " + graceful);

        System.out.printf("CRASH SAFETY: %d clients, load %.1f s before kill -9 (exit %d); acknowledged %d writes %s; "
                        + "%d in flight at the kill (%d cut off in all); after restart (startup %d ms) %d of the cut-off "
                        + "writes had been committed (replayed), %d were created by the retry; %d committed writes whose "
                        + "answers were never read were replayed; audit entries %d; SIGTERM of the restarted "
                        + "service: exit %d%n",
                CLIENTS, loadSeconds, exit, acks.size(), ackedByKind, inFlightAtKill, lost.size(),
                second.startup().toMillis(), replayed, lost.size() - replayed, UNREAD,
                db.count("SELECT count(*) FROM audit_entry"), graceful);
    }

    private static Write borrowerWrite(BankSetup bank) {
        Map<String, Object> borrower = BankSetup.strongBorrower();
        return Client.keyed("borrower", "/api/v1/borrowers", borrower, bank.officer(),
                (String) borrower.get("creditCode"));
    }

    /** A filed and evaluated application that the rule base approves; its id. */
    private static String evaluatedApplication(ApiClient api, BankSetup bank) {
        Map<String, Object> borrower = BankSetup.strongBorrower();
        UUID b = api.postOk(201, "/api/v1/borrowers", borrower, bank.officer()).id("id");
        UUID a = api.postOk(201, "/api/v1/ip-assets", BankSetup.youngInvention((String) borrower.get("creditCode")),
                bank.officer()).id("id");
        String app = api.postOk(201, "/api/v1/applications", BankSetup.application(b, List.of(a), AMOUNT,
                "orphan " + UUID.randomUUID()), bank.officer()).text("id");
        Reply e = api.postOk(200, "/api/v1/applications/" + app + "/evaluation", Map.of(), bank.officer());
        assertEquals("APPROVE", e.text("decision"), e::toString);
        return app;
    }

    /** Writes one request on a bare socket and leaves the answer unread. */
    private static Socket sendUnread(ServiceProcess service, Write w) throws IOException {
        byte[] body = ApiClient.write(w.body()).getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket("localhost", service.port());
        String head = "POST " + w.path() + " HTTP/1.1\r\nHost: localhost:" + service.port()
                + "\r\nAuthorization: Bearer " + w.apiKey() + "\r\nIdempotency-Key: " + w.idempotencyKey()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    private int approvalsCount() {
        return (int) db.count("SELECT count(*) FROM loan");
    }

    private ServiceProcess start() {
        ServiceProcess p = ServiceProcess.start(ServiceProcess.Config.of("crash", url)
                .withEnv(Map.of("IPLEDGE_JOBS_ENABLED", "false")));
        processes.add(p);
        return p;
    }

    /** Every acknowledged write is stored with exactly the content the client was given. */
    private void checkAcknowledged(List<Ack> acks, ApiClient api, BankSetup bank) throws IOException {
        Map<String, Map<String, String>> idempotency = db.byFirstColumn(
                "SELECT idempotency_key::text AS k, response_status, response_body FROM idempotency_record");
        Map<String, Map<String, String>> decisions = db.byFirstColumn(
                "SELECT id::text AS id, application_id::text AS app, outcome, body FROM decision");
        Map<String, Map<String, String>> loans = db.byFirstColumn(
                "SELECT id::text AS id, application_id::text AS app, principal, status FROM loan");
        Map<String, Map<String, String>> reserves = db.byFirstColumn(
                "SELECT loan_id::text AS loan, count(*) AS n, sum(amount) AS amount FROM quota_movement "
                        + "WHERE kind = 'RESERVE' GROUP BY loan_id");
        Map<String, Map<String, String>> audited = db.byFirstColumn(
                "SELECT action || ' ' || entity_id AS k, count(*) AS n FROM audit_entry GROUP BY action, entity_id");
        Map<String, Map<String, String>> collateral = db.byFirstColumn(
                "SELECT application_id::text AS app, count(*) AS n FROM application_collateral GROUP BY application_id");
        for (Ack ack : acks) {
            Write w = ack.write();
            Reply r = ack.reply();
            String what = w.kind() + " " + r;
            if (w.idempotencyKey() != null) {
                Map<String, String> stored = idempotency.get(w.idempotencyKey());
                assertTrue(stored != null, "idempotency record of " + what);
                assertEquals(String.valueOf(r.status()), stored.get("response_status"), what);
                assertEquals(r.raw(), stored.get("response_body"), "the stored answer is the acknowledged one");
            }
            switch (w.kind()) {
                case "borrower" -> {
                    assertEquals(r.json(), api.getOk("/api/v1/borrowers/" + r.text("id"), bank.officer()).json(),
                            what);
                    assertAudited(audited, "borrower.registered", r.text("id"));
                }
                case "asset" -> {
                    assertEquals(r.json(), api.getOk("/api/v1/ip-assets/" + r.text("id"), bank.officer()).json(),
                            what);
                    assertAudited(audited, "ip-asset.registered", r.text("id"));
                }
                case "application" -> {
                    JsonNode now = api.getOk("/api/v1/applications/" + r.text("id"), bank.officer()).json();
                    for (String field : List.of("id", "bankId", "borrowerId", "requestedAmount", "termMonths",
                            "purpose", "collateral")) {
                        assertEquals(r.json().get(field), now.get(field), field + " of " + what);
                    }
                    // the same instant, whatever offset each answer writes it in
                    assertEquals(OffsetDateTime.parse(r.text("createdAt")).toInstant(),
                            OffsetDateTime.parse(now.get("createdAt").asText()).toInstant(), "createdAt of " + what);
                    assertEquals(String.valueOf(r.json().get("collateral").size()),
                            collateral.get(r.text("id")).get("n"), "collateral rows of " + what);
                    assertAudited(audited, "application.submitted", r.text("id"));
                }
                case "evaluation" -> {
                    Map<String, String> d = decisions.get(r.text("decisionId"));
                    assertTrue(d != null, "decision row of " + what);
                    assertEquals(w.marker(), d.get("app"));
                    assertEquals(r.text("decision"), d.get("outcome"));
                    assertEquals(r.raw(), d.get("body"), "the stored decision is the acknowledged one");
                    assertAudited(audited, "application.evaluated", w.marker());
                }
                case "approval" -> {
                    Map<String, String> loan = loans.get(r.text("loanId"));
                    assertTrue(loan != null, "loan of " + what);
                    assertEquals(w.marker(), loan.get("app"));
                    assertEquals(0, new BigDecimal(r.text("principal")).compareTo(new BigDecimal(loan.get("principal"))));
                    assertEquals("APPROVED", loan.get("status"));
                    Map<String, String> reserve = reserves.get(r.text("loanId"));
                    assertEquals("1", reserve.get("n"), "one reservation for " + what);
                    assertEquals(0, new BigDecimal(reserve.get("amount")).compareTo(new BigDecimal(loan.get("principal"))));
                    assertAudited(audited, "loan.approved", r.text("loanId"));
                }
                default -> throw new AssertionError(w.kind());
            }
        }
    }

    private static String table(String kind) {
        return switch (kind) {
            case "borrower" -> "borrower";
            case "asset" -> "ip_asset";
            case "application", "evaluation" -> "loan_application";
            default -> "loan";
        };
    }

    private static void assertAudited(Map<String, Map<String, String>> audited, String action, String id) {
        Map<String, String> row = audited.get(action + " " + id);
        assertTrue(row != null && "1".equals(row.get("n")), "one audit entry " + action + " for " + id);
    }

    /** Over ALL rows, acknowledged or not: every transaction is there whole or not at all. */
    private void checkNothingHalfWritten(ApiClient api, BankSetup bank) {
        assertEquals(0, db.count("SELECT count(*) FROM loan_application a WHERE NOT EXISTS "
                + "(SELECT 1 FROM application_collateral c WHERE c.application_id = a.id)"), "applications without collateral");
        assertEquals(0, db.count("SELECT count(*) FROM loan_application a WHERE a.status <> 'SUBMITTED' AND NOT EXISTS "
                + "(SELECT 1 FROM decision d WHERE d.application_id = a.id)"), "evaluated applications without a decision");
        assertEquals(0, db.count("SELECT count(*) FROM loan l WHERE (SELECT count(*) FROM quota_movement m WHERE "
                + "m.loan_id = l.id AND m.kind = 'RESERVE' AND m.amount = l.principal) <> 1"), "loans without their reservation");
        assertEquals(0, db.count("SELECT count(*) FROM quota_movement m WHERE NOT EXISTS "
                + "(SELECT 1 FROM loan l WHERE l.id = m.loan_id)"), "reservations without a loan");
        assertEquals(0, db.count("SELECT count(*) FROM loan_application a WHERE (a.status = 'APPROVED') <> EXISTS "
                + "(SELECT 1 FROM loan l WHERE l.application_id = a.id)"), "approved applications <-> loans");
        assertEquals(0, db.count("SELECT count(*) FROM idempotency_record WHERE response_status IS NULL"),
                "claimed idempotency keys without their answer");
        for (String[] pair : List.of(new String[] {"borrower", "borrower.registered"},
                new String[] {"ip_asset", "ip-asset.registered"},
                new String[] {"loan_application", "application.submitted"},
                new String[] {"decision", "application.evaluated"},
                new String[] {"loan", "loan.approved"})) {
            assertEquals(db.count("SELECT count(*) FROM " + pair[0]),
                    db.count("SELECT count(*) FROM audit_entry WHERE action = '" + pair[1] + "'"),
                    pair[0] + " rows = " + pair[1] + " audit entries");
        }
        assertEquals(0, new BigDecimal(db.query("SELECT reserved FROM quota_plan WHERE id = '" + bank.planId() + "'")
                .get(0).get("reserved")).compareTo(new BigDecimal(db.query("SELECT coalesce(sum(principal), 0) AS s "
                + "FROM loan WHERE status = 'APPROVED'").get(0).get("s"))), "reserved = the approved loans");
        Reply reconciliation = api.getOk("/api/v1/quota-plans/reconciliation", bank.bureau());
        assertTrue(reconciliation.json().get("ok").asBoolean(), reconciliation::toString);
        Reply verify = api.getOk("/api/v1/audit/verify", bank.bureau());
        assertTrue(verify.json().get("ok").asBoolean(), verify::toString);
        long entries = db.count("SELECT count(*) FROM audit_entry");
        assertEquals(entries, verify.json().get("entries").asLong());
        assertEquals(entries, db.count("SELECT max(seq) FROM audit_entry"), "no gap in the sequence");
    }

    /**
     * Sends every write that was cut off by the kill again, as a client does after a timeout: with its
     * Idempotency-Key it answers the stored result if it had been committed, or does it now; either way once.
     */
    private long retryLostWrites(List<Write> lost, ApiClient api, BankSetup bank) throws IOException {
        long replayed = 0;
        for (Write w : lost) {
            long decisionsBefore = db.count("SELECT count(*) FROM decision WHERE application_id::text = '"
                    + w.marker() + "'");
            Reply r = w.send(api);
            assertTrue(r.ok(), "retry of " + w.kind() + " " + w.path() + ": " + r);
            if (r.replayed()) {
                replayed++;
                assertEquals(db.query("SELECT response_body FROM idempotency_record WHERE idempotency_key::text = '"
                        + w.idempotencyKey() + "'").get(0).get("response_body"), r.raw(), "the stored answer");
            }
            String id = r.text("id");
            String diagnosis = "retry of " + w + " answered " + r + " replayed=" + r.replayed() + "; row by id: "
                    + (id == null ? "-" : db.query("SELECT * FROM " + table(w.kind()) + " WHERE id::text = '" + id
                    + "'")) + "; idempotency record: " + db.query("SELECT * FROM idempotency_record WHERE "
                    + "idempotency_key::text = '" + w.idempotencyKey() + "'");
            switch (w.kind()) {
                case "borrower" -> assertEquals(id, db.query("SELECT id::text AS id FROM borrower WHERE credit_code = '"
                        + w.marker() + "'").stream().map(m -> m.get("id")).reduce((x, y) -> x + "," + y).orElse(""),
                        diagnosis);
                case "asset" -> assertEquals(id, db.query("SELECT id::text AS id FROM ip_asset WHERE number = '"
                        + w.marker() + "'").stream().map(m -> m.get("id")).reduce((x, y) -> x + "," + y).orElse(""),
                        diagnosis);
                case "application" -> assertEquals(id, db.query("SELECT id::text AS id FROM loan_application WHERE "
                        + "purpose = '" + w.marker() + "'").stream().map(m -> m.get("id"))
                        .reduce((x, y) -> x + "," + y).orElse(""), diagnosis);
                case "approval" -> {
                    assertEquals(r.text("loanId"), db.query("SELECT id::text AS id FROM loan WHERE application_id::text = '"
                            + w.marker() + "'").stream().map(m -> m.get("id")).reduce((x, y) -> x + "," + y).orElse(""));
                    assertEquals(1, db.count("SELECT count(*) FROM approval WHERE application_id::text = '"
                            + w.marker() + "'"), "one vote");
                    assertEquals(1, db.count("SELECT count(*) FROM quota_movement WHERE loan_id::text = '"
                            + r.text("loanId") + "'"), "one reservation");
                }
                case "evaluation" -> {
                    // not keyed: evaluating again answers the stored decision, or stores a new one only when an
                    // input (the quota headroom) changed since; the answer is always the latest stored decision
                    assertEquals(r.raw(), db.query("SELECT body FROM decision WHERE application_id::text = '"
                            + w.marker() + "' ORDER BY created_at DESC LIMIT 1").get(0).get("body"));
                    assertTrue(db.count("SELECT count(*) FROM decision WHERE application_id::text = '" + w.marker()
                            + "'") <= decisionsBefore + 1);
                }
                default -> throw new AssertionError(w.kind());
            }
            // the same key again is a replay of the same answer
            if (w.idempotencyKey() != null) {
                Reply again = w.send(api);
                assertTrue(again.replayed(), "replayed: " + again);
                assertEquals(r.raw(), again.raw());
            }
        }
        return replayed;
    }
}
