package com.ipledge.service.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.TestDatabase;
import com.ipledge.service.support.WebhookReceiver;
import com.ipledge.service.support.WebhookReceiver.Received;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Webhook delivery by real service processes on one database: two instances deliver every event exactly once to
 * a well-behaved receiver, in order per loan; and an instance killed (SIGKILL) in the middle of a delivery loses
 * nothing: another instance sends that event again (same event id) once the dead one's claim lapses, and every
 * event arrives, in order per loan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookDeliveryProcessesTest {
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final String url = TestDatabase.freshDatabaseUrl();
    private final Rows db = new Rows(url);
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final WebhookReceiver receiver = new WebhookReceiver();
    private BankSetup bank;

    @BeforeAll
    void startTwo() throws Exception {
        // quick polling and back-off; a 2 s request timeout makes a dead instance's claim lapse after 9 s
        ServiceProcess.Config config = ServiceProcess.Config.of("webhooks", url).withEnv(Map.of(
                "IPLEDGE_WEBHOOKS_ALLOW_INSECURE_LOCALHOST", "true", "IPLEDGE_WEBHOOKS_POLL_INTERVAL", "200ms",
                "IPLEDGE_WEBHOOKS_BACKOFF_BASE", "500ms", "IPLEDGE_WEBHOOKS_BACKOFF_MAX", "2s",
                "IPLEDGE_WEBHOOKS_TIMEOUT", "2s"));
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
        ApiClient first = processes.get(0).client();
        bank = BankSetup.create(first, "WHPROC", "1000000000");
        ApiClient.Reply created = first.postOk(201, "/api/v1/webhooks", Map.of("url", receiver.url(), "events",
                List.of("application.evaluated", "application.approved", "pledge.registered", "loan.disbursed",
                        "repayment.recorded", "pledge.released")), bank.officer());
        receiver.secret(created.text("secret"));
    }

    @AfterAll
    void stopAll() {
        pool.shutdownNow();
        processes.forEach(ServiceProcess::close);
        receiver.close();
    }

    /** A loan's life over the given instances in turn: application to two repayments. */
    private void loanLife(List<ApiClient> via) {
        int[] k = {0};
        java.util.function.Supplier<ApiClient> next = () -> via.get(k[0]++ % via.size());
        Map<String, Object> borrower = BankSetup.strongBorrower();
        UUID b = next.get().postOk(201, "/api/v1/borrowers", borrower, bank.officer()).id("id");
        UUID a = next.get().postOk(201, "/api/v1/ip-assets",
                BankSetup.youngInvention((String) borrower.get("creditCode")), bank.officer()).id("id");
        String app = next.get().postOk(201, "/api/v1/applications", BankSetup.application(b, List.of(a),
                "200000", "webhooks " + UUID.randomUUID()), bank.officer()).text("id");
        next.get().postOk(200, "/api/v1/applications/" + app + "/evaluation", Map.of(), bank.officer());
        String loan = next.get().postOk(201, "/api/v1/applications/" + app + "/approval", Map.of("approve", true),
                bank.approver()).text("loanId");
        String today = LocalDate.now(com.ipledge.service.TimeFactory.BUSINESS_ZONE).toString();
        next.get().postOk(200, "/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "P-" + loan.substring(0, 8), "registeredOn", today), bank.officer());
        next.get().postOk(200, "/api/v1/loans/" + loan + "/disbursement", Map.of(), bank.officer());
        for (int i = 0; i < 2; i++) {
            next.get().postOk(201, "/api/v1/loans/" + loan + "/repayments",
                    Map.of("amount", "500.00", "paidOn", today), bank.officer());
        }
    }

    /** Every stored event: id to its order key (loan, or application), in publication (seq) order. */
    private Map<String, String> eventsInOrder() {
        Map<String, String> out = new LinkedHashMap<>();
        db.query("SELECT id, coalesce(order_key::text, id::text) AS k FROM webhook_event ORDER BY seq")
                .forEach(r -> out.put(r.get("id"), r.get("k")));
        return out;
    }

    /** Per order key, the events first accepted must be in publication order. */
    private void assertInOrderPerLoan(Map<String, String> events) {
        List<String> firstAccepted = new ArrayList<>(receiver.acceptedIds());
        Map<String, List<String>> published = new LinkedHashMap<>();
        Map<String, List<String>> arrived = new LinkedHashMap<>();
        events.forEach((id, key) -> published.computeIfAbsent(key, x -> new ArrayList<>()).add(id));
        for (String id : firstAccepted) {
            arrived.computeIfAbsent(events.get(id), x -> new ArrayList<>()).add(id);
        }
        assertEquals(published, arrived, "each loan's events arrive in the order they happened");
    }

    @Test
    @Order(1)
    void twoInstancesDeliverEachEventExactlyOnceInOrderPerLoan() throws Exception {
        List<ApiClient> both = List.of(processes.get(0).client(), processes.get(1).client());
        List<Future<?>> lives = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lives.add(pool.submit(() -> loanLife(both)));
        }
        for (Future<?> f : lives) {
            f.get(120, TimeUnit.SECONDS);
        }
        Map<String, String> events = eventsInOrder();
        assertEquals(4 * 6, events.size(), "evaluated, approved, registered, disbursed, two repayments a loan");

        assertTrue(WebhookReceiver.await(WAIT, () -> receiver.acceptedIds().size() >= events.size()),
                () -> "accepted " + receiver.acceptedIds().size() + " of " + events.size());
        List<Received> got = receiver.received();
        assertTrue(got.stream().allMatch(Received::signatureValid), "every signature checks out");
        assertEquals(events.size(), got.size(), "each event exactly once, though two instances deliver");
        assertEquals(events.keySet(), receiver.acceptedIds());
        assertInOrderPerLoan(events);
        System.out.printf("WebhookDeliveryProcessesTest: %d events from 4 loans on two instances, each delivered"
                + " once, in order per loan%n", events.size());
    }

    @Test
    @Order(2)
    void anInstanceKilledMidDeliveryLosesNothing() throws Exception {
        processes.get(1).stop();
        ServiceProcess survivor = processes.get(0);
        receiver.holdNext();
        loanLife(List.of(survivor.client()));
        loanLife(List.of(survivor.client()));
        assertTrue(receiver.awaitHeld(WAIT), "a delivery reached the receiver");

        assertEquals(ServiceProcess.SIGKILL_EXIT, survivor.kill(), "killed while its request was in flight");
        receiver.release();
        processes.set(1, processes.get(1).restart());

        Map<String, String> events = eventsInOrder();
        assertEquals(6 * 6, events.size());
        assertTrue(WebhookReceiver.await(WAIT, () -> receiver.acceptedIds().containsAll(events.keySet())),
                () -> "accepted " + receiver.acceptedIds().size() + " of " + events.size());
        List<Received> got = receiver.received();
        assertTrue(got.stream().allMatch(Received::signatureValid));
        Set<String> ids = new LinkedHashSet<>();
        got.forEach(r -> ids.add(r.eventId()));
        assertEquals(events.keySet(), ids, "nothing but the stored events, each under its own id");
        String held = got.stream().filter(r -> r.answered() == 503).findFirst().orElseThrow().eventId();
        assertEquals(2, got.stream().filter(r -> r.eventId().equals(held)).count(),
                "the event in flight at the kill came again, under the same id");
        assertInOrderPerLoan(events);
        // the receiver has its answer before the dispatcher records it: wait for the last rows to say DELIVERED
        assertTrue(WebhookReceiver.await(WAIT, () -> db.count(
                "SELECT count(*) FROM webhook_delivery WHERE status <> 'DELIVERED'") == 0),
                () -> db.count("SELECT count(*) FROM webhook_delivery WHERE status <> 'DELIVERED'")
                        + " deliveries not recorded as delivered");
        System.out.printf("WebhookDeliveryProcessesTest: killed mid-delivery; all %d events delivered, in order"
                + " per loan, the one in flight twice under one id%n", events.size());
    }
}
