package com.ipledge.service.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import com.ipledge.service.audit.merkle.CompactRange;
import com.ipledge.service.audit.merkle.MerkleTree;
import com.ipledge.service.audit.verify.SignedTreeHead;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The append-only record of every state change, decision and parameter change, kept as a verifiable log: an
 * entry is inserted in the caller's transaction with no lock (the database stamps its seq and time), and
 * {@link AuditSealer} seals committed entries shortly after as the leaves of an RFC 9162 Merkle tree with signed
 * tree heads. The database refuses UPDATE and DELETE on audit rows; {@link #verify()} recomputes every sealed
 * leaf from its row and every signed root from the leaves, so an entry changed, removed or reordered behind the
 * database's back is named.
 */
@Singleton
public class AuditLog {
    private static final int PAGE = 2_000;
    private static final HexFormat HEX = HexFormat.of();
    /** How long {@link #verify()} waits for entries committed just before it to be sealed. */
    private static final Duration SEAL_WAIT = Duration.ofSeconds(10);

    /** What {@code GET /audit/verify} answers; {@code unsealed} entries are committed but not in the tree yet. */
    @Introspected
    public record Verification(boolean ok, long entries, Long firstBrokenEntry, String reason, long unsealed,
                               String rootHash) {
    }

    private final AuditRepository entries;
    private final AuditSealer sealer;
    private final AuditSigningKeys keys;
    /** Sorted keys and no whitespace: the same payload always serialises to the same bytes. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    public AuditLog(AuditRepository entries, AuditSealer sealer, AuditSigningKeys keys) {
        this.entries = entries;
        this.sealer = sealer;
        this.keys = keys;
    }

    /** Appends an entry in the caller's transaction (it joins it). No lock is taken or held. */
    @Transactional
    public AuditEntry append(Caller actor, String action, String entityType, Object entityId, UUID bankId,
                             Object payload) {
        return append(actor.role() + ":" + actor.principalId(), action, entityType, entityId, bankId, payload);
    }

    @Transactional
    public AuditEntry append(String actor, String action, String entityType, Object entityId, UUID bankId,
                             Object payload) {
        return entries.insert(actor, action, entityType, String.valueOf(entityId), bankId, write(payload));
    }

    /**
     * The leaf of an entry in the Merkle tree: a canonical JSON object (sorted keys, no whitespace) of the entry's
     * fields, {@code payload} as the JSON text stored; entries from before the Merkle log also carry their old
     * chain hashes. The leaf hash is SHA-256(0x00 || these UTF-8 bytes).
     */
    public static byte[] leaf(AuditEntry e) {
        Map<String, Object> m = new TreeMap<>();
        m.put("seq", e.seq());
        m.put("occurredAt", e.occurredAt().toInstant().toString());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("entityType", e.entityType());
        m.put("entityId", e.entityId());
        m.put("bankId", e.bankId() == null ? null : e.bankId().toString());
        m.put("payload", e.payload());
        if (e.prevHash() != null) {
            m.put("prevHash", e.prevHash());
        }
        if (e.hash() != null) {
            m.put("hash", e.hash());
        }
        try {
            return CANONICAL.writeValueAsBytes(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Seals what was committed before the call (waiting a little for appends still in flight), then checks the
     * whole tree: every sealed entry is present, in order, and its leaf recomputed from the row equals the stored
     * leaf hash; the tree recomputed from those leaves has the root of every stored tree head at its size; and the
     * newest head carries a valid signature of the current key. Names the first entry where it does not hold.
     */
    public Verification verify() {
        sealer.sealNow(SEAL_WAIT);
        String publicKey = keys.publicKeyBase64();
        Optional<AuditRepository.StoredHead> latest = entries.latestHead(publicKey);
        long size = latest.map(AuditRepository.StoredHead::treeSize).orElse(0L);
        long unsealed = entries.countAfter(size);
        if (latest.isPresent()) {
            AuditRepository.StoredHead h = latest.get();
            SignedTreeHead signed = new SignedTreeHead(h.treeSize(), h.rootHash(), h.issuedAt(), h.signature());
            if (!signed.signedBy(keys.keyPair().getPublic())) {
                return new Verification(false, 0, Math.max(1, size), "the newest tree head's signature does not "
                        + "verify", unsealed, null);
            }
        }
        CompactRange range = new CompactRange();
        HeadCursor heads = new HeadCursor();
        long lastHeadSize = 0;
        List<AuditEntry> page = List.of();
        Map<Long, byte[]> leaves = Map.of();
        int at = 0;
        while (true) {
            // every stored head of the size reached now must have the root of the tree recomputed so far
            for (AuditRepository.StoredHead h = heads.peek(); h != null && h.treeSize() <= range.size();
                 h = heads.peek()) {
                heads.next();
                if (h.treeSize() == range.size() && !HEX.formatHex(range.root()).equals(h.rootHash())) {
                    return broken(lastHeadSize + 1, "the first " + h.treeSize() + " entries do not have the root "
                            + "of their signed tree head: an entry after " + lastHeadSize + " was changed together "
                            + "with its sealed hashes", unsealed);
                }
                lastHeadSize = h.treeSize();
            }
            long expectedSeq = range.size() + 1;
            if (expectedSeq > size) {
                break;
            }
            if (at == page.size()) {
                page = entries.page(expectedSeq - 1, size, PAGE);
                leaves = entries.leafHashes(expectedSeq - 1, PAGE);
                at = 0;
            }
            if (at == page.size() || page.get(at).seq() != expectedSeq) {
                return broken(expectedSeq, "entry " + expectedSeq + " is missing", unsealed);
            }
            AuditEntry e = page.get(at++);
            byte[] leafHash = MerkleTree.leafHash(leaf(e));
            byte[] sealed = leaves.get(e.seq() - 1);
            if (sealed == null) {
                return broken(e.seq(), "entry " + e.seq() + " has no sealed leaf hash", unsealed);
            }
            if (!Arrays.equals(sealed, leafHash)) {
                return broken(e.seq(), "content does not match its sealed leaf hash", unsealed);
            }
            range.append(leafHash);
        }
        return new Verification(true, size, null, null, unsealed, HEX.formatHex(range.root()));
    }

    /** Stored tree heads by size, a page at a time. */
    private final class HeadCursor {
        private long after = -1;
        private List<AuditRepository.StoredHead> buffer = List.of();
        private int i;
        private boolean done;

        AuditRepository.StoredHead peek() {
            if (i == buffer.size() && !done) {
                buffer = entries.heads(after, PAGE);
                i = 0;
                done = buffer.size() < PAGE;
                if (!buffer.isEmpty()) {
                    after = buffer.get(buffer.size() - 1).treeSize();
                }
            }
            return i < buffer.size() ? buffer.get(i) : null;
        }

        void next() {
            i++;
        }
    }

    public List<AuditEntry> history(String entityType, Object entityId) {
        return entries.forEntity(entityType, String.valueOf(entityId));
    }

    /** The history of each of {@code entityIds}, keyed by id as given (one query, for lists). */
    public Map<String, List<AuditEntry>> histories(String entityType, List<?> entityIds) {
        if (entityIds.isEmpty()) {
            return Map.of();
        }
        return entries.forEntities(entityType, entityIds.stream().map(String::valueOf).toList()).stream()
                .collect(java.util.stream.Collectors.groupingBy(AuditEntry::entityId, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()));
    }

    private static Verification broken(long seq, String reason, long unsealed) {
        return new Verification(false, seq - 1, seq, reason, unsealed, null);
    }

    private String write(Object payload) {
        try {
            return CANONICAL.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit payload not serialisable", e);
        }
    }
}
