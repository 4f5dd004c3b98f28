package com.ipledge.service.idempotency;

import static com.ipledge.service.db.Tables.IDEMPOTENCY_RECORD;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class IdempotencyRepository {
    /** What the first request with a key answered. */
    public record StoredResponse(String requestHash, Integer status, String body, String location) {
    }

    private final DSLContext db;

    public IdempotencyRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Claims the key. On a concurrent duplicate PostgreSQL makes this wait until the first transaction ends: then
     * the key is either committed (false: replay it) or rolled back (true: this request goes ahead).
     */
    public boolean claim(String scope, UUID key, String requestHash, OffsetDateTime now) {
        return db.insertInto(IDEMPOTENCY_RECORD)
                .set(IDEMPOTENCY_RECORD.SCOPE, scope)
                .set(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY, key)
                .set(IDEMPOTENCY_RECORD.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_RECORD.CREATED_AT, now)
                .onConflictDoNothing()
                .execute() == 1;
    }

    public Optional<StoredResponse> find(String scope, UUID key) {
        return db.select(IDEMPOTENCY_RECORD.REQUEST_HASH, IDEMPOTENCY_RECORD.RESPONSE_STATUS,
                        IDEMPOTENCY_RECORD.RESPONSE_BODY, IDEMPOTENCY_RECORD.RESPONSE_LOCATION)
                .from(IDEMPOTENCY_RECORD)
                .where(IDEMPOTENCY_RECORD.SCOPE.eq(scope).and(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key)))
                .fetchOptional(r -> new StoredResponse(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public void complete(String scope, UUID key, int status, String body, String location) {
        db.update(IDEMPOTENCY_RECORD)
                .set(IDEMPOTENCY_RECORD.RESPONSE_STATUS, status)
                .set(IDEMPOTENCY_RECORD.RESPONSE_BODY, body)
                .set(IDEMPOTENCY_RECORD.RESPONSE_LOCATION, location)
                .where(IDEMPOTENCY_RECORD.SCOPE.eq(scope).and(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key)))
                .execute();
    }

    /** Keys live at least as long as the contract promises; older ones may go. */
    public int purgeOlderThan(OffsetDateTime cutoff) {
        return db.deleteFrom(IDEMPOTENCY_RECORD).where(IDEMPOTENCY_RECORD.CREATED_AT.lt(cutoff)).execute();
    }
}
