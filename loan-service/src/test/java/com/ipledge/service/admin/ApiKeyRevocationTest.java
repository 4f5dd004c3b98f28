package com.ipledge.service.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.ipledge.service.batch.BatchWorker;
import com.ipledge.service.security.ApiKeys;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A leaked key, or one whose holder has left: an admin revokes it, the very next request with it is refused, the
 * revocation is audited, and rows it uploaded in a batch that were not done yet are not processed under it.
 */
@MicronautTest(transactional = false)
class ApiKeyRevocationTest extends ApiTestBase {
    @Inject
    BatchWorker worker;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndTheRevocationIsAudited() {
        UUID bank = createBank("REVOKE1");
        String officer = apiKey("BANK_OFFICER", bank);
        String keyId = keyId(officer);
        assertEquals(200, get("/api/v1/applications", officer).status());

        Answer revoked = send(HttpRequest.DELETE("/api/v1/admin/api-keys/" + keyId).bearerAuth(ADMIN_KEY));

        assertEquals(200, revoked.status(), revoked::toString);
        assertEquals("BANK_OFFICER", revoked.text("role"));
        assertNull(revoked.get("key"), "the secret is never shown again");
        assertEquals(401, get("/api/v1/applications", officer).status());
        Answer again = send(HttpRequest.DELETE("/api/v1/admin/api-keys/" + keyId).bearerAuth(ADMIN_KEY));
        assertEquals(200, again.status());
        // the same instant (the second answer is read back from the row, whose offset is the JVM's zone)
        assertEquals(java.time.OffsetDateTime.parse(revoked.text("revokedAt")).toInstant(),
                java.time.OffsetDateTime.parse(again.text("revokedAt")).toInstant(), "revoking twice changes nothing");
        assertEquals(1, sql().count("SELECT count(*) FROM audit_entry WHERE action = 'api-key.revoked'"
                + " AND entity_id = '" + keyId + "'"));
        assertEquals(Boolean.TRUE, get("/api/v1/audit/verify", ADMIN_KEY).get("ok"));
    }

    @Test
    void onlyAnAdminRevokesAndNeverTheLastAdminKey() {
        UUID bank = createBank("REVOKE2");
        String officer = apiKey("BANK_OFFICER", bank);
        assertEquals(403, send(HttpRequest.DELETE("/api/v1/admin/api-keys/" + keyId(officer))
                .bearerAuth(officer)).status());
        assertEquals(404, send(HttpRequest.DELETE("/api/v1/admin/api-keys/" + UUID.randomUUID())
                .bearerAuth(ADMIN_KEY)).status());

        String secondAdmin = apiKey("ADMIN", null);
        assertEquals(200, send(HttpRequest.DELETE("/api/v1/admin/api-keys/" + keyId(secondAdmin))
                .bearerAuth(ADMIN_KEY)).status());
        Answer last = send(HttpRequest.DELETE("/api/v1/admin/api-keys/" + keyId(ADMIN_KEY)).bearerAuth(ADMIN_KEY));
        assertEquals(409, last.status(), last::toString);
        assertEquals(200, get("/api/v1/audit/verify", ADMIN_KEY).status(), "the last admin key still works");
    }

    @Test
    void batchRowsUploadedWithARevokedKeyAreNotProcessed() {
        UUID bank = createBank("REVOKE3");
        String officer = apiKey("BANK_OFFICER", bank);
        String uploader = apiKey("BANK_OFFICER", bank);
        Map<String, Object> borrower = Fixtures.strongBorrower();
        String borrowerId = post("/api/v1/borrowers", borrower, officer).text("id");
        String assetId = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")),
                officer).text("id");
        String csv = "borrowerId,requestedAmount,termMonths,purpose,assetIds\n"
                + (borrowerId + ",200000,12,设备," + assetId + "\n").repeat(3);
        Answer upload = send(HttpRequest.POST("/api/v1/applications/batch", csv.getBytes(StandardCharsets.UTF_8))
                .contentType("text/csv").bearerAuth(uploader));
        assertEquals(202, upload.status(), upload::toString);

        send(HttpRequest.DELETE("/api/v1/admin/api-keys/" + keyId(uploader)).bearerAuth(ADMIN_KEY));
        worker.processUpTo(10);

        Answer job = get("/api/v1/batch-jobs/" + upload.text("id"), officer);
        assertEquals("DONE", job.text("status"), job::toString);
        assertEquals(3, ((Number) job.get("failed")).intValue());
        assertEquals(0, sql().count("SELECT count(*) FROM loan_application WHERE bank_id = '" + bank + "'"),
                "nothing was filed under the revoked key");
    }

    private String keyId(String key) {
        return sql().text("SELECT id FROM api_key WHERE key_hash = '" + ApiKeys.hash(key) + "'");
    }

    private Sql sql() {
        return new Sql(databaseUrl());
    }
}
