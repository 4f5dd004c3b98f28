package com.ipledge.service.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every statistics pack handed out (JSON, CSV, XLSX) is in the audit chain: the entry names the format, the date and
 * the SHA-256 of the very bytes received, its seq comes back in a header, and once sealed the entry has an inclusion
 * proof in the signed Merkle tree.
 */
@MicronautTest(transactional = false)
class StatisticsProvenanceTest extends ApiTestBase {
    private Sql sql;
    private String bureau;
    private String officer;
    private UUID bank;

    @BeforeAll
    void keys() {
        sql = new Sql(databaseUrl());
        bureau = apiKey("BUREAU", null);
        bank = createBank("PROVBANK");
        officer = apiKey("BANK_OFFICER", bank);
    }

    private HttpResponse<byte[]> fetch(String path, String key) {
        return client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(key), byte[].class);
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    /** The pack's bytes hash to the header, and the audit entry of the header's seq records that hash. */
    private long checked(HttpResponse<byte[]> r, String format, String asOf, UUID bankId) throws Exception {
        assertEquals(200, r.code());
        byte[] body = r.body();
        assertNotNull(body);
        String hash = sha256(body);
        assertEquals(hash, r.header("X-Content-SHA256"));
        long seq = Long.parseLong(r.header("X-Audit-Seq"));
        assertTrue(Long.parseLong(r.header("X-Audit-Tree-Size")) >= 0);
        String payload = sql.text("SELECT payload FROM audit_entry WHERE seq = " + seq
                + " AND action = 'statistics-pack.issued' AND entity_id = '" + asOf + "'"
                + (bankId == null ? " AND bank_id IS NULL" : " AND bank_id = '" + bankId + "'"));
        assertNotNull(payload, "no audit entry " + seq);
        assertTrue(payload.contains("\"sha256\":\"" + hash + "\"") && payload.contains("\"format\":\"" + format + "\"")
                && payload.contains("\"asOf\":\"" + asOf + "\"") && payload.contains("\"bytes\":" + body.length),
                payload);
        return seq;
    }

    @Test
    void eachPackIsAuditedWithTheHashOfItsBytesAndProvableInTheMerkleLog() throws Exception {
        String asOf = today().toString();
        long json = checked(fetch("/api/v1/portfolio/statistics?asOf=" + asOf, bureau), "json", asOf, null);
        long csv = checked(fetch("/api/v1/portfolio/statistics.csv?asOf=" + asOf + "&table=byBank", bureau), "csv",
                asOf, null);
        long xlsx = checked(fetch("/api/v1/portfolio/statistics.xlsx?asOf=" + asOf, bureau), "xlsx", asOf, null);
        assertTrue(json < csv && csv < xlsx, json + " " + csv + " " + xlsx);
        assertTrue(sql.text("SELECT payload FROM audit_entry WHERE seq = " + csv).contains("\"table\":\"byBank\""));

        // the JSON is still the pack: a client reads it as before
        Answer pack = get("/api/v1/portfolio/statistics?asOf=" + asOf, bureau);
        assertEquals(asOf, pack.text("asOf"), pack::toString);

        // a bank's pack is its own, and its entry is the bank's: the bank gets the proof of it
        long own = checked(fetch("/api/v1/portfolio/statistics?asOf=" + asOf, officer), "json", asOf, bank);

        // sealed (verify seals what is committed), each entry has an inclusion proof in the signed tree
        assertEquals(Boolean.TRUE, get("/api/v1/audit/verify", bureau).get("ok"));
        for (long seq : List.of(json, csv, xlsx)) {
            Answer proof = get("/api/v1/audit/entries/" + seq + "/proof", bureau);
            assertEquals(200, proof.status(), proof::toString);
            assertTrue(((Number) proof.get("treeSize")).longValue() >= seq, proof::toString);
        }
        assertEquals(200, get("/api/v1/audit/entries/" + own + "/proof", officer).status());
        // a later pack names a signed tree that already holds the earlier ones
        HttpResponse<byte[]> later = fetch("/api/v1/portfolio/statistics?asOf=" + asOf, bureau);
        assertTrue(Long.parseLong(later.header("X-Audit-Tree-Size")) >= xlsx, later.getHeaders().asMap()::toString);
        Map<String, Object> head = get("/api/v1/audit/tree-head", bureau).body();
        assertTrue(((Number) head.get("treeSize")).longValue() >= xlsx, head::toString);
    }
}
