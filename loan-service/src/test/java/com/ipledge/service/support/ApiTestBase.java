package com.ipledge.service.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the HTTP tests: a real server on a random port, a fresh PostgreSQL database, an ADMIN key, and helpers
 * that speak the API as a bank's system would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase implements TestPropertyProvider {
    public static final String ADMIN_KEY = "ipk_test_admin_key_000000000000000000000";
    protected static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    @Client("/")
    protected HttpClient client;

    /** The service's own clock: "today" is its business date (Beijing's), never the machine's. */
    @Inject
    protected Clock clock;

    private final String databaseUrl = TestDatabase.freshDatabaseUrl();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("datasources.default.url", databaseUrl);
        p.put("datasources.default.username", "postgres");
        p.put("datasources.default.password", "");
        p.put("ipledge.bootstrap-admin-key", ADMIN_KEY);
        // tests fire requests faster than any bank would; the rate-limit test sets its own
        p.put("ipledge.rate-limit-per-key", "100000");
        p.put("ipledge.auth-failures-per-minute", "100000");
        // the page tests submit the form dozens of times from one address; ApplyThrottleTest sets its own
        p.put("ipledge.pages.apply.per-address-per-minute", "100000");
        p.put("ipledge.pages.apply.per-bank-per-minute", "100000");
        p.putAll(extraProperties());
        return p;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    /** The service's business date. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The business year (a quota plan's year). */
    public int thisYear() {
        return today().getYear();
    }

    protected String databaseUrl() {
        return databaseUrl;
    }

    public Answer send(MutableHttpRequest<?> request) {
        try {
            return toAnswer(client.toBlocking().exchange(request, String.class));
        } catch (HttpClientResponseException e) {
            return toAnswer(e.getResponse());
        }
    }

    private static Answer toAnswer(HttpResponse<?> response) {
        String raw = response.getBody(String.class).orElse(null);
        Object json = null;
        if (raw != null && !raw.isBlank() && response.getContentType()
                .map(t -> t.getSubtype().contains("json")).orElse(false)) {
            try {
                json = JSON.readValue(raw, Object.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Answer(response.code(), response.getHeaders(), raw, json);
    }

    public Answer post(String path, Object body, String key) {
        return send(withKey(HttpRequest.POST(path, asJson(body)), key));
    }

    public Answer post(String path, Object body, String key, String idempotencyKey) {
        return send(withKey(HttpRequest.POST(path, asJson(body)), key).header("Idempotency-Key", idempotencyKey));
    }

    public Answer put(String path, Object body, String key) {
        return send(withKey(HttpRequest.PUT(path, asJson(body)), key));
    }

    public Answer get(String path, String key) {
        return send(withKey(HttpRequest.GET(path), key));
    }

    private static MutableHttpRequest<?> withKey(MutableHttpRequest<?> request, String key) {
        request.contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE);
        return key == null ? request : request.bearerAuth(key);
    }

    private static String asJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- a bank's set-up, as an integrator does it ---

    public UUID createBank(String code) {
        Answer a = post("/api/v1/admin/banks", Map.of("code", code, "name", "Bank " + code), ADMIN_KEY);
        if (a.status() != 201) {
            throw new AssertionError("bank not created: " + a);
        }
        return UUID.fromString(a.text("id"));
    }

    /**
     * Files a strong application (a borrower with real revenue pledging a young invention patent) for
     * {@code requested} yuan and returns its id: the usual start of a loan's life in a test.
     */
    public String fileStrongApplication(String officer, String requested) {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        Answer b = post("/api/v1/borrowers", borrower, officer);
        expectCreated(b);
        Answer asset = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")), officer);
        expectCreated(asset);
        Map<String, Object> app = Fixtures.application(b.text("id"), List.of(asset.text("id")));
        app.put("requestedAmount", requested);
        Answer created = post("/api/v1/applications", app, officer);
        expectCreated(created);
        return created.text("id");
    }

    private static void expectCreated(Answer a) {
        if (a.status() != 201) {
            throw new AssertionError("not created: " + a);
        }
    }

    /** A new bank's officer and approver, a bureau key and the admin key: one caller of every role. */
    public List<String> keysOfEveryRole(String bankCode) {
        UUID bank = createBank(bankCode);
        return List.of(apiKey("BANK_OFFICER", bank), apiKey("BANK_APPROVER", bank), apiKey("BUREAU", null),
                ADMIN_KEY);
    }

    /**
     * Sends the request with each key in turn until one is allowed (not 403): the enumerating tests probe every
     * route as a caller who may use it.
     */
    public Answer asFirstAllowedRole(List<String> keys, io.micronaut.http.HttpMethod method, String path,
                                     String body) {
        Answer last = null;
        for (String key : keys) {
            MutableHttpRequest<Object> request = HttpRequest.create(method, path);
            if (body != null) {
                request.body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
            }
            last = send(request.bearerAuth(key));
            if (last.status() != 403) {
                return last;
            }
        }
        return last;
    }

    /** The OpenAPI document the running service serves, for tests that enumerate its operations and fields. */
    public OpenApiDocument openApiDocument() {
        return new OpenApiDocument(send(HttpRequest.GET("/openapi.yml")).raw());
    }

    public String apiKey(String role, UUID bankId) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("label", role + " test key");
        if (bankId != null) {
            body.put("bankId", bankId);
        }
        Answer a = post("/api/v1/admin/api-keys", body, ADMIN_KEY);
        if (a.status() != 201) {
            throw new AssertionError("key not issued: " + a);
        }
        return a.text("key");
    }
}
