package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Headers and the order of refusals, enumerated from the router (a route added later is covered without touching
 * this test): every API route, called without a key and with one, answers with {@code Cache-Control: no-store} and
 * {@code X-Content-Type-Options: nosniff}; every API write sent a body without a Content-Type by a stranger answers
 * 401 (not the router's 400 for two routes on one path); the API reference and every asset it loads carry a
 * Content-Security-Policy and refuse framing.
 */
@MicronautTest(transactional = false)
class ResponseHeadersTest extends ApiTestBase {
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    private final HttpClient plain = HttpClient.newHttpClient();
    private List<String> keys;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void keysOfEveryRole() {
        keys = keysOfEveryRole("HEADERS");
    }

    @Test
    void everyApiAnswerIsNotCachedNorSniffed() {
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (UriRouteInfo<?, ?> route : apiRoutes()) {
            HttpMethod method = route.getHttpMethod();
            String path = fill(route.getUriMatchTemplate().toString());
            probes += 2;
            check(failures, method + " " + path + " without a key", send(request(method, path)));
            check(failures, method + " " + path, asFirstAllowedRole(method, path));
        }
        probes++;
        Answer created = post("/api/v1/admin/api-keys", Map.of("role", "BUREAU", "label", "headers"), ADMIN_KEY);
        assertEquals(201, created.status(), created::toString);
        check(failures, "the 201 that shows a new key's secret", created);
        int sent = probes;
        assertTrue(probes > 100, "probes sent: " + probes);
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + sent + " answers without the headers:\n"
                + String.join("\n", failures));
        System.out.printf("ResponseHeadersTest: %d API answers, all no-store and nosniff%n", probes);
    }

    @Test
    void aStrangerHears401BeforeAnythingAboutTheBody() throws Exception {
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (UriRouteInfo<?, ?> route : apiRoutes()) {
            if (!WRITES.contains(route.getHttpMethod())) {
                continue;
            }
            probes++;
            String path = fill(route.getUriMatchTemplate().toString());
            HttpResponse<String> a = withoutContentType(route.getHttpMethod(), path, null);
            if (a.statusCode() != 401) {
                failures.add(route.getHttpMethod() + " " + path + " -> " + a.statusCode() + " " + a.body());
            }
        }
        int sent = probes;
        assertTrue(probes > 20, "writes in the router: " + probes);
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + sent + " not 401:\n"
                + String.join("\n", failures));
        HttpResponse<String> known = withoutContentType(HttpMethod.POST, "/api/v1/monitoring/events", keys.get(0));
        assertEquals(415, known.statusCode(), known::body);
        assertTrue(known.body().contains(MediaType.APPLICATION_JSON) && known.body().contains("text/csv"),
                known::body);
        System.out.printf("ResponseHeadersTest: %d writes without a Content-Type or a key, all 401%n", probes);
    }

    @Test
    void theApiReferenceAndItsAssetsHaveThePagesProtection() {
        Answer page = send(HttpRequest.GET("/docs"));
        assertEquals(200, page.status(), page::toString);
        Set<String> paths = new LinkedHashSet<>(List.of("/docs", "/openapi.yml"));
        Matcher m = ASSET.matcher(page.raw());
        while (m.find()) {
            paths.add(m.group(1));
        }
        assertTrue(paths.size() >= 5, "the page and the assets it loads: " + paths);
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            Answer a = send(HttpRequest.GET(path));
            String csp = a.headers().get("Content-Security-Policy");
            if (a.status() != 200 || csp == null || !csp.contains("frame-ancestors 'none'")
                    || !"DENY".equals(a.headers().get("X-Frame-Options"))
                    || !"nosniff".equals(a.headers().get("X-Content-Type-Options"))) {
                failures.add(path + " -> " + a.status() + " " + a.headers().asMap());
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    private static void check(List<String> failures, String probe, Answer a) {
        if (!"no-store".equals(a.headers().get(HttpHeaders.CACHE_CONTROL))
                || !"nosniff".equals(a.headers().get("X-Content-Type-Options"))) {
            failures.add(probe + " -> " + a.status() + " " + a.headers().asMap());
        }
    }

    private List<UriRouteInfo<?, ?>> apiRoutes() {
        return router.uriRoutes().filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/"))
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD && r.getHttpMethod() != HttpMethod.OPTIONS)
                .toList();
    }

    private static String fill(String template) {
        return template.replaceAll("\\{\\?[^}]*}", "").replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static MutableHttpRequest<Object> request(HttpMethod method, String path) {
        MutableHttpRequest<Object> request = HttpRequest.create(method, path);
        if (WRITES.contains(method)) {
            request.body("{}").contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return request;
    }

    private Answer asFirstAllowedRole(HttpMethod method, String path) {
        Answer last = null;
        for (String key : keys) {
            last = send(request(method, path).bearerAuth(key));
            if (last.status() != 403) {
                return last;
            }
        }
        return last;
    }

    /** Sent with the JDK's client: Micronaut's adds {@code application/json} to any body it sends. */
    private HttpResponse<String> withoutContentType(HttpMethod method, String path, String key) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                URI.create(server.getURL() + path))
                .method(method.name(), java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return plain.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
