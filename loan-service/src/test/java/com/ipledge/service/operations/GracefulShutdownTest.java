package com.ipledge.service.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.loan.ApprovalExpiryJob;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import com.ipledge.service.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Shutdown while work is in flight. The test holds PostgreSQL table locks so that a request and a scheduled job
 * are provably mid-way (both are seen waiting in pg_stat_activity), then closes the service: it stops taking new
 * connections at once, waits for both, and only then lets the connection pool go. No sleeps decide the outcome.
 */
class GracefulShutdownTest {
    private static final String ADMIN = "ipk_graceful_shutdown_admin_00000000000";
    private final ObjectMapper json = new ObjectMapper();
    private final String url = TestDatabase.freshDatabaseUrl();
    private final Sql sql = new Sql(url);

    @Test
    void inFlightRequestAndJobFinishWhileNewConnectionsAreRefused() throws Exception {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", url, "datasources.default.username", "postgres",
                "datasources.default.password", "", "ipledge.bootstrap-admin-key", ADMIN,
                "micronaut.server.port", -1,
                "ipledge.jobs.approval-expiry-interval", "100ms",
                "ipledge.jobs.approval-expiry-initial-delay", "0s"));
        URI base = URI.create(server.getURL().toString());
        HttpClient client = HttpClient.newHttpClient();
        String officer = officerKey(client, base);
        CompletableFuture<HttpResponse<String>> inFlight;
        OffsetDateTime locked;
        Thread closing = new Thread(() -> server.getApplicationContext().close(), "closing-the-service");

        try (Connection blocker = DriverManager.getConnection(url, "postgres", "")) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("LOCK TABLE borrower, loan IN ACCESS EXCLUSIVE MODE");
            }
            locked = OffsetDateTime.now();
            inFlight = client.sendAsync(post(base, "/api/v1/borrowers", officer,
                    json.writeValueAsString(Fixtures.borrower())), HttpResponse.BodyHandlers.ofString());
            awaitWaiting("borrower");
            awaitWaiting("loan");

            closing.start();
            awaitRefused(base);
            assertTrue(closing.isAlive(), "the service waits for the work in flight");
            assertTrue(!inFlight.isDone(), "the request is still held by the lock");
            blocker.rollback();
        }

        HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
        closing.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!closing.isAlive(), "the service finished closing");
        assertEquals(201, answer.statusCode(), answer::body);
        String borrowerId = json.readTree(answer.body()).path("id").asText();
        assertEquals(1, sql.count("SELECT count(*) FROM borrower WHERE id = '" + borrowerId + "'"),
                "the acknowledged write is there");
        assertNull(sql.text("SELECT last_error FROM job_run WHERE job = '" + ApprovalExpiryJob.NAME + "'"),
                "the job round that was held did not fail");
        OffsetDateTime lastSuccess = OffsetDateTime.parse(sql.text("SELECT to_char(last_success AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM job_run WHERE job = '" + ApprovalExpiryJob.NAME
                + "'"));
        assertTrue(lastSuccess.isAfter(locked), () -> "the held round finished and was recorded: " + lastSuccess
                + " after " + locked);
    }

    private String officerKey(HttpClient client, URI base) throws IOException, InterruptedException {
        JsonNode bank = json.readTree(client.send(post(base, "/api/v1/admin/banks", ADMIN,
                "{\"code\":\"SHUTDOWN\",\"name\":\"Bank SHUTDOWN\"}"), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode key = json.readTree(client.send(post(base, "/api/v1/admin/api-keys", ADMIN,
                "{\"role\":\"BANK_OFFICER\",\"label\":\"officer\",\"bankId\":\"" + bank.path("id").asText() + "\"}"),
                HttpResponse.BodyHandlers.ofString()).body());
        return key.path("key").asText();
    }

    private static HttpRequest post(URI base, String path, String key, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Until a backend of this database waits on a lock in a statement that names the table. */
    private void awaitWaiting(String table) throws InterruptedException {
        String waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock' AND query ILIKE '%\"" + table + "\"%'";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sql.count(waiting) == 0) {
            assertTrue(System.nanoTime() < deadline, "nothing came to wait on " + table);
            Thread.sleep(20);
        }
    }

    /** Until a new connection is refused: the server no longer listens. */
    private static void awaitRefused(URI base) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            try {
                fresh.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // accepted and then dropped while the server closes its channel: not yet refused
            }
            assertTrue(System.nanoTime() < deadline, "new connections are still accepted");
            Thread.sleep(50);
        }
    }
}
