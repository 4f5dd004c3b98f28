package com.ipledge.service.security;

import static com.ipledge.service.db.Tables.API_KEY;

import com.ipledge.service.database.RenderedQueries;
import com.ipledge.service.db.tables.records.ApiKeyRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class ApiKeyRepository {
    private final DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();

    public ApiKeyRepository(DSLContext db) {
        this.db = db;
    }

    public ApiKey insert(String keyHash, String keyPrefix, Role role, UUID bankId, String label, OffsetDateTime now) {
        ApiKeyRecord r = db.insertInto(API_KEY)
                .set(API_KEY.ID, UUID.randomUUID())
                .set(API_KEY.KEY_HASH, keyHash)
                .set(API_KEY.KEY_PREFIX, keyPrefix)
                .set(API_KEY.ROLE, role.name())
                .set(API_KEY.BANK_ID, bankId)
                .set(API_KEY.LABEL, label)
                .set(API_KEY.CREATED_AT, now)
                .returning()
                .fetchOne();
        return toApiKey(r);
    }

    /** Inserts a key with this hash unless it exists (demo keys are deterministic, so a restart must not fail). */
    public void insertIfAbsent(String keyHash, String keyPrefix, Role role, UUID bankId, String label,
                               OffsetDateTime now) {
        db.insertInto(API_KEY)
                .set(API_KEY.ID, UUID.randomUUID())
                .set(API_KEY.KEY_HASH, keyHash)
                .set(API_KEY.KEY_PREFIX, keyPrefix)
                .set(API_KEY.ROLE, role.name())
                .set(API_KEY.BANK_ID, bankId)
                .set(API_KEY.LABEL, label)
                .set(API_KEY.CREATED_AT, now)
                .onConflict(API_KEY.KEY_HASH).doNothing()
                .execute();
    }

    public Optional<ApiKey> findActiveByHash(String keyHash) {
        // every authenticated request: rendered once
        return rendered.rows(db, "findActiveByHash", API_KEY, () -> db.selectFrom(API_KEY)
                        .where(API_KEY.KEY_HASH.eq(keyHash).and(API_KEY.REVOKED_AT.isNull())), keyHash)
                .fetchOptional()
                .map(ApiKeyRepository::toApiKey);
    }

    public boolean anyActiveWithRole(Role role) {
        return db.fetchExists(API_KEY, API_KEY.ROLE.eq(role.name()).and(API_KEY.REVOKED_AT.isNull()));
    }

    /** The key, its row locked until the transaction ends. */
    public Optional<ApiKeyStatus> lock(UUID id) {
        return db.selectFrom(API_KEY).where(API_KEY.ID.eq(id)).forUpdate().fetchOptional()
                .map(r -> new ApiKeyStatus(toApiKey(r), r.getRevokedAt()));
    }

    /** Active keys of a role, their rows locked: two admins revoking each other's keys at once are serialised. */
    public int lockActiveWithRole(Role role) {
        return db.selectFrom(API_KEY).where(API_KEY.ROLE.eq(role.name()).and(API_KEY.REVOKED_AT.isNull()))
                .forUpdate().fetch().size();
    }

    public void revoke(UUID id, OffsetDateTime now) {
        db.update(API_KEY).set(API_KEY.REVOKED_AT, now).where(API_KEY.ID.eq(id).and(API_KEY.REVOKED_AT.isNull()))
                .execute();
    }

    /** Whether this principal is an API key that has been revoked (a web user or an active key: false). */
    public boolean isRevoked(UUID principalId) {
        return db.fetchExists(API_KEY, API_KEY.ID.eq(principalId).and(API_KEY.REVOKED_AT.isNotNull()));
    }

    static ApiKey toApiKey(ApiKeyRecord r) {
        return new ApiKey(r.getId(), Role.valueOf(r.getRole()), r.getBankId(), r.getLabel(), r.getKeyPrefix());
    }
}
