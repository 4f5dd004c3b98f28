package com.ipledge.service.audit;

import static com.ipledge.service.db.Tables.AUDIT_ENTRY;

import com.ipledge.service.db.tables.records.AuditEntryRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
public class AuditRepository {
    /** Serialises appends across threads and instances; held until the appending transaction ends. */
    private static final long APPEND_LOCK = 7_201_100L;

    private final DSLContext db;

    public AuditRepository(DSLContext db) {
        this.db = db;
    }

    /** Takes the append lock and returns the current head of the chain, if any. */
    public Optional<AuditEntry> lockHead() {
        db.execute("SELECT pg_advisory_xact_lock(?)", APPEND_LOCK);
        return db.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOptional()
                .map(AuditRepository::toEntry);
    }

    public void insert(AuditEntry e) {
        db.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, e.seq())
                .set(AUDIT_ENTRY.OCCURRED_AT, e.occurredAt())
                .set(AUDIT_ENTRY.ACTOR, e.actor())
                .set(AUDIT_ENTRY.ACTION, e.action())
                .set(AUDIT_ENTRY.ENTITY_TYPE, e.entityType())
                .set(AUDIT_ENTRY.ENTITY_ID, e.entityId())
                .set(AUDIT_ENTRY.BANK_ID, e.bankId())
                .set(AUDIT_ENTRY.PAYLOAD, e.payload())
                .set(AUDIT_ENTRY.PREV_HASH, e.prevHash())
                .set(AUDIT_ENTRY.HASH, e.hash())
                .execute();
    }

    /** Entries with seq greater than {@code afterSeq}, in order, at most {@code limit}. */
    public List<AuditEntry> page(long afterSeq, int limit) {
        return db.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.gt(afterSeq)).orderBy(AUDIT_ENTRY.SEQ)
                .limit(limit).fetch(AuditRepository::toEntry);
    }

    public List<AuditEntry> forEntity(String entityType, String entityId) {
        return db.selectFrom(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ENTITY_TYPE.eq(entityType).and(AUDIT_ENTRY.ENTITY_ID.eq(entityId)))
                .orderBy(AUDIT_ENTRY.SEQ).fetch(AuditRepository::toEntry);
    }

    static AuditEntry toEntry(AuditEntryRecord r) {
        return new AuditEntry(r.getSeq(), r.getOccurredAt(), r.getActor(), r.getAction(), r.getEntityType(),
                r.getEntityId(), r.getBankId(), r.getPayload(), r.getPrevHash(), r.getHash());
    }
}
