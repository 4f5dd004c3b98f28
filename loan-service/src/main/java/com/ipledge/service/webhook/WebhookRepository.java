package com.ipledge.service.webhook;

import static com.ipledge.service.db.Tables.WEBHOOK_ATTEMPT;
import static com.ipledge.service.db.Tables.WEBHOOK_DELIVERY;
import static com.ipledge.service.db.Tables.WEBHOOK_ENDPOINT;
import static com.ipledge.service.db.Tables.WEBHOOK_EVENT;

import com.ipledge.service.database.RenderedQueries;
import com.ipledge.service.db.tables.records.WebhookEndpointRecord;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The webhook tables, mapped to the feature's records here and nowhere else. Joins the caller's transaction. */
@Singleton
@Transactional
class WebhookRepository {
    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";

    /** A delivery claimed by this instance: what it needs to make the request and record its outcome. */
    record Claim(UUID deliveryId, UUID token, UUID endpointId, String url, String secret, UUID eventId,
                 String eventType, String body, int failures) {
    }

    private final DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();

    WebhookRepository(DSLContext db) {
        this.db = db;
    }

    // ------------------------------------------------------------------------------------------ endpoints

    void insertEndpoint(WebhookEndpoint e, UUID createdBy) {
        db.insertInto(WEBHOOK_ENDPOINT)
                .set(WEBHOOK_ENDPOINT.ID, e.id())
                .set(WEBHOOK_ENDPOINT.BANK_ID, e.bankId())
                .set(WEBHOOK_ENDPOINT.URL, e.url())
                .set(WEBHOOK_ENDPOINT.EVENTS, String.join(",", e.events()))
                .set(WEBHOOK_ENDPOINT.SECRET, e.secret())
                .set(WEBHOOK_ENDPOINT.STATUS, e.status().name())
                .set(WEBHOOK_ENDPOINT.CREATED_BY, createdBy)
                .set(WEBHOOK_ENDPOINT.CREATED_AT, e.createdAt())
                .execute();
    }

    List<WebhookEndpoint> endpoints(Optional<UUID> bankScope) {
        return db.selectFrom(WEBHOOK_ENDPOINT).where(inScope(bankScope))
                .orderBy(WEBHOOK_ENDPOINT.CREATED_AT, WEBHOOK_ENDPOINT.ID)
                .fetch(WebhookRepository::toEndpoint);
    }

    /** The bank's endpoints that still take events (a paused one collects them for later). */
    List<WebhookEndpoint> receiving(UUID bankId) {
        // read for every event published: rendered once
        return rendered.rows(db, "receiving", WEBHOOK_ENDPOINT, () -> db.selectFrom(WEBHOOK_ENDPOINT)
                        .where(WEBHOOK_ENDPOINT.BANK_ID.eq(bankId))
                        .and(WEBHOOK_ENDPOINT.STATUS.ne(EndpointStatus.DISABLED.name())),
                        bankId, EndpointStatus.DISABLED.name())
                .fetch(WebhookRepository::toEndpoint);
    }

    Optional<WebhookEndpoint> findEndpoint(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(WEBHOOK_ENDPOINT).where(WEBHOOK_ENDPOINT.ID.eq(id)).and(inScope(bankScope))
                .fetchOptional(WebhookRepository::toEndpoint);
    }

    Optional<WebhookEndpoint> lockEndpoint(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(WEBHOOK_ENDPOINT).where(WEBHOOK_ENDPOINT.ID.eq(id)).and(inScope(bankScope))
                .forUpdate().fetchOptional(WebhookRepository::toEndpoint);
    }

    void setStatus(UUID id, EndpointStatus status, String pausedReason, OffsetDateTime pausedAt,
                   OffsetDateTime disabledAt) {
        db.update(WEBHOOK_ENDPOINT)
                .set(WEBHOOK_ENDPOINT.STATUS, status.name())
                .set(WEBHOOK_ENDPOINT.PAUSED_REASON, pausedReason)
                .set(WEBHOOK_ENDPOINT.PAUSED_AT, pausedAt)
                .set(WEBHOOK_ENDPOINT.DISABLED_AT, disabledAt)
                .where(WEBHOOK_ENDPOINT.ID.eq(id))
                .execute();
    }

