package com.ipledge.service.process;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A bank's system talking to one service process over real HTTP (the JDK client: nothing shared with the service's
 * own stack). Transport failures surface as {@link IOException}: for a write, that means "not acknowledged".
 */
public final class ApiClient {
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** What the service answered. */
    public record Reply(int status, Map<String, String> headers, String raw, JsonNode json) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String text(String field) {
            JsonNode v = json == null ? null : json.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        public UUID id(String field) {
            return UUID.fromString(text(field));
        }

        public boolean replayed() {
            return "true".equals(headers.get("idempotent-replayed"));
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    private final HttpClient http;
    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Reply post(String path, Object body, String key, String idempotencyKey) throws IOException {
        HttpRequest.Builder b = request(path, key).POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b.build());
    }

    public Reply put(String path, Object body, String key) throws IOException {
        return send(request(path, key).PUT(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json").build());
    }

    public Reply get(String path, String key) throws IOException {
        return send(request(path, key).GET().build());
    }

    /** For set-up steps that must succeed: the reply, or an AssertionError naming what went wrong. */
    public Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " from " + baseUrl + ", got " + reply);
        }
        return reply;
    }

    public Reply postOk(int status, String path, Object body, String key) {
        try {
            return expect(status, post(path, body, key, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply getOk(String path, String key) {
        try {
            return expect(200, get(path, key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    private Reply send(HttpRequest request) throws IOException {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Map<String, String> headers = new HashMap<>();
        r.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        JsonNode json = null;
        String ct = headers.getOrDefault("content-type", "");
        if (r.body() != null && !r.body().isBlank() && ct.contains("json")) {
            json = JSON.readTree(r.body());
        }
        return new Reply(r.statusCode(), headers, r.body(), json);
    }

    public static String write(Object body) {
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

    public UUID createBank(String adminKey, String code) {
        return postOk(201, "/api/v1/admin/banks", Map.of("code", code, "name", "Bank " + code), adminKey).id("id");
    }

    public String apiKey(String adminKey, String role, UUID bankId) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("label", role + " process test key");
        if (bankId != null) {
            body.put("bankId", bankId);
        }
        return postOk(201, "/api/v1/admin/api-keys", body, adminKey).text("key");
    }
}
