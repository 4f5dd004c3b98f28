package com.ipledge.service.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.OpenApiDocument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 20, the API reference: every operation of the served document has a summary, a unique and meaningful
 * operation id, the bearer key where one is needed and its problem+json error answers; the components declare
 * the scheme and the Problem schema; the Swagger UI page still loads.
 */
@MicronautTest(transactional = false)
class OpenApiDocumentTest extends ApiTestBase {
    private static final Set<String> ANONYMOUS = Set.of("GET /api/v1/business-date", "GET /api/v1/audit/public-key");

    private Map<String, Object> root;
    private List<OpenApiDocument.Operation> operations;

    @BeforeAll
    void readDocument() {
        Answer spec = send(HttpRequest.GET("/openapi.yml"));
        assertEquals(200, spec.status());
        root = new Yaml().load(spec.raw());
        operations = openApiDocument().apiOperations();
        assertTrue(operations.size() > 60, () -> "only " + operations.size() + " operations");
    }

    @Test
    void everyOperationHasASummaryAndAUniqueMeaningfulOperationId() {
        Map<String, String> seen = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (OpenApiDocument.Operation op : operations) {
            Object summary = op.spec().get("summary");
            if (!(summary instanceof String s) || s.isBlank()) {
                wrong.add(op + ": no summary");
            }
            Object id = op.spec().get("operationId");
            if (!(id instanceof String operationId) || operationId.isBlank()) {
                wrong.add(op + ": no operationId");
                continue;
            }
            if (operationId.matches(".*_\\d+$")) {
                wrong.add(op + ": generated operationId " + operationId);
            }
            if (!operationId.matches("[a-z]+[A-Z][A-Za-z0-9]*")) {
                wrong.add(op + ": operationId " + operationId + " is not a verb and a noun");
            }
            String before = seen.put(operationId, op.toString());
            if (before != null) {
                wrong.add(op + ": operationId " + operationId + " also names " + before);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void securedOperationsReferenceTheBearerSchemeAndAnonymousOnesDoNot() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiDocument.Operation op : operations) {
            boolean secured = op.spec().get("security") instanceof List<?> l
                    && l.contains(Map.of("bearerAuth", List.of()));
            if (secured == ANONYMOUS.contains(op.toString())) {
                wrong.add(op + (secured ? ": anonymous but asks for a key" : ": asks for no key"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The document says what the service does: a GET that needs no key answers without one, the others 401. */
    @Test
    void theDocumentedSecurityIsTheEnforcedOne() {
        for (OpenApiDocument.Operation op : operations) {
            if (op.method() != HttpMethod.GET || op.template().contains("{")) {
                continue;
            }
            Answer a = get(op.template(), null);
            if (ANONYMOUS.contains(op.toString())) {
                assertNotEquals(401, a.status(), op::toString);
            } else {
                assertEquals(401, a.status(), op::toString);
                assertTrue(a.contentType().startsWith("application/problem+json"), op::toString);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDocumentsItsErrorsAsProblems() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiDocument.Operation op : operations) {
            Map<String, Object> responses = (Map<String, Object>) op.spec().get("responses");
            Set<String> codes = new TreeSet<>(responses.keySet());
            Set<String> problems = new TreeSet<>();
            responses.forEach((code, response) -> {
                if (code.startsWith("4") && content(resolve((Map<String, Object>) response))
                        .containsKey("application/problem+json")) {
                    problems.add(code);
                }
            });
            Set<String> expected = new TreeSet<>(Set.of("400", "404", "429"));
            if (!ANONYMOUS.contains(op.toString())) {
                expected.addAll(Set.of("401", "403"));
            }
            if (!problems.containsAll(expected)) {
                wrong.add(op + ": problem answers " + problems + " of " + codes);
            }
            if (!codes.stream().anyMatch(c -> c.startsWith("2"))) {
                wrong.add(op + ": no successful answer");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComponentsDeclareTheBearerSchemeAndTheProblemSchema() {
        Map<String, Object> components = (Map<String, Object>) root.get("components");
        Map<String, Object> bearer = (Map<String, Object>) ((Map<String, Object>) components.get("securitySchemes"))
                .get("bearerAuth");
        assertEquals("http", bearer.get("type"));
        assertEquals("bearer", bearer.get("scheme"));

        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        Map<String, Object> problem = (Map<String, Object>) schemas.get("Problem");
        assertNotNull(problem, "Problem schema");
        Map<String, Object> properties = (Map<String, Object>) problem.get("properties");
        assertTrue(properties.keySet().containsAll(List.of("type", "title", "status", "detail", "instance",
                "errors")), properties::toString);
        Map<String, Object> fieldError = (Map<String, Object>) schemas.get("FieldError");
        assertTrue(((Map<String, Object>) fieldError.get("properties")).keySet()
                .containsAll(List.of("field", "message")));

        // every problem response has an example body shaped like the problem the service answers
        Map<String, Object> responses = (Map<String, Object>) components.get("responses");
        assertFalse(responses.isEmpty());
        Answer real = get("/api/v1/loans", null);
        responses.forEach((name, response) -> {
            Map<String, Object> media = (Map<String, Object>) content((Map<String, Object>) response)
                    .get("application/problem+json");
            assertEquals("#/components/schemas/Problem", ((Map<String, Object>) media.get("schema")).get("$ref"));
            Map<String, Object> example = (Map<String, Object>) media.get("example");
            assertNotNull(example, name);
            assertTrue(example.keySet().containsAll(List.of("type", "title", "status", "detail")), name);
        });
        Map<String, Object> unauthorized = (Map<String, Object>) ((Map<String, Object>) content(
                (Map<String, Object>) responses.get("Unauthorized")).get("application/problem+json")).get("example");
        assertEquals(real.get("status"), unauthorized.get("status"));
        assertEquals(real.get("type"), unauthorized.get("type"));
        assertEquals(real.get("title"), unauthorized.get("title"));
    }

    @Test
    void theSwaggerUiPageStillLoads() {
        Answer docs = send(HttpRequest.GET("/docs"));
        assertEquals(200, docs.status());
        assertTrue(docs.raw().contains("swagger-ui-bundle.js") && docs.raw().contains("/docs/init.js"));
        Answer init = send(HttpRequest.GET("/docs/init.js"));
        assertEquals(200, init.status());
        assertTrue(init.raw().contains("/openapi.yml"));
        assertEquals(200, send(HttpRequest.GET(DocsController.SWAGGER_UI + "/swagger-ui-bundle.js")).status());
        assertEquals(200, send(HttpRequest.GET(DocsController.SWAGGER_UI + "/swagger-ui.css")).status());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> response) {
        Object ref = response.get("$ref");
        if (ref instanceof String r && r.startsWith("#/components/responses/")) {
            Map<String, Object> components = (Map<String, Object>) root.get("components");
            return (Map<String, Object>) ((Map<String, Object>) components.get("responses"))
                    .get(r.substring("#/components/responses/".length()));
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> content(Map<String, Object> response) {
        Object content = response.get("content");
        return content instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
