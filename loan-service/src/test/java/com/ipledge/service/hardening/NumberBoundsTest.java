package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.OpenApiDocument;
import com.ipledge.service.support.OpenApiDocument.Field;
import com.ipledge.service.support.OpenApiDocument.Operation;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A number that costs the service far more than the request (issue 17: {@code "ead": 1e20000000} took ~20 s of
 * CPU; {@code 1e999999999} answered 500), sent to every numeric field of every JSON body and every numeric query
 * parameter the OpenAPI document lists (a field added later is covered without touching this test): each is
 * answered 400 naming that field.
 */
@MicronautTest(transactional = false)
class NumberBoundsTest extends ApiTestBase {
    /** Huge and tiny exponents, as numbers and as strings (money is accepted as a string), too many digits. */
    private static final List<String> ABSURD_JSON = List.of("1e20000000", "1e999999999", "-1e999999999",
            "1e-999999999", "\"1e20000000\"", "\"-1e999999999\"", "1e40", "0." + "3".repeat(40),
            "1" + "0".repeat(1500));
    private static final List<String> ABSURD_QUERY = List.of("1e20000000", "1e999999999", "-1e-999999999",
            "9".repeat(40), "1" + "0".repeat(1500));

    private List<String> keys;
    private OpenApiDocument openApi;

    @BeforeAll
    void keysOfEveryRole() {
        keys = keysOfEveryRole("BOUNDS");
        openApi = openApiDocument();
    }

    @Test
    void everyNumericFieldAndParameterRejectsAnAbsurdNumberNamingIt() {
        List<String> failures = new ArrayList<>();
        int fields = 0;
        int probes = 0;
        long started = System.nanoTime();
        for (Operation op : openApi.apiOperations()) {
            String path = op.template().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (Field field : openApi.jsonBodyFields(op)) {
                if (!Set.of("number", "integer").contains(field.type())) {
                    continue;
                }
                fields++;
                for (String value : ABSURD_JSON) {
                    probes++;
                    Answer a = asFirstAllowedRole(keys, op.method(), path, field.bodyWith(value));
                    check(failures, op + " " + field.name() + "=" + abbreviate(value), field.name(), a);
                }
            }
            for (Field parameter : openApi.queryParameters(op)) {
                if (!Set.of("number", "integer").contains(parameter.type())) {
                    continue;
                }
                fields++;
                for (String value : ABSURD_QUERY) {
                    probes++;
                    String uri = path + "?" + parameter.name() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                    Answer a = asFirstAllowedRole(keys, op.method(), uri, null);
                    check(failures, op + " ?" + parameter.name() + "=" + abbreviate(value), parameter.name(), a);
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int sent = probes;
        assertTrue(fields >= 40, "numeric fields and parameters in the OpenAPI document: " + fields);
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + sent + " probes not answered 400 naming the"
                + " field (all took " + millis + " ms):\n" + String.join("\n", failures));
        System.out.printf("NumberBoundsTest: %d probes to %d numeric fields and parameters, all 400 naming the field,"
                + " in %d ms%n", probes, fields, millis);
    }

    private static void check(List<String> failures, String probe, String field, Answer a) {
        if (a.status() != 400 || !a.contentType().startsWith("application/problem+json")
                || !a.errorFields().contains(field)) {
            failures.add(probe + " -> " + a.status() + " " + abbreviate(a.raw()));
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }


    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }
}