    /** Pauses the endpoint if it is still ACTIVE; true when this call paused it. */
    boolean pause(UUID id, String reason, OffsetDateTime now) {
        return db.update(WEBHOOK_ENDPOINT)
                .set(WEBHOOK_ENDPOINT.STATUS, EndpointStatus.PAUSED.name())
                .set(WEBHOOK_ENDPOINT.PAUSED_REASON, reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                .set(WEBHOOK_ENDPOINT.PAUSED_AT, now)
                .where(WEBHOOK_ENDPOINT.ID.eq(id))
                .and(WEBHOOK_ENDPOINT.STATUS.eq(EndpointStatus.ACTIVE.name()))
                .execute() == 1;
    }

    private static Condition inScope(Optional<UUID> bankScope) {
        return bankScope.map(WEBHOOK_ENDPOINT.BANK_ID::eq).orElse(DSL.trueCondition());
    }

    private static WebhookEndpoint toEndpoint(WebhookEndpointRecord r) {
        return new WebhookEndpoint(r.getId(), r.getBankId(), r.getUrl(), Arrays.asList(r.getEvents().split(",")),
                r.getSecret(), EndpointStatus.valueOf(r.getStatus()), r.getPausedReason(), r.getPausedAt(),
                r.getCreatedAt(), r.getDisabledAt());
    }

    // ------------------------------------------------------------------------------------------ the outbox

    /** Stores an event; its seq orders it after every event committed before this transaction drew one. */
    long insertEvent(UUID id, UUID bankId, String type, UUID orderKey, OffsetDateTime at, String body) {
        return db.insertInto(WEBHOOK_EVENT)
                .set(WEBHOOK_EVENT.ID, id)
                .set(WEBHOOK_EVENT.BANK_ID, bankId)
                .set(WEBHOOK_EVENT.TYPE, type)
                .set(WEBHOOK_EVENT.ORDER_KEY, orderKey)
                .set(WEBHOOK_EVENT.OCCURRED_AT, at)
                .set(WEBHOOK_EVENT.BODY, body)
                .returning(WEBHOOK_EVENT.SEQ)
                .fetchOne(WEBHOOK_EVENT.SEQ);
    }

    void insertDelivery(UUID endpointId, UUID eventId, long eventSeq, UUID orderKey, OffsetDateTime now) {
        db.insertInto(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.ID, UUID.randomUUID())
                .set(WEBHOOK_DELIVERY.ENDPOINT_ID, endpointId)
                .set(WEBHOOK_DELIVERY.EVENT_ID, eventId)
                .set(WEBHOOK_DELIVERY.EVENT_SEQ, eventSeq)
                .set(WEBHOOK_DELIVERY.ORDER_KEY, orderKey)
                .set(WEBHOOK_DELIVERY.STATUS, PENDING)
                .set(WEBHOOK_DELIVERY.ATTEMPTS, 0)
                .set(WEBHOOK_DELIVERY.FAILURES, 0)
                .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, now)
                .set(WEBHOOK_DELIVERY.CREATED_AT, now)
                .execute();
    }

