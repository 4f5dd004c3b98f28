package com.ipledge.service.audit;

import static com.ipledge.service.db.Tables.AUDIT_ENTRY;
import static com.ipledge.service.db.Tables.AUDIT_MERKLE_NODE;
import static com.ipledge.service.db.Tables.AUDIT_SIGNING_KEY;
import static com.ipledge.service.db.Tables.AUDIT_TREE_HEAD;

import com.ipledge.service.audit.merkle.CompactRange;
import com.ipledge.service.database.RenderedQueries;
import com.ipledge.service.db.tables.records.AuditEntryRecord;
import com.ipledge.service.db.tables.records.AuditMerkleNodeRecord;
import com.ipledge.service.db.tables.records.AuditTreeHeadRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.impl.DSL;

/**
 * The audit tables. Opens a pooled connection per call unless a transaction is under way, which it then joins.
 * Nothing here updates or deletes: the database refuses both on every audit table.
 */
@Singleton
@Connectable
class AuditRepository {
    private static final HexFormat HEX = HexFormat.of();

    /** A signed tree head as stored. */
    public record StoredHead(long treeSize, String rootHash, String issuedAt, String signature, String publicKey) {
    }

    /** The stored signing key (base64 PKCS#8 and base64 raw public key). */
    public record StoredKey(String privateKey, String publicKey) {
    }

    private final DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();

    public AuditRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Inserts an entry in the caller's transaction; the database's trigger gives it its seq and time (see
     * V20__audit_merkle.sql). No lock is held afterwards.
     */
    public AuditEntry insert(String actor, String action, String entityType, String entityId, UUID bankId,
                             String payload) {
        // every audited write: rendered once
        AuditEntryRecord r = rendered.rows(db, "insert", AUDIT_ENTRY, () -> db.insertInto(AUDIT_ENTRY)
                        .set(AUDIT_ENTRY.ACTOR, actor)
                        .set(AUDIT_ENTRY.ACTION, action)
                        .set(AUDIT_ENTRY.ENTITY_TYPE, entityType)
                        .set(AUDIT_ENTRY.ENTITY_ID, entityId)
                        .set(AUDIT_ENTRY.BANK_ID, bankId)
                        .set(AUDIT_ENTRY.PAYLOAD, payload)
                        .returning(), actor, action, entityType, entityId, bankId, payload)
                .fetchOne();
        return toEntry(r);
    }

