package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.OpenApiDocument;
import com.ipledge.service.support.OpenApiDocument.Field;
import com.ipledge.service.support.OpenApiDocument.Operation;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strict input, enumerated from the OpenAPI document the service serves (a field or route added later is covered
 * without touching this test): every field of every JSON body is sent each value of a wrong type for it (an integer
 * for an enum or a boolean, a date-time or an absurd year for a date, an empty string for a number, a NUL character
 * in text, ...) and answers 400 naming it; every JSON body with data after the value answers 400; every JSON write
 * sent without a Content-Type answers 415 naming the accepted types; every query parameter with a NUL answers 400
 * naming it.
 */
@MicronautTest(transactional = false)
class StrictInputTest extends ApiTestBase {
    private static final String NUL = "\"a\\u0000b\"";
    private static final List<String> FOR_TEXT = List.of("1", "1.5", "true", "{}", "[]", NUL);
    private static final List<String> FOR_UUID = List.of("1", "true", "\"\"", "\"not-a-uuid\"", "{}", NUL);
    private static final List<String> FOR_DATE = List.of("\"2026-01-01T10:00:00\"", "\"2026-01-01T00:00:00Z\"",
            "\"-999999999-01-01\"", "\"+999999999-12-31\"", "\"0001-01-01\"", "\"\"", "20260101", "[2026,1,1]",
            "\"2026-02-30\"", "\"2026-1-1\"", NUL);
    private static final List<String> FOR_ENUM = List.of("0", "1", "\"\"", "\"NO_SUCH_VALUE\"", "true", "{}", NUL);
    private static final List<String> FOR_BOOLEAN = List.of("0", "1", "2", "\"true\"", "\"\"", "1.5", "{}", "[]");
    private static final List<String> FOR_INTEGER = List.of("true", "1.5", "\"\"", "\"twelve\"", "{}", "[]");
    private static final List<String> FOR_NUMBER = List.of("true", "\"\"", "\"abc\"", "\"NaN\"", "\"Infinity\"",
            "{}", "[]");

    @Inject
    EmbeddedServer server;

    private List<String> keys;
    private OpenApiDocument openApi;
    private final HttpClient plain = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void keysOfEveryRole() {
        keys = keysOfEveryRole("STRICT");
        openApi = openApiDocument();
    }

    @Test
    void everyBodyFieldRefusesEachWrongTypeNamingTheField() {
        List<String> failures = new ArrayList<>();
        int fields = 0;
        int probes = 0;
        for (Operation op : openApi.apiOperations()) {
            String path = fill(op.template());
            for (Field field : openApi.jsonBodyFields(op)) {
                fields++;
                for (String value : wrongValuesFor(field)) {
                    probes++;
                    Answer a = asFirstAllowedRole(keys, op.method(), path, field.bodyWith(value));
                    if (a.status() != 400 || !a.errorFields().contains(field.name())) {
                        failures.add(op + " " + field.name() + "=" + value + " -> " + a);
                    }
                }
            }
        }
        int sent = probes;
        assertTrue(fields >= 150, "body fields in the OpenAPI document: " + fields);
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + sent + " probes not refused naming the"
                + " field:\n" + String.join("\n", failures));
        System.out.printf("StrictInputTest: %d wrong-type probes to %d body fields, all 400 naming the field%n",
                probes, fields);
    }

    @Test
    void everyJsonBodyRefusesDataAfterTheValueAndAMissingContentType() throws Exception {
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (Operation op : openApi.apiOperations()) {
            if (!openApi.takesJson(op)) {
                continue;
            }
            String path = fill(op.template());
            for (String trailing : List.of("{} {}", "{}x", "{} 1")) {
                probes++;
                Answer a = asFirstAllowedRole(keys, op.method(), path, trailing);
                if (a.status() != 400 || !a.errorFields().contains("body")) {
                    failures.add(op + " " + trailing + " -> " + a);
                }
            }
            probes++;
            HttpResponse<String> untyped = withoutContentType(op.method(), path, "{}");
            if (untyped.statusCode() != 415 || !untyped.body().contains(MediaType.APPLICATION_JSON)) {
                failures.add(op + " without Content-Type -> " + untyped.statusCode() + " " + untyped.body());
            }
        }
        int sent = probes;
        assertTrue(probes > 60, "probes sent: " + probes);
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + sent + " probes not refused:\n"
                + String.join("\n", failures));
        System.out.printf("StrictInputTest: %d trailing-data and Content-Type probes, all refused%n", probes);
    }

    @Test
    void everyQueryParameterRefusesANulNamingIt() {
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (Operation op : openApi.apiOperations()) {
            for (Field parameter : openApi.queryParameters(op)) {
                probes++;
                Answer a = asFirstAllowedRole(keys, op.method(), fill(op.template()) + "?" + parameter.name() + "=a%00b",
                        null);
                if (a.status() != 400 || !a.errorFields().contains(parameter.name())) {
                    failures.add(op + " ?" + parameter.name() + " -> " + a);
                }
            }
        }
        int sent = probes;
        assertTrue(probes >= 15, "query parameters in the OpenAPI document: " + probes);
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + sent + " probes not refused:\n"
                + String.join("\n", failures));
        System.out.printf("StrictInputTest: %d NUL query parameter probes, all 400 naming the parameter%n", probes);
    }

    @Test
    void moneyAsAStringIsStillAccepted() {
        Answer a = post("/api/v1/risk/capital", Map.of("pd", 0.02, "lgd", 0.45, "maturityYears", 2.5,
                "ead", "1000000"), keys.get(0));
        assertEquals(200, a.status(), a::toString);
    }

    private static List<String> wrongValuesFor(Field field) {
        if (field.isEnum()) {
            return FOR_ENUM;
        }
        return switch (field.type()) {
            case "boolean" -> FOR_BOOLEAN;
            case "integer" -> FOR_INTEGER;
            case "number" -> FOR_NUMBER;
            default -> "date".equals(field.format()) ? FOR_DATE : "uuid".equals(field.format()) ? FOR_UUID
                    : FOR_TEXT;
        };
    }

    private static String fill(String template) {
        return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    /** Sent with the JDK's client: Micronaut's adds {@code application/json} to any body it sends. */
    private HttpResponse<String> withoutContentType(HttpMethod method, String path, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> last = null;
        for (String key : keys) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .method(method.name(), java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .header("Authorization", "Bearer " + key).build();
            last = plain.send(request, HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() != 403) {
                return last;
            }
        }
        return last;
    }

}
