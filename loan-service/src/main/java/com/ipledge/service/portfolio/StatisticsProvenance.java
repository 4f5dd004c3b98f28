package com.ipledge.service.portfolio;

import com.ipledge.service.audit.AuditEntry;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.audit.AuditProofs;
import com.ipledge.service.security.Caller;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ties every statistics pack the service hands out to the audit chain: the pack's format, date, table and the
 * SHA-256 of the exact bytes sent are appended to the audit log, and the answer carries the entry's seq and the size
 * of the newest signed tree head. Once a later head covers the seq, {@code GET /api/v1/audit/entries/{seq}/proof}
 * proves the entry is in the log, and the entry's hash proves the file is the one the bureau produced.
 */
@Singleton
public class StatisticsProvenance {
    public static final String SEQ_HEADER = "X-Audit-Seq";
    public static final String TREE_SIZE_HEADER = "X-Audit-Tree-Size";
    public static final String SHA256_HEADER = "X-Content-SHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final AuditLog audit;
    private final AuditProofs proofs;

    public StatisticsProvenance(AuditLog audit, AuditProofs proofs) {
        this.audit = audit;
        this.proofs = proofs;
    }

    /** Audits the pack as sent and adds the headers that tie it to the log. */
    public <T> MutableHttpResponse<T> issued(MutableHttpResponse<T> response, Caller caller, String format,
                                              LocalDate asOf, String table, byte[] body) {
        String sha256 = sha256(body);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("format", format);
        payload.put("asOf", asOf);
        if (table != null) {
            payload.put("table", table);
        }
        payload.put("bytes", body.length);
        payload.put("sha256", sha256);
        AuditEntry entry = audit.append(caller, "statistics-pack.issued", "statistics_pack", asOf,
                caller.bankScope().orElse(null), payload);
        return response.header(SEQ_HEADER, Long.toString(entry.seq()))
                .header(TREE_SIZE_HEADER, Long.toString(proofs.latestTreeSize()))
                .header(SHA256_HEADER, sha256);
    }

    static String sha256(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