    /** The sealer's filler for a sequence value whose transaction never committed (see AuditSealer). */
    public AuditEntry insertGap(long seq, OffsetDateTime occurredAt, String payload) {
        AuditEntryRecord r = db.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, seq)
                .set(AUDIT_ENTRY.OCCURRED_AT, occurredAt)
                .set(AUDIT_ENTRY.ACTOR, AuditSealer.ACTOR)
                .set(AUDIT_ENTRY.ACTION, AuditSealer.GAP_ACTION)
                .set(AUDIT_ENTRY.ENTITY_TYPE, "audit_entry")
                .set(AUDIT_ENTRY.ENTITY_ID, Long.toString(seq))
                .set(AUDIT_ENTRY.PAYLOAD, payload)
                .returning()
                .fetchOne();
        return toEntry(r);
    }

    /** Entries with seq greater than {@code afterSeq}, in order, at most {@code limit}. */
    public List<AuditEntry> page(long afterSeq, int limit) {
        return page(afterSeq, Long.MAX_VALUE, limit);
    }

    /** Entries with {@code afterSeq < seq <= upToSeq}, in order, at most {@code limit}. */
    public List<AuditEntry> page(long afterSeq, long upToSeq, int limit) {
        return db.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.gt(afterSeq)).and(AUDIT_ENTRY.SEQ.le(upToSeq))
                .orderBy(AUDIT_ENTRY.SEQ).limit(limit).fetch(AuditRepository::toEntry);
    }

    public Optional<AuditEntry> find(long seq) {
        return db.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.eq(seq)).fetchOptional(AuditRepository::toEntry);
    }

    public long countAfter(long seq) {
        return db.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.SEQ.gt(seq));
    }

    public List<AuditEntry> forEntity(String entityType, String entityId) {
        return db.selectFrom(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ENTITY_TYPE.eq(entityType).and(AUDIT_ENTRY.ENTITY_ID.eq(entityId)))
                .orderBy(AUDIT_ENTRY.SEQ).fetch(AuditRepository::toEntry);
    }

    /** The entries of several entities of one type, in seq order: one query (the entity index serves it). */
    List<AuditEntry> forEntities(String entityType, List<String> entityIds) {
        return db.selectFrom(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ENTITY_TYPE.eq(entityType).and(AUDIT_ENTRY.ENTITY_ID.in(entityIds)))
                .orderBy(AUDIT_ENTRY.SEQ).fetch(AuditRepository::toEntry);
    }

    // --- what the sealer reads about transactions in flight ---

    /** The highest sequence value handed out so far, committed or not (sequences are not transactional). */
    public long lastDrawnSeq() {
        return scalar("SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM audit_entry_seq",
                Long.class);
    }

    /**
     * This transaction's id ({@code pg_current_xact_id}, assigned now if it had none): every id assigned before
     * this call is below it. (A snapshot's xmax is not such a bound: it is one past the newest completed id, and
     * a younger transaction may hold an id above it while an older one is still open.)
     */
    public long currentTransactionId() {
        return Long.parseLong(scalar("SELECT pg_current_xact_id()::text", String.class));
    }

    /** {@code pg_snapshot_xmin} of a fresh snapshot: every transaction id below it has committed or aborted. */
    public long snapshotXmin() {
        return Long.parseLong(scalar("SELECT pg_snapshot_xmin(pg_current_snapshot())::text", String.class));
    }

    /** The sealer's reasoning needs a new snapshot per statement. */
    public String isolationLevel() {
        return scalar("SELECT current_setting('transaction_isolation')", String.class);
    }

    // --- the Merkle tree ---

    public void insertNodes(List<CompactRange.Node> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        var insert = db.insertInto(AUDIT_MERKLE_NODE, AUDIT_MERKLE_NODE.TREE_LEVEL, AUDIT_MERKLE_NODE.IDX,
                AUDIT_MERKLE_NODE.HASH);
        for (CompactRange.Node n : nodes) {
            insert = insert.values(n.level(), n.index(), HEX.formatHex(n.hash()));
        }
        insert.execute();
    }

    /** The stored hashes of the given perfect subtrees, in the order asked; a missing one is an error. */
    public List<byte[]> nodes(List<CompactRange.NodeId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Condition any = DSL.falseCondition();
        for (CompactRange.NodeId id : ids) {
            any = any.or(AUDIT_MERKLE_NODE.TREE_LEVEL.eq(id.level()).and(AUDIT_MERKLE_NODE.IDX.eq(id.index())));
        }
        Map<CompactRange.NodeId, byte[]> found = new HashMap<>();
        for (AuditMerkleNodeRecord r : db.selectFrom(AUDIT_MERKLE_NODE).where(any).fetch()) {
            found.put(new CompactRange.NodeId(r.getTreeLevel(), r.getIdx()), HEX.parseHex(r.getHash()));
        }
        List<byte[]> out = new ArrayList<>();
        for (CompactRange.NodeId id : ids) {
            byte[] h = found.get(id);
            if (h == null) {
                throw new IllegalStateException("Merkle node " + id + " is missing");
            }
            out.add(h);
        }
        return out;
    }

    public Optional<byte[]> node(int level, long index) {
        return db.select(AUDIT_MERKLE_NODE.HASH).from(AUDIT_MERKLE_NODE)
                .where(AUDIT_MERKLE_NODE.TREE_LEVEL.eq(level)).and(AUDIT_MERKLE_NODE.IDX.eq(index))
                .fetchOptional(Record1::value1).map(HEX::parseHex);
    }

    /** Stored leaf hashes of leaves {@code [from, from + limit)} by leaf index. */
    public Map<Long, byte[]> leafHashes(long from, int limit) {
        Map<Long, byte[]> out = new HashMap<>();
        db.selectFrom(AUDIT_MERKLE_NODE).where(AUDIT_MERKLE_NODE.TREE_LEVEL.eq(0))
                .and(AUDIT_MERKLE_NODE.IDX.ge(from)).and(AUDIT_MERKLE_NODE.IDX.lt(from + limit))
                .forEach(r -> out.put(r.getIdx(), HEX.parseHex(r.getHash())));
        return out;
    }

    // --- signed tree heads ---

    public void insertHead(StoredHead h) {
        db.insertInto(AUDIT_TREE_HEAD)
                .set(AUDIT_TREE_HEAD.TREE_SIZE, h.treeSize())
                .set(AUDIT_TREE_HEAD.ROOT_HASH, h.rootHash())
                .set(AUDIT_TREE_HEAD.ISSUED_AT, h.issuedAt())
                .set(AUDIT_TREE_HEAD.SIGNATURE, h.signature())
                .set(AUDIT_TREE_HEAD.PUBLIC_KEY, h.publicKey())
                .execute();
    }

    /** The largest sealed size (whatever key signed it); 0 before the first seal. */
    public long sealedSize() {
        Long size = db.select(DSL.max(AUDIT_TREE_HEAD.TREE_SIZE)).from(AUDIT_TREE_HEAD).fetchOne(Record1::value1);
        return size == null ? 0 : size;
    }

    /** The newest head signed by {@code publicKey}. */
    public Optional<StoredHead> latestHead(String publicKey) {
        return db.selectFrom(AUDIT_TREE_HEAD).where(AUDIT_TREE_HEAD.PUBLIC_KEY.eq(publicKey))
                .orderBy(AUDIT_TREE_HEAD.TREE_SIZE.desc()).limit(1).fetchOptional(AuditRepository::toHead);
    }

    public Optional<StoredHead> head(long treeSize, String publicKey) {
        return db.selectFrom(AUDIT_TREE_HEAD).where(AUDIT_TREE_HEAD.TREE_SIZE.eq(treeSize))
                .and(AUDIT_TREE_HEAD.PUBLIC_KEY.eq(publicKey)).fetchOptional(AuditRepository::toHead);
    }

    /** Every stored head with a size above {@code afterSize}, by size, at most {@code limit}. */
    public List<StoredHead> heads(long afterSize, int limit) {
        return db.selectFrom(AUDIT_TREE_HEAD).where(AUDIT_TREE_HEAD.TREE_SIZE.gt(afterSize))
                .orderBy(AUDIT_TREE_HEAD.TREE_SIZE, AUDIT_TREE_HEAD.PUBLIC_KEY).limit(limit)
                .fetch(AuditRepository::toHead);
    }

    // --- the signing key generated when none is configured ---

    public Optional<StoredKey> storedKey() {
        return db.selectFrom(AUDIT_SIGNING_KEY).where(AUDIT_SIGNING_KEY.ID.eq(1))
                .fetchOptional(r -> new StoredKey(r.getPrivateKey(), r.getPublicKey()));
    }

    /** Stores the key unless another instance stored one first (then the caller reads that one). */
    public void insertKeyIfAbsent(StoredKey key, OffsetDateTime now) {
        db.insertInto(AUDIT_SIGNING_KEY)
                .set(AUDIT_SIGNING_KEY.ID, 1)
                .set(AUDIT_SIGNING_KEY.PRIVATE_KEY, key.privateKey())
                .set(AUDIT_SIGNING_KEY.PUBLIC_KEY, key.publicKey())
                .set(AUDIT_SIGNING_KEY.CREATED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    private <T> T scalar(String sql, Class<T> type) {
        return db.resultQuery(sql).fetchSingle().get(0, type);
    }

    static AuditEntry toEntry(AuditEntryRecord r) {
        return new AuditEntry(r.getSeq(), r.getOccurredAt(), r.getActor(), r.getAction(), r.getEntityType(),
                r.getEntityId(), r.getBankId(), r.getPayload(), r.getPrevHash(), r.getHash());
    }

    private static StoredHead toHead(AuditTreeHeadRecord r) {
        return new StoredHead(r.getTreeSize(), r.getRootHash(), r.getIssuedAt(), r.getSignature(), r.getPublicKey());
    }
}
