package com.ipledge.service.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.ipledge.client.ApiClient;
import com.ipledge.client.api.BorrowersApi;
import com.ipledge.client.model.Borrower;
import com.ipledge.client.model.BorrowerChange;
import com.ipledge.client.model.PageBorrower;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is a contract a client can be generated from: the Java client openapi-generator makes from
 * it at build time (target/generated-test-sources/openapi) finds, changes and syncs a borrower.
 */
@MicronautTest(transactional = false)
class GeneratedClientTest extends ApiTestBase {
    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @Test
    void theGeneratedClientListsChangesAndSyncsBorrowers() throws Exception {
        String officer = apiKey("BANK_OFFICER", createBank("CLIENT"));
        Map<String, Object> registered = Fixtures.borrower();
        String id = post("/api/v1/borrowers", registered, officer).text("id");
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURL().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + officer));
        BorrowersApi borrowers = new BorrowersApi(client);

        PageBorrower found = borrowers.listBorrowers(0, 20, (String) registered.get("creditCode"), null, null, null);
        assertEquals(List.of(UUID.fromString(id)), found.getItems().stream().map(Borrower::getId).toList());

        Borrower changed = borrowers.changeBorrower(UUID.fromString(id),
                new BorrowerChange().asOf(today()).employees(400).contactEmail("cfo@example.cn"));
        assertEquals(2, changed.getVersion());
        assertEquals("cfo@example.cn", changed.getContactEmail());

        OffsetDateTime since = changed.getUpdatedAt().withOffsetSameInstant(ZoneOffset.ofHours(8));
        PageBorrower synced = borrowers.listBorrowers(0, 20, null, null, since, null);
        assertEquals(List.of(UUID.fromString(id)), synced.getItems().stream().map(Borrower::getId).toList());
        assertNotNull(synced.getNextCursor());
        assertEquals(2, borrowers.borrowerHistory(UUID.fromString(id)).size());
    }
}
