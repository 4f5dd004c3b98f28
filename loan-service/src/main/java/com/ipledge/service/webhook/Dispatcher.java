package com.ipledge.service.webhook;

import com.ipledge.service.audit.AuditLog;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries. A round claims a handful (one short transaction: SKIP LOCKED plus a lease, so instances
 * share the work and a claim whose instance dies is simply due again when its lease ends), makes the requests with
 * no transaction open, and records each outcome in a transaction of its own. A 2xx answer delivers; anything else
 * (an error status, a refused connection, a timeout) is retried after an exponential back-off, and the endpoint is
 * paused, with the reason, once one delivery has failed {@code pause-after-failures} times in a row. At least once:
 * an instance killed after the request but before recording it sends the same event (same id) again.
 */
@Singleton
public class Dispatcher {
    static final String EVENT_ID = "X-Ipledge-Event-Id";
    static final String EVENT_TYPE = "X-Ipledge-Event-Type";
    static final String DELIVERY_ID = "X-Ipledge-Delivery-Id";
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int CLAIMS_PER_ROUND = 20;
    private static final int ANSWER_CHARS = 1000;

    private final WebhookRepository repository;
    private final WebhookSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService pool;
    private volatile boolean closing;

    Dispatcher(WebhookRepository repository, WebhookSettings settings, TransactionOperations<Connection> transactions,
               AuditLog audit, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // redirects are not followed: a 3xx could point anywhere, including inside the network
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Claims and sends due deliveries until none is due; the number of requests made. */
    public int drain() {
        int sent = 0;
        while (!closing) {
            int round = round();
            if (round == 0) {
                return sent;
            }
            sent += round;
        }
        return sent;
    }

    /** One round: claims up to a handful of due deliveries and sends them side by side. */
    int round() {
        OffsetDateTime now = now();
        List<WebhookRepository.Claim> claims = transactions.executeWrite(
                status -> repository.claimDue(now, now.plus(settings.lease()), CLAIMS_PER_ROUND));
        List<CompletableFuture<Void>> sending = new ArrayList<>();
        for (WebhookRepository.Claim claim : claims) {
            // a claim holds the head of its loan's queue at its endpoint, so these never overtake one another
            sending.add(CompletableFuture.runAsync(() -> deliver(claim), pool));
        }
        sending.forEach(CompletableFuture::join);
        return claims.size();
    }

    private void deliver(WebhookRepository.Claim claim) {
        Outcome outcome = send(claim);
        try {
            transactions.executeWrite(status -> {
                record(claim, outcome);
                return null;
            });
        } catch (RuntimeException e) {
            // the lease runs out and the delivery is tried again: at least once
            LOG.warn("webhook delivery {}: could not record the outcome", claim.deliveryId(), e);
        }
    }

    private record Outcome(OffsetDateTime at, Integer status, String answer, String error, long millis) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        String describe() {
            return status != null ? "HTTP " + status : error;
        }
    }

    private Outcome send(WebhookRepository.Claim claim) {
        OffsetDateTime at = now();
        long began = System.nanoTime();
        URI uri = URI.create(claim.url());
        Optional<String> refused = EndpointAddress.refusal(uri, settings.allowInsecureLocalhost());
        if (refused.isPresent()) {
            return new Outcome(at, null, null, refused.get(), 0);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "ipledge-webhooks/1")
                .header(EVENT_ID, claim.eventId().toString())
                .header(EVENT_TYPE, claim.eventType())
                .header(DELIVERY_ID, claim.deliveryId().toString())
                .header(WebhookSignature.HEADER,
                        WebhookSignature.header(claim.secret(), clock.instant().getEpochSecond(), claim.body()))
                .POST(HttpRequest.BodyPublishers.ofString(claim.body(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream body = response.body()) {
                answer = new String(body.readNBytes(ANSWER_CHARS), StandardCharsets.UTF_8);
            }
            return new Outcome(at, response.statusCode(), answer, null, millisSince(began));
        } catch (IOException e) {
            return new Outcome(at, null, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), millisSince(began));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(at, null, null, "interrupted (the instance is stopping)", millisSince(began));
        }
    }

    private void record(WebhookRepository.Claim claim, Outcome outcome) {
        repository.insertAttempt(claim.deliveryId(), outcome.at(), outcome.status(), outcome.answer(),
                outcome.error(), outcome.millis());
        OffsetDateTime now = now();
        if (outcome.delivered()) {
            repository.markDelivered(claim, now);
            return;
        }
        int failures = claim.failures() + 1;
        if (!repository.markFailed(claim, failures, now.plus(settings.backoff(failures)), now)) {
            return;
        }
        LOG.info("webhook delivery {} of event {} failed ({}), failure {} in a row", claim.deliveryId(),
                claim.eventId(), outcome.describe(), failures);
        if (failures >= settings.pauseAfterFailures()) {
            String reason = "event " + claim.eventId() + " (" + claim.eventType() + ") failed " + failures
                    + " times in a row; last: " + outcome.describe()
                    + ". Re-send a delivery to resume (every pending event is then sent again).";
            if (repository.pause(claim.endpointId(), reason, now)) {
                audit.append("SYSTEM:webhooks", "webhook.paused", "webhook_endpoint", claim.endpointId(),
                        repository.findEndpoint(claim.endpointId(), Optional.empty()).orElseThrow().bankId(),
                        Map.of("reason", reason));
                LOG.warn("webhook endpoint {} paused: {}", claim.endpointId(), reason);
            }
        }
    }

    @PreDestroy
    void close() {
        closing = true;
        pool.shutdownNow();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
