package com.ipledge.service.batch;

import java.time.Duration;
import com.ipledge.service.support.Await;
import com.ipledge.service.TimeFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import com.ipledge.service.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Jobs are rows: a job half done by one instance is finished by the next one started on the same database, a row
 * left claimed by a transaction that never committed is done once it is released, and two instances working one
 * job at once do every row exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchRestartTest {
    private static final String ADMIN = "ipk_batch_restart_admin_000000000000000";
    private final ObjectMapper json = new ObjectMapper();
    private final List<EmbeddedServer> servers = new ArrayList<>();

    @AfterEach
    void stopAll() {
        servers.forEach(s -> {
            if (s.isRunning()) {
                s.close();
            }
        });
        servers.clear();
    }

    private EmbeddedServer start(String url, boolean jobs) {
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", url);
        props.put("datasources.default.username", "postgres");
        props.put("datasources.default.password", "");
        props.put("ipledge.bootstrap-admin-key", ADMIN);
        props.put("ipledge.jobs.enabled", String.valueOf(jobs));
        props.put("ipledge.batch.poll-interval", "200ms");
        props.put("ipledge.batch.initial-delay", "0s");
        props.put("ipledge.rate-limit-per-key", 100_000);
        props.put("micronaut.server.port", -1);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
        servers.add(server);
        return server;
    }

    /** Speaks HTTP to one instance. */
    private final class Api implements AutoCloseable {
        final HttpClient client;

        Api(EmbeddedServer server) throws Exception {
            client = HttpClient.create(new URL(server.getURL().toString()));
        }

        Map<?, ?> call(HttpRequest<?> request, int expected) throws Exception {
            try {
                HttpResponse<String> r = client.toBlocking().exchange(request, String.class);
                assertEquals(expected, r.code(), r::body);
                return json.readValue(r.body(), Map.class);
            } catch (HttpClientResponseException e) {
                throw new AssertionError(e.getStatus() + " " + e.getResponse().getBody(String.class).orElse(""), e);
            }
        }

        String create(String path, Object body, String key) throws Exception {
            return (String) call(HttpRequest.POST(path, body).bearerAuth(key), 201).get("id");
        }

        String upload(String path, String csv, String key) throws Exception {
            return (String) call(HttpRequest.POST(path, csv).contentType(MediaType.of("text/csv")).bearerAuth(key),
                    202).get("id");
        }

        Map<?, ?> job(String id, String key) throws Exception {
            return call(HttpRequest.GET("/api/v1/batch-jobs/" + id).bearerAuth(key), 200);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** A bank with an officer key, a borrower and {@code n} assets: [officer, borrowerId, assetIds...]. */
    private List<String> bankWithAssets(Api api, String code, int n) throws Exception {
        String bank = api.create("/api/v1/admin/banks", Map.of("code", code, "name", code), ADMIN);
        String officer = (String) api.call(HttpRequest.POST("/api/v1/admin/api-keys",
                Map.of("role", "BANK_OFFICER", "bankId", bank, "label", "batch")).bearerAuth(ADMIN), 201).get("key");
        Map<String, Object> borrower = Fixtures.borrower();
        List<String> out = new ArrayList<>(List.of(officer, api.create("/api/v1/borrowers", borrower, officer)));
        for (int i = 0; i < n; i++) {
            out.add(api.create("/api/v1/ip-assets", Fixtures.invention((String) borrower.get("creditCode")),
                    officer));
        }
        return out;
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(60), condition);
    }

    @Test
    void aJobHalfDoneBeforeARestartIsFinishedAfterItEachRowOnce() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        Sql sql = new Sql(url);
        EmbeddedServer a = start(url, false);
        String jobId;
        List<String> setup;
        try (Api api = new Api(a)) {
            setup = bankWithAssets(api, "RESTART", 20);
            String day = LocalDate.now(TimeFactory.BUSINESS_ZONE).minusDays(1).toString();
            StringBuilder csv = new StringBuilder(BatchApiTest.VALUATION_HEADER).append('\n');
            for (String asset : setup.subList(2, 22)) {
                csv.append(BatchApiTest.valuationRow(asset, day, "0.25")).append('\n');
            }
            jobId = api.upload("/api/v1/valuations/batch", csv.toString(), setup.get(0));
        }
        String job = "job_id = '" + jobId + "'";
        BatchWorker workerA = a.getApplicationContext().getBean(BatchWorker.class);
        assertTrue(a.getApplicationContext().getBeansOfType(BatchDriver.class).isEmpty(), "jobs are disabled");
        assertEquals(7, workerA.processUpTo(7));
        assertEquals(7, sql.count("SELECT count(*) FROM batch_job_row WHERE " + job + " AND status = 'OK'"));
        assertEquals("RUNNING", sql.text("SELECT status FROM batch_job WHERE id = '" + jobId + "'"));
        assertEquals(7, sql.count("SELECT done FROM batch_job WHERE id = '" + jobId + "'"));
        assertEquals(7, sql.count("SELECT count(*) FROM valuation"));

        // a crashed worker: it claimed line 9 (the 8th row), wrote half of its work and never committed
        Connection crashed = DriverManager.getConnection(url, "postgres", "");
        crashed.setAutoCommit(false);
        try (Statement s = crashed.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT line_number FROM batch_job_row WHERE " + job
                    + " AND status = 'PENDING' ORDER BY line_number LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                assertTrue(rs.next());
                assertEquals(9, rs.getInt(1));
            }
            s.executeUpdate("UPDATE batch_job_row SET status = 'OK' WHERE " + job + " AND line_number = 9");
            s.executeUpdate("INSERT INTO valuation (id, asset_id, bank_id, valuation_date, reconciled_value, "
                    + "collateral_value, value_score, engine_version, seed, paths, request, result, created_at) "
                    + "SELECT '" + UUID.randomUUID() + "', '" + setup.get(2 + 7) + "', bank_id, valuation_date, "
                    + "reconciled_value, collateral_value, value_score, engine_version, seed, paths, request, result, "
                    + "created_at FROM valuation LIMIT 1");
        }
        a.close();
        assertEquals(0, workerA.processUpTo(5), "a closed worker claims nothing");

        EmbeddedServer b = start(url, true);
        // B's poller does every row but the one still held; the job cannot finish while it is held
        await("19 rows", () -> sql.count("SELECT count(*) FROM batch_job_row WHERE " + job
                + " AND status = 'OK'") == 19);
        Thread.sleep(600);
        assertEquals("PENDING", sql.text("SELECT status FROM batch_job_row WHERE " + job + " AND line_number = 9"));
        assertEquals("RUNNING", sql.text("SELECT status FROM batch_job WHERE id = '" + jobId + "'"));
        crashed.close(); // the crash: the connection goes, its transaction rolls back, the row is free again
        await("the job done", () -> "DONE".equals(sql.text("SELECT status FROM batch_job WHERE id = '" + jobId
                + "'")));
        try (Api api = new Api(b)) {
            Map<?, ?> view = api.job(jobId, setup.get(0));
            assertEquals(20, view.get("total"));
            assertEquals(20, view.get("done"));
            assertEquals(0, view.get("failed"));
            Map<?, ?> verify = api.call(HttpRequest.GET("/api/v1/audit/verify").bearerAuth(ADMIN), 200);
            assertEquals(Boolean.TRUE, verify.get("ok"), verify::toString);
        }
        assertEquals(20, sql.count("SELECT count(*) FROM valuation"), "every row once");
        assertEquals(20, sql.count("SELECT count(DISTINCT asset_id) FROM valuation"));
        assertEquals(20, sql.count("SELECT count(*) FROM batch_job_row WHERE " + job + " AND status = 'OK' AND "
                + "entity_id IN (SELECT id FROM valuation)"));
        assertEquals(20, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'valuation.created'"));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'batch.finished'"));
    }

    @Test
    void twoInstancesWorkingOneJobDoEachRowExactlyOnce() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        Sql sql = new Sql(url);
        EmbeddedServer c = start(url, false);
        EmbeddedServer d = start(url, false);
        int rows = 60;
        String jobId;
        try (Api api = new Api(c)) {
            List<String> setup = bankWithAssets(api, "TWOWORKERS", 1);
            StringBuilder csv = new StringBuilder(BatchApiTest.APPLICATION_HEADER).append('\n');
            for (int i = 0; i < rows; i++) {
                csv.append(setup.get(1)).append(",10000,12,row ").append(i).append(',').append(setup.get(2))
                        .append('\n');
            }
            jobId = api.upload("/api/v1/applications/batch", csv.toString(), setup.get(0));
        }
        List<BatchWorker> workers = List.of(c.getApplicationContext().getBean(BatchWorker.class),
                d.getApplicationContext().getBean(BatchWorker.class));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            BatchWorker worker = workers.get(i % 2);
            futures.add(pool.submit(() -> {
                go.await();
                int n = 0;
                int step;
                while ((step = worker.processUpTo(3)) > 0) {
                    n += step;
                }
                return n;
            }));
        }
        go.countDown();
        int processed = 0;
        for (Future<Integer> f : futures) {
            processed += f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(rows, processed, "the workers' counts add up to the rows");
        assertEquals(rows, sql.count("SELECT count(*) FROM loan_application"), "no row filed twice");
        assertEquals(rows, sql.count("SELECT count(DISTINCT purpose) FROM loan_application"));
        assertEquals(rows, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'application.submitted'"));
        assertEquals("DONE", sql.text("SELECT status FROM batch_job WHERE id = '" + jobId + "'"));
        assertEquals(rows, sql.count("SELECT done FROM batch_job WHERE id = '" + jobId + "'"));
        assertEquals(0, sql.count("SELECT failed FROM batch_job WHERE id = '" + jobId + "'"));
        assertEquals(rows, sql.count("SELECT count(*) FROM batch_job_row WHERE job_id = '" + jobId
                + "' AND status = 'OK' AND attempts = 1"));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'batch.finished'"));
        try (Api api = new Api(d)) {
            Map<?, ?> verify = api.call(HttpRequest.GET("/api/v1/audit/verify").bearerAuth(ADMIN), 200);
            assertEquals(Boolean.TRUE, verify.get("ok"), verify::toString);
        }
    }
}
