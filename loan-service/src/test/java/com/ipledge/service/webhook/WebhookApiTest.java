package com.ipledge.service.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.TestBank;
import com.ipledge.service.support.Sql;
import com.ipledge.service.support.WebhookReceiver;
import com.ipledge.service.support.WebhookReceiver.Received;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: a bank registers a real receiver on 127.0.0.1 that checks every signature, runs loans
 * through their life, and receives each event once, signed, in order per loan; a receiver that fails is retried
 * with back-off until it recovers; one that keeps failing pauses its endpoint with the reason, and a re-send
 * resumes it with nothing lost; a change that rolls back sends nothing; banks never see each other's webhooks.
 */
@MicronautTest(transactional = false)
class WebhookApiTest extends ApiTestBase {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> ALL = List.of("application.evaluated", "application.approved",
            "application.declined", "loan.disbursed", "repayment.recorded", "loan.classification_changed",
            "alert.raised", "alert.resolved", "claim.paid", "pledge.registered", "pledge.released",
            "batch.finished");

    @Inject
    DomainEvents events;

    @Inject
    TransactionOperations<Connection> transactions;

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        // the dispatcher on, quick: tests should not wait out production back-offs
        return Map.of("ipledge.webhooks.poll-interval", "100ms", "ipledge.webhooks.initial-delay", "0s",
                "ipledge.webhooks.backoff-base", "200ms", "ipledge.webhooks.backoff-max", "1s",
                "ipledge.webhooks.timeout", "3s", "ipledge.webhooks.pause-after-failures", "4",
                "ipledge.jobs.approval-expiry-initial-delay", "1h");
    }

    @AfterAll
    void closeReceivers() {
        receivers.forEach(WebhookReceiver::close);
    }

    private TestBank bank(String code) {
        return TestBank.open(this, code);
    }

    private WebhookReceiver receiver() {
        WebhookReceiver r = new WebhookReceiver();
        receivers.add(r);
        return r;
    }

    private Answer register(TestBank bank, WebhookReceiver receiver, List<String> types) {
        Answer a = post("/api/v1/webhooks", Map.of("url", receiver.url(), "events", types), bank.officer());
        assertEquals(201, a.status(), a::toString);
        receiver.secret(a.text("secret"));
        return a;
    }

    /** A loan from application to its first repayment; the loan id. */
    private String loanWithARepayment(TestBank bank) {
        String app = fileStrongApplication(bank.officer(), "300000");
        Answer decision = post("/api/v1/applications/" + app + "/evaluation", Map.of(), bank.officer());
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        String loan = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), bank.approver())
                .text("loanId");
        assertEquals(200, post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "WH-" + loan.substring(0, 8), "registeredOn", today().toString()),
                bank.officer()).status());
        assertEquals(200, post("/api/v1/loans/" + loan + "/disbursement", Map.of(), bank.officer()).status());
        Answer repaid = post("/api/v1/loans/" + loan + "/repayments",
                Map.of("amount", "1000.00", "paidOn", today().toString()), bank.officer());
        assertEquals(201, repaid.status(), repaid::toString);
        return loan;
    }

    private static final List<String> LIFE = List.of("application.evaluated", "application.approved",
            "pledge.registered", "loan.disbursed", "repayment.recorded");

    @Test
    void registrationShowsTheSecretOnceAndRefusesBadUrlsAndEventNames() {
        TestBank bank = bank("WHREG");
        WebhookReceiver receiver = receiver();
        Answer created = register(bank, receiver, List.of("loan.disbursed", "repayment.recorded"));
        assertTrue(created.text("secret").startsWith("whsec_"), created::toString);
        String id = created.text("id");

        Answer one = get("/api/v1/webhooks/" + id, bank.officer());
        assertEquals(200, one.status());
        assertEquals("ACTIVE", one.text("status"));
        assertFalse(one.raw().contains(created.text("secret")), "the secret is never shown again");
        Answer list = get("/api/v1/webhooks", bank.approver());
        assertTrue(list.raw().contains(id) && !list.raw().contains(created.text("secret")), list::toString);

        for (String bad : List.of("ftp://example.com/hook", "http://example.com/hook", "https://10.1.2.3/hook",
                "https://169.254.169.254/latest/meta-data", "https://192.168.0.1/", "https://[fd00::1]/",
                "https://2130706433/", "https://intranet/", "https://user:pw@example.com/", "not a url", "")) {
            Answer a = post("/api/v1/webhooks", Map.of("url", bad, "events", List.of("loan.disbursed")),
                    bank.officer());
            assertEquals(400, a.status(), () -> bad + " -> " + a);
            assertEquals(List.of("url"), a.errorFields(), () -> bad + " -> " + a);
        }
        Answer unknown = post("/api/v1/webhooks", Map.of("url", "https://bank.example.com/hook",
                "events", List.of("loan.disbursed", "loan.exploded")), bank.officer());
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals(List.of("events[1]"), unknown.errorFields());
        Answer none = post("/api/v1/webhooks", Map.of("url", "https://bank.example.com/hook",
                "events", List.of()), bank.officer());
        assertEquals(List.of("events"), none.errorFields(), none::toString);
        assertEquals(201, post("/api/v1/webhooks", Map.of("url", "https://bank.example.com/hook",
                "events", List.of("alert.raised")), bank.officer()).status(), "a public https URL is fine");

        // another bank sees, disables and re-sends nothing of this one
        TestBank other = bank("WHOTHER");
        assertEquals(404, get("/api/v1/webhooks/" + id, other.officer()).status());
        assertEquals(404, get("/api/v1/webhooks/" + id + "/deliveries", other.officer()).status());
        assertEquals(404, send(HttpRequest.DELETE("/api/v1/webhooks/" + id).bearerAuth(other.officer())).status());
        assertFalse(get("/api/v1/webhooks", other.officer()).raw().contains(id));

        Answer deleted = send(HttpRequest.DELETE("/api/v1/webhooks/" + id).bearerAuth(bank.officer()));
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals("DISABLED", deleted.text("status"));
    }

    @Test
    void aLoansEventsArriveSignedOnceEachAndInOrder() throws Exception {
        TestBank bank = bank("WHLIFE");
        WebhookReceiver receiver = receiver();
        register(bank, receiver, ALL);
        WebhookReceiver onlyDisbursals = receiver();
        register(bank, onlyDisbursals, List.of("loan.disbursed"));

        List<String> loans = List.of(loanWithARepayment(bank), loanWithARepayment(bank));

        assertTrue(WebhookReceiver.await(WAIT, () -> receiver.acceptedIds().size() >= 2 * LIFE.size()),
                () -> "received: " + receiver.received());
        assertTrue(WebhookReceiver.await(WAIT, () -> onlyDisbursals.acceptedIds().size() >= 2));
        List<Received> got = receiver.received();
        assertTrue(got.stream().allMatch(Received::signatureValid), "every signature checks out");
        assertEquals(2 * LIFE.size(), got.size(), () -> "each event once: " + got);
        for (String loan : loans) {
            List<Received> ofLoan = got.stream().filter(r -> loan.equals(r.data("loanId"))
                    || "application.evaluated".equals(r.type()) && belongsTo(r, got, loan)).toList();
            assertEquals(LIFE, ofLoan.stream().map(Received::type).toList(), "in the order they happened");
        }
        Received disbursed = got.stream().filter(r -> r.type().equals("loan.disbursed")).findFirst().orElseThrow();
        assertEquals(disbursed.eventId(), disbursed.headers().get("x-ipledge-event-id"));
        assertEquals("loan.disbursed", disbursed.headers().get("x-ipledge-event-type"));
        assertEquals("WHLIFE", disbursed.body().path("bankCode").asText());
        assertEquals(0, new java.math.BigDecimal(disbursed.data("principal")).compareTo(
                new java.math.BigDecimal("300000")), disbursed::toString);
        assertTrue(disbursed.body().path("occurredAt").asText().endsWith("+08:00"), disbursed::toString);
        assertEquals(List.of("loan.disbursed", "loan.disbursed"),
                onlyDisbursals.received().stream().map(Received::type).toList(), "filtered by events[]");
    }

    /** The evaluation's event names the application; the approval's names both. */
    private static boolean belongsTo(Received evaluated, List<Received> all, String loan) {
        return all.stream().anyMatch(r -> r.type().equals("application.approved") && loan.equals(r.data("loanId"))
                && r.data("applicationId").equals(evaluated.data("applicationId")));
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOffUntilItRecovers() throws Exception {
        TestBank bank = bank("WHRETRY");
        WebhookReceiver receiver = receiver();
        AtomicInteger calls = new AtomicInteger();
        receiver.answerWith(() -> calls.incrementAndGet() <= 2 ? 503 : 200);
        String id = register(bank, receiver, LIFE).text("id");

        loanWithARepayment(bank);

        assertTrue(WebhookReceiver.await(WAIT, () -> receiver.acceptedIds().size() >= LIFE.size()),
                () -> "received: " + receiver.received());
        List<Received> accepted = receiver.accepted();
        assertEquals(LIFE, accepted.stream().map(Received::type).toList(), "in order, after the failures");
        List<Received> failed = receiver.received().stream().filter(r -> r.answered() == 503).toList();
        assertEquals(2, failed.size());
        assertEquals(failed.get(0).eventId(), accepted.get(0).eventId(), "the failed event was sent again");
        assertEquals(failed.get(0).eventId(), failed.get(1).eventId());

        // the receiver has its answer before the dispatcher records it: wait until the log says DELIVERED
        String deliveries = "/api/v1/webhooks/" + id + "/deliveries";
        assertTrue(WebhookReceiver.await(WAIT, () -> ((List<?>) get(deliveries, bank.officer()).get("items"))
                .stream().allMatch(d -> "DELIVERED".equals(((Map<?, ?>) d).get("status")))),
                () -> get(deliveries, bank.officer()).toString());
        Answer log = get(deliveries, bank.officer());
        assertEquals(200, log.status(), log::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) log.get("items");
        assertEquals(LIFE.size(), items.size());
        assertTrue(items.stream().allMatch(d -> "DELIVERED".equals(d.get("status"))), log::toString);
        Map<String, Object> first = items.get(items.size() - 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) first.get("attempts");
        assertEquals(List.of(503, 503, 200), attempts.stream().map(a -> a.get("httpStatus")).toList());
        assertEquals("receiver says no", attempts.get(0).get("answer"));
        assertEquals("ACTIVE", get("/api/v1/webhooks/" + id, bank.officer()).text("status"));
    }

    @Test
    void anEndpointThatKeepsFailingIsPausedWithTheReasonAndAReSendResumesIt() throws Exception {
        TestBank bank = bank("WHPAUSE");
        WebhookReceiver receiver = receiver();
        receiver.answerWith(() -> 500);
        String id = register(bank, receiver, LIFE).text("id");

        loanWithARepayment(bank);

        assertTrue(WebhookReceiver.await(WAIT, () -> "PAUSED".equals(
                get("/api/v1/webhooks/" + id, bank.officer()).text("status"))));
        Answer paused = get("/api/v1/webhooks/" + id, bank.officer());
        assertTrue(paused.text("pausedReason").contains("failed 4 times in a row; last: HTTP 500"),
                paused::toString);
        int before = receiver.received().size();
        assertEquals(4, before, "nothing more is sent to a paused endpoint, and only the first event was tried");

        receiver.answerWith(() -> 200);
        Answer log = get("/api/v1/webhooks/" + id + "/deliveries", bank.officer());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) log.get("items");
        String oldest = (String) items.get(items.size() - 1).get("id");
        TestBank other = bank("WHPAUSE2");
        assertEquals(404, post("/api/v1/webhooks/" + id + "/deliveries/" + oldest + "/redelivery", Map.of(),
                other.officer()).status(), "another bank cannot re-send");
        Answer resend = post("/api/v1/webhooks/" + id + "/deliveries/" + oldest + "/redelivery", Map.of(),
                bank.officer());
        assertEquals(202, resend.status(), resend::toString);

        assertTrue(WebhookReceiver.await(WAIT, () -> receiver.acceptedIds().size() >= LIFE.size()),
                () -> "received: " + receiver.received());
        assertEquals(LIFE, receiver.accepted().stream().map(Received::type).toList(), "none lost, in order");
        Answer resumed = get("/api/v1/webhooks/" + id, bank.officer());
        assertEquals("ACTIVE", resumed.text("status"));
        assertNull(resumed.get("pausedReason"));
    }

    @Test
    void aChangeThatRollsBackSendsNothing() throws Exception {
        TestBank bank = bank("WHROLL");
        WebhookReceiver receiver = receiver();
        register(bank, receiver, List.of("batch.finished"));
        UUID bankId = UUID.fromString(new Sql(databaseUrl()).text("SELECT id FROM bank WHERE code = 'WHROLL'"));
        Sql sql = new Sql(databaseUrl());
        long eventsBefore = sql.count("SELECT count(*) FROM webhook_event");

        try {
            transactions.executeWrite(status -> {
                events.publish(new DomainEvent(EventType.BATCH_FINISHED, bankId, null,
                        DomainEvent.data("batchJobId", UUID.randomUUID(), "rolledBack", true)));
                throw new IllegalStateException("the change fails after publishing");
            });
        } catch (IllegalStateException expected) {
            // the change and its event go together
        }
        transactions.executeWrite(status -> {
            events.publish(new DomainEvent(EventType.BATCH_FINISHED, bankId, null,
                    DomainEvent.data("batchJobId", UUID.randomUUID(), "rolledBack", false)));
            return null;
        });

        assertTrue(WebhookReceiver.await(WAIT, () -> receiver.acceptedIds().size() >= 1));
        assertEquals(eventsBefore + 1, sql.count("SELECT count(*) FROM webhook_event"));
        assertEquals(List.of("false"), receiver.received().stream().map(r -> r.data("rolledBack")).toList());
    }

    @Test
    void declinesReleasesAndAlertsArePushedToo() throws Exception {
        TestBank bank = bank("WHMORE");
        WebhookReceiver receiver = receiver();
        register(bank, receiver, List.of("application.declined", "pledge.released", "alert.raised",
                "alert.resolved"));

        String declined = fileStrongApplication(bank.officer(), "300000");
        post("/api/v1/applications/" + declined + "/evaluation", Map.of(), bank.officer());
        Answer no = post("/api/v1/applications/" + declined + "/approval", Map.of("approve", false,
                "note", "outside our appetite"), bank.approver());
        assertEquals(200, no.status(), no::toString);

        String withdrawn = fileStrongApplication(bank.officer(), "300000");
        post("/api/v1/applications/" + withdrawn + "/evaluation", Map.of(), bank.officer());
        String loan = post("/api/v1/applications/" + withdrawn + "/approval", Map.of("approve", true),
                bank.approver()).text("loanId");
        post("/api/v1/loans/" + loan + "/pledge-registration", Map.of("registrationNo", "WD-1",
                "registeredOn", today().toString()), bank.officer());
        assertEquals(200, post("/api/v1/applications/" + withdrawn + "/withdrawal", Map.of("reason", "not needed"),
                bank.officer()).status());

        Map<String, Object> borrower = com.ipledge.service.support.Fixtures.strongBorrower();
        String borrowerId = post("/api/v1/borrowers", borrower, bank.officer()).text("id");
        Map<String, Object> patent = com.ipledge.service.support.Fixtures.youngInvention(
                (String) borrower.get("creditCode"));
        String assetId = post("/api/v1/ip-assets", patent, bank.officer()).text("id");
        Map<String, Object> app = com.ipledge.service.support.Fixtures.application(borrowerId, List.of(assetId));
        app.put("requestedAmount", "300000");
        String live = post("/api/v1/applications", app, bank.officer()).text("id");
        post("/api/v1/applications/" + live + "/evaluation", Map.of(), bank.officer());
        String liveLoan = post("/api/v1/applications/" + live + "/approval", Map.of("approve", true),
                bank.approver()).text("loanId");
        post("/api/v1/loans/" + liveLoan + "/pledge-registration", Map.of("registrationNo", "AL-1",
                "registeredOn", today().toString()), bank.officer());
        assertEquals(200, post("/api/v1/loans/" + liveLoan + "/disbursement", Map.of(), bank.officer()).status());
        Answer lapsed = post("/api/v1/monitoring/events", Map.of("assetNumber", patent.get("number"),
                "type", "LAPSED", "occurredOn", today().toString()), bank.officer());
        assertEquals(201, lapsed.status(), lapsed::toString);

        assertTrue(WebhookReceiver.await(WAIT, () -> receiver.received().stream()
                .anyMatch(r -> r.type().equals("alert.raised"))), () -> "received: " + receiver.received());
        Received raised = receiver.received().stream().filter(r -> r.type().equals("alert.raised")).findFirst()
                .orElseThrow();
        assertEquals(liveLoan, raised.data("loanId"));
        Answer resolved = post("/api/v1/alerts/" + raised.data("alertId") + "/resolution",
                Map.of("note", "a new patent pledged"), bank.officer());
        assertEquals(200, resolved.status(), resolved::toString);

        assertTrue(WebhookReceiver.await(WAIT, () -> receiver.received().stream()
                .anyMatch(r -> r.type().equals("alert.resolved"))), () -> "received: " + receiver.received());
        Received rules = receiver.received().stream().filter(r -> r.type().equals("application.declined"))
                .findFirst().orElseThrow();
        assertEquals(declined, rules.data("applicationId"));
        assertEquals("APPROVER", rules.data("declinedBy"));
        Received released = receiver.received().stream().filter(r -> r.type().equals("pledge.released"))
                .findFirst().orElseThrow();
        assertEquals(loan, released.data("loanId"));
        assertEquals("WITHDRAWN", released.data("reason"));
        assertEquals("WD-1", released.data("registrationNo"));
        assertTrue(receiver.received().stream().allMatch(Received::signatureValid));
    }
}