    /**
     * Claims up to {@code limit} due deliveries of ACTIVE endpoints, each the oldest pending one of its loan at its
     * endpoint, and leases them until {@code leaseUntil} (a claim whose instance dies is due again then). SKIP
     * LOCKED: instances claiming at the same time take different rows.
     */
    List<Claim> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        String sql = """
                WITH due AS (
                    SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                    WHERE d.status = 'PENDING' AND d.next_attempt_at <= cast(? AS timestamp with time zone) AND e.status = 'ACTIVE'
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery p
                                      WHERE p.endpoint_id = d.endpoint_id AND p.order_key = d.order_key
                                        AND p.status = 'PENDING' AND p.event_seq < d.event_seq)
                    ORDER BY d.next_attempt_at, d.event_seq
                    LIMIT ?
                    FOR UPDATE OF d SKIP LOCKED)
                UPDATE webhook_delivery d
                SET attempts = d.attempts + 1, next_attempt_at = cast(? AS timestamp with time zone), claim_token = gen_random_uuid()
                FROM due, webhook_endpoint e, webhook_event v
                WHERE d.id = due.id AND e.id = d.endpoint_id AND v.id = d.event_id
                RETURNING d.id, d.claim_token, e.id, e.url, e.secret, v.id, v.type, v.body, d.failures, v.seq
                """;
        return db.fetch(sql, now, limit, leaseUntil).stream()
                .sorted((a, b) -> Long.compare(a.get(9, Long.class), b.get(9, Long.class)))
                .map(r -> new Claim(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, UUID.class),
                        r.get(3, String.class), r.get(4, String.class), r.get(5, UUID.class), r.get(6, String.class),
                        r.get(7, String.class), r.get(8, Integer.class)))
                .toList();
    }

    void insertAttempt(UUID deliveryId, OffsetDateTime at, Integer httpStatus, String answer, String error,
                       long durationMs) {
        db.insertInto(WEBHOOK_ATTEMPT)
                .set(WEBHOOK_ATTEMPT.ID, UUID.randomUUID())
                .set(WEBHOOK_ATTEMPT.DELIVERY_ID, deliveryId)
                .set(WEBHOOK_ATTEMPT.ATTEMPTED_AT, at)
                .set(WEBHOOK_ATTEMPT.HTTP_STATUS, httpStatus)
                .set(WEBHOOK_ATTEMPT.ANSWER, clip(answer))
                .set(WEBHOOK_ATTEMPT.ERROR, clip(error))
                .set(WEBHOOK_ATTEMPT.DURATION_MS, durationMs)
                .execute();
    }

    /** Marks a claimed delivery done; false when the claim had lapsed and someone else holds it now. */
    boolean markDelivered(Claim claim, OffsetDateTime now) {
        return db.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.STATUS, DELIVERED)
                .set(WEBHOOK_DELIVERY.FAILURES, 0)
                .set(WEBHOOK_DELIVERY.DELIVERED_AT, now)
                .set(WEBHOOK_DELIVERY.LAST_ATTEMPT_AT, now)
                .set(WEBHOOK_DELIVERY.CLAIM_TOKEN, (UUID) null)
                .where(WEBHOOK_DELIVERY.ID.eq(claim.deliveryId()))
                .and(WEBHOOK_DELIVERY.CLAIM_TOKEN.eq(claim.token()))
                .execute() == 1;
    }

    boolean markFailed(Claim claim, int failures, OffsetDateTime nextAttemptAt, OffsetDateTime now) {
        return db.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.FAILURES, failures)
                .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, nextAttemptAt)
                .set(WEBHOOK_DELIVERY.LAST_ATTEMPT_AT, now)
                .set(WEBHOOK_DELIVERY.CLAIM_TOKEN, (UUID) null)
                .where(WEBHOOK_DELIVERY.ID.eq(claim.deliveryId()))
                .and(WEBHOOK_DELIVERY.CLAIM_TOKEN.eq(claim.token()))
                .execute() == 1;
    }

    /** Due again now, failures forgotten: a re-send, or every pending one of an endpoint that resumes. */
    int makeDue(UUID endpointId, Optional<UUID> deliveryId, OffsetDateTime now) {
        return db.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.STATUS, PENDING)
                .set(WEBHOOK_DELIVERY.FAILURES, 0)
                .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, now)
                .set(WEBHOOK_DELIVERY.CLAIM_TOKEN, (UUID) null)
                .where(WEBHOOK_DELIVERY.ENDPOINT_ID.eq(endpointId))
                .and(deliveryId.map(WEBHOOK_DELIVERY.ID::eq).orElse(WEBHOOK_DELIVERY.STATUS.eq(PENDING)))
                .execute();
    }

    Optional<String> deliveryStatus(UUID endpointId, UUID deliveryId) {
        return db.select(WEBHOOK_DELIVERY.STATUS).from(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.ID.eq(deliveryId)).and(WEBHOOK_DELIVERY.ENDPOINT_ID.eq(endpointId))
                .forUpdate().fetchOptional(WEBHOOK_DELIVERY.STATUS);
    }

    List<DeliveryView> deliveries(UUID endpointId, Optional<UUID> deliveryId, int page, int size) {
        var rows = db.select(WEBHOOK_DELIVERY.ID, WEBHOOK_DELIVERY.EVENT_ID, WEBHOOK_EVENT.TYPE,
                        WEBHOOK_DELIVERY.STATUS, WEBHOOK_DELIVERY.FAILURES, WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT,
                        WEBHOOK_DELIVERY.DELIVERED_AT, WEBHOOK_DELIVERY.CREATED_AT)
                .from(WEBHOOK_DELIVERY).join(WEBHOOK_EVENT).on(WEBHOOK_EVENT.ID.eq(WEBHOOK_DELIVERY.EVENT_ID))
                .where(WEBHOOK_DELIVERY.ENDPOINT_ID.eq(endpointId))
                .and(deliveryId.map(WEBHOOK_DELIVERY.ID::eq).orElse(DSL.trueCondition()))
                .orderBy(WEBHOOK_DELIVERY.EVENT_SEQ.desc())
                .limit(size).offset((long) page * size)
                .fetch();
        Map<UUID, List<DeliveryView.Attempt>> attempts = new LinkedHashMap<>();
        rows.forEach(r -> attempts.put(r.value1(), new java.util.ArrayList<>()));
        if (!attempts.isEmpty()) {
            db.selectFrom(WEBHOOK_ATTEMPT).where(WEBHOOK_ATTEMPT.DELIVERY_ID.in(attempts.keySet()))
                    .orderBy(WEBHOOK_ATTEMPT.ATTEMPTED_AT, WEBHOOK_ATTEMPT.ID)
                    .forEach(a -> attempts.get(a.getDeliveryId()).add(new DeliveryView.Attempt(a.getAttemptedAt(),
                            a.getHttpStatus(), a.getAnswer(), a.getError(), a.getDurationMs())));
        }
        return rows.stream().map(r -> new DeliveryView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                PENDING.equals(r.value4()) ? r.value6() : null, r.value7(), r.value8(),
                List.copyOf(attempts.get(r.value1())))).toList();
    }

    long countDeliveries(UUID endpointId) {
        return db.fetchCount(WEBHOOK_DELIVERY, WEBHOOK_DELIVERY.ENDPOINT_ID.eq(endpointId));
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
