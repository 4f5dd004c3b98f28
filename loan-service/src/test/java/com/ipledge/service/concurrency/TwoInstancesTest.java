package com.ipledge.service.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.TimeFactory;
import com.ipledge.service.jobs.JobRunner;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.quota.QuotaPlan;
import com.ipledge.service.quota.QuotaRepository;
import com.ipledge.service.quota.QuotaService;
import com.ipledge.service.security.ApiKeys;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import com.ipledge.service.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.math.BigDecimal;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two service instances (two application contexts, each with its own HTTP server and connection pool) on one
 * PostgreSQL database, hammered by many threads: quotas never over-allocate, idempotency keys create one record,
 * a job runs on one instance at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {
    private static final String ADMIN = "ipk_two_instances_admin_0000000000000";
    private final String url = TestDatabase.freshDatabaseUrl();
    private final Sql sql = new Sql(url);
    private final List<EmbeddedServer> servers = new ArrayList<>();
    private final List<HttpClient> clients = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() throws Exception {
        for (int i = 0; i < 2; i++) {
            Map<String, Object> props = new HashMap<>();
            props.put("datasources.default.url", url);
            props.put("datasources.default.username", "postgres");
            props.put("datasources.default.password", "");
            props.put("ipledge.bootstrap-admin-key", ADMIN);
            props.put("ipledge.jobs.enabled", "false");
            props.put("ipledge.rate-limit-per-key", 100_000);
            props.put("micronaut.server.port", -1);
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
            servers.add(server);
            clients.add(HttpClient.create(new URL(server.getURL().toString())));
        }
    }

    @AfterAll
    void stop() {
        clients.forEach(HttpClient::close);
        servers.forEach(EmbeddedServer::close);
    }

    private <T> T bean(int instance, Class<T> type) {
        return servers.get(instance).getApplicationContext().getBean(type);
    }

    @Test
    void quotaIsNeverOverAllocatedAcrossInstances() throws Exception {
        UUID bank = newBank("QUOTA2");
        // room for exactly 25 reservations of 40,000.00
        QuotaPlan plan = bean(0, QuotaRepository.class).insert(bank, Year.now(TimeFactory.BUSINESS_ZONE).getValue(), QuotaPlan.ALL,
                new BigDecimal("1000000.00"), OffsetDateTime.now()).orElseThrow();
        BigDecimal amount = new BigDecimal("40000.00");
        int attempts = 80;
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            QuotaService quotas = bean(i % 2, QuotaService.class);
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    quotas.reserve(plan, UUID.randomUUID(), amount);
                    granted.incrementAndGet();
                } catch (DomainProblem p) {
                    assertInstanceOf(Conflict.class, p, p::toString);
                    refused.incrementAndGet();
                } catch (Throwable t) {
                    synchronized (unexpected) {
                        unexpected.add(t);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(unexpected.isEmpty(), () -> "unexpected failures: " + unexpected);
        assertEquals(25, granted.get());
        assertEquals(attempts - 25, refused.get());
        assertEquals(0, new BigDecimal("1000000.00").compareTo(new BigDecimal(sql.text(
                "SELECT reserved FROM quota_plan WHERE id = '" + plan.id() + "'"))));
        assertEquals(25, sql.count("SELECT count(*) FROM quota_movement WHERE plan_id = '" + plan.id() + "'"));
        assertTrue(bean(1, QuotaService.class).reconcile().stream().allMatch(QuotaRepository.Reconciliation::agrees));
    }

    @Test
    void concurrentDuplicatesWithOneIdempotencyKeyCreateOneBorrower() throws Exception {
        UUID bank = newBank("IDEM2");
        String officer = issueKey("BANK_OFFICER", bank);
        Map<String, Object> body = Fixtures.borrower();
        String key = UUID.randomUUID().toString();
        int attempts = 24;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            HttpClient client = clients.get(i % 2);
            futures.add(pool.submit(() -> {
                go.await();
                return client.toBlocking().exchange(HttpRequest.POST("/api/v1/borrowers", body)
                        .bearerAuth(officer).header("Idempotency-Key", key), String.class);
            }));
        }
        go.countDown();
        Set<String> bodies = ConcurrentHashMap.newKeySet();
        int replayed = 0;
        for (Future<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
            assertEquals(201, r.code());
            bodies.add(r.body());
            if ("true".equals(r.header("Idempotent-Replayed"))) {
                replayed++;
            }
        }
        pool.shutdown();
        assertEquals(1, bodies.size(), "every answer is the first answer");
        assertEquals(attempts - 1, replayed);
        assertEquals(1, sql.count("SELECT count(*) FROM borrower WHERE credit_code = '" + body.get("creditCode")
                + "'"));
    }

    @Test
    void aJobRunsOnOneInstanceAtATime() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JobRunner.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JobRunner runner = bean(i % 2, JobRunner.class);
            futures.add(pool.submit(() -> {
                go.await();
                return runner.run("test-exclusive", () -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    ran.incrementAndGet();
                    return 1;
                });
            }));
        }
        go.countDown();
        int skipped = 0;
        for (Future<JobRunner.Outcome> f : futures) {
            if (f.get(60, TimeUnit.SECONDS) == JobRunner.Outcome.SKIPPED_LOCKED) {
                skipped++;
            }
        }
        pool.shutdown();
        assertEquals(1, maxRunning.get(), "never two at once");
        assertEquals(8, ran.get() + skipped);
        assertTrue(skipped > 0, "the overlapping rounds were skipped");
        assertEquals(ran.get(), sql.count("SELECT runs FROM job_run WHERE job = 'test-exclusive'"));
    }

    @Test
    void auditChainStaysOrderedUnderConcurrentWritersOnTwoInstances() throws Exception {
        UUID bank = newBank("AUDIT2");
        String officer = issueKey("BANK_OFFICER", bank);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            HttpClient client = clients.get(i % 2);
            futures.add(pool.submit(() -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/borrowers",
                    Fixtures.borrower()).bearerAuth(officer), String.class).code()));
        }
        for (Future<Integer> f : futures) {
            assertEquals(201, f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Map<?, ?> verify = json.readValue(clients.get(1).toBlocking().retrieve(HttpRequest
                .GET("/api/v1/audit/verify").bearerAuth(ADMIN)), Map.class);
        assertEquals(Boolean.TRUE, verify.get("ok"), verify::toString);
        assertEquals(sql.count("SELECT count(*) FROM audit_entry"), ((Number) verify.get("entries")).longValue());
        assertEquals(sql.count("SELECT max(seq) FROM audit_entry"), sql.count("SELECT count(*) FROM audit_entry"));
    }

    private UUID newBank(String code) throws Exception {
        String answer = clients.get(0).toBlocking().retrieve(HttpRequest.POST("/api/v1/admin/banks",
                Map.of("code", code, "name", code)).bearerAuth(ADMIN));
        return UUID.fromString((String) json.readValue(answer, Map.class).get("id"));
    }

    private String issueKey(String role, UUID bank) throws Exception {
        try {
            String answer = clients.get(1).toBlocking().retrieve(HttpRequest.POST("/api/v1/admin/api-keys",
                    Map.of("role", role, "bankId", bank, "label", "t")).bearerAuth(ADMIN));
            String key = (String) json.readValue(answer, Map.class).get("key");
            assertTrue(key.startsWith(ApiKeys.PREFIX));
            return key;
        } catch (HttpClientResponseException e) {
            throw new AssertionError(e.getResponse().getBody(String.class).orElse(""), e);
        }
    }
}
