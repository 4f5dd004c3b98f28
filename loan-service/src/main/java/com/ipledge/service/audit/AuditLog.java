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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The append-only, hash-chained record of every state change, decision and parameter change. An entry's hash
 * covers the previous entry's hash and a canonical serialisation of the entry, so editing or deleting any row
 * breaks every hash after it; {@link #verify()} names the first broken entry.
 */
@Singleton
public class AuditLog {
    public static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 2_000;

    /** What {@code GET /audit/verify} answers. */
    @Introspected
    public record Verification(boolean ok, long entries, Long firstBrokenEntry, String reason) {
    }

    private final AuditRepository entries;
    private final Clock clock;
    /** Sorted keys and no whitespace: the same payload always serialises to the same bytes. */
    private final ObjectMapper canonical = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    public AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Appends an entry in the caller's transaction (it joins it; call it last, the chain is locked until commit). */
    @Transactional
    public AuditEntry append(Caller actor, String action, String entityType, Object entityId, UUID bankId,
                             Object payload) {
        return append(actor.role() + ":" + actor.principalId(), action, entityType, entityId, bankId, payload);
    }

    @Transactional
    public AuditEntry append(String actor, String action, String entityType, Object entityId, UUID bankId,
                             Object payload) {
        AuditEntry head = entries.lockHead().orElse(null);
        long seq = head == null ? 1 : head.seq() + 1;
        String prevHash = head == null ? GENESIS : head.hash();
        // microseconds: what PostgreSQL keeps, so the hash recomputes from the stored row
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        String body = write(payload);
        AuditEntry entry = new AuditEntry(seq, at, actor, action, entityType, String.valueOf(entityId), bankId, body,
                prevHash, null);
        AuditEntry sealed = new AuditEntry(seq, at, actor, action, entityType, entry.entityId(), bankId, body,
                prevHash, hash(entry));
        entries.insert(sealed);
        return sealed;
    }

    /** Walks the whole chain in order and names the first entry whose link or hash does not hold. */
    public Verification verify() {
        long expectedSeq = 1;
        String prevHash = GENESIS;
        long after = 0;
        while (true) {
            List<AuditEntry> page = entries.page(after, PAGE);
            for (AuditEntry e : page) {
                if (e.seq() != expectedSeq) {
                    return new Verification(false, expectedSeq - 1, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!e.prevHash().equals(prevHash)) {
                    return new Verification(false, expectedSeq - 1, e.seq(), "previous-hash link does not match");
                }
                if (!hash(e).equals(e.hash())) {
                    return new Verification(false, expectedSeq - 1, e.seq(), "content does not match its hash");
                }
                prevHash = e.hash();
                expectedSeq++;
            }
            if (page.size() < PAGE) {
                return new Verification(true, expectedSeq - 1, null, null);
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    public List<AuditEntry> history(String entityType, Object entityId) {
        return entries.forEntity(entityType, String.valueOf(entityId));
    }

    static String hash(AuditEntry e) {
        String canonicalEntry = String.join("\n", e.prevHash(), Long.toString(e.seq()),
                e.occurredAt().toInstant().toString(), e.actor(), e.action(), e.entityType(), e.entityId(),
                String.valueOf(e.bankId()), e.payload());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalEntry.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String write(Object payload) {
        try {
            return canonical.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit payload not serialisable", e);
        }
    }
}
