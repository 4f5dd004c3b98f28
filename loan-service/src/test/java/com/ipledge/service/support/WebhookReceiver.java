package com.ipledge.service.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A bank's receiver as a bank would write one: a real HTTP server on 127.0.0.1 that checks each request's
 * signature (HMAC-SHA256 over "t.body" with the endpoint's secret, t no older than five minutes) and records what
 * it received. Its answer is chosen per request ({@link #answerWith}); {@link #holdNext()} keeps the next request
 * waiting (for a test that kills the sender mid-delivery).
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final long TOLERANCE_SECONDS = 300;

    /** One request as received. */
    public record Received(String eventId, String type, JsonNode body, Map<String, String> headers,
                           boolean signatureValid, int answered) {
        public String data(String field) {
            JsonNode n = body.path("data").path(field);
            return n.isMissingNode() || n.isNull() ? null : n.asText();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private volatile String secret;
    private volatile IntSupplier answer = () -> 200;
    private volatile CountDownLatch hold;
    private volatile CountDownLatch releasing;
    private final CountDownLatch holding = new CountDownLatch(1);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void secret(String secret) {
        this.secret = secret;
    }

    /** The status to answer each following request with (called once per request). */
    public void answerWith(IntSupplier status) {
        this.answer = status;
    }

    /** Keeps the next request waiting until {@link #release()}; {@link #awaitHeld} returns once it arrived. */
    public void holdNext() {
        CountDownLatch h = new CountDownLatch(1);
        releasing = h;
        hold = h;
    }

    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return holding.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void release() {
        CountDownLatch h = releasing;
        if (h != null) {
            h.countDown();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        boolean valid = verify(headers.get("x-ipledge-signature"), body);
        CountDownLatch h = hold;
        boolean held = false;
        if (h != null) {
            hold = null;
            held = true;
            holding.countDown();
            try {
                h.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // a held request is refused: its sender was killed meanwhile, and the event must come again
        int status = !valid ? 400 : held ? 503 : answer.getAsInt();
        JsonNode json = JSON.readTree(body);
        synchronized (received) {
            received.add(new Received(json.path("id").asText(), json.path("type").asText(), json, headers, valid,
                    status));
        }
        byte[] reply = (status < 300 ? "kept" : "receiver says no").getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (IOException e) {
            // the sender is gone (killed mid-delivery): it never learns of this answer
        } finally {
            exchange.close();
        }
    }

    /** The signature check of the README, as a receiver writes it. */
    private boolean verify(String header, String body) {
        if (header == null || secret == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t))
                > TOLERANCE_SECONDS) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
        } catch (Exception e) {
            return false;
        }
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests answered 2xx. */
    public List<Received> accepted() {
        return received().stream().filter(r -> r.answered() < 300).toList();
    }

    /** Distinct event ids accepted. */
    public Set<String> acceptedIds() {
        Set<String> ids = new LinkedHashSet<>();
        accepted().forEach(r -> ids.add(r.eventId()));
        return ids;
    }

    /** Waits (polling, up to {@code timeout}) until {@code condition} holds; false if it never did. */
    public static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        return Await.holds(timeout, condition);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
