package com.ipledge.service.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Issue 20: the error answers of the API, written once. Every 4xx and 5xx of this service is an RFC 9457
 * problem ({@code application/problem+json}, see {@code web.Problems}); the generator knows only the successful
 * answer of each controller method, so this adds to the served document a {@code Problem} schema, one reusable
 * response per error status with an example body, and the references to them on every {@code /api} operation:
 * 400, 404 and 429 everywhere, 401 and 403 where a key is required, 409 on the operations that change state.
 * A status the controllers already document is left as it is.
 */
final class ProblemResponses {
    static final String SCHEME = "bearerAuth";
    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Set<String> CHANGING = Set.of("put", "post", "delete", "patch");

    private ProblemResponses() {
    }

    /** The document with the problem schema and responses added (YAML in, YAML out). */
    @SuppressWarnings("unchecked")
    static String addTo(String yaml) {
        Map<String, Object> root = (Map<String, Object>) loader().load(yaml);
        Map<String, Object> components = child(root, "components");
        child(components, "schemas").putAll(schemas());
        child(components, "responses").putAll(responses());
        Map<String, Object> schemes = child(components, "securitySchemes");
        schemes.putIfAbsent(SCHEME, bearerScheme());
        Map<String, Object> paths = (Map<String, Object>) root.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            ((Map<String, Object>) item).forEach((method, value) -> {
                if (METHODS.contains(method) && value instanceof Map<?, ?> op) {
                    addResponses((Map<String, Object>) op, method);
                }
            });
        });
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(root);
    }

    @SuppressWarnings("unchecked")
    private static void addResponses(Map<String, Object> op, String method) {
        Map<String, Object> responses = child(op, "responses");
        boolean secured = op.get("security") instanceof List<?> l && !l.isEmpty();
        put(responses, "400", "BadRequest");
        if (secured) {
            put(responses, "401", "Unauthorized");
            put(responses, "403", "Forbidden");
        }
        put(responses, "404", "NotFound");
        if (CHANGING.contains(method)) {
            put(responses, "409", "Conflict");
        }
        put(responses, "429", "TooManyRequests");
    }

    private static void put(Map<String, Object> responses, String status, String name) {
        responses.putIfAbsent(status, Map.of("$ref", "#/components/responses/" + name));
    }

    private static Map<String, Object> bearerScheme() {
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("type", "http");
        scheme.put("scheme", "bearer");
        scheme.put("bearerFormat", "ipk_...");
        return scheme;
    }

    private static Map<String, Object> schemas() {
        Map<String, Object> fieldError = new LinkedHashMap<>();
        fieldError.put("type", "object");
        fieldError.put("description", "One invalid field of the request.");
        fieldError.put("required", List.of("field", "message"));
        fieldError.put("properties", Map.of(
                "field", Map.of("type", "string", "description", "The field, as `groups[0].ead`"),
                "message", Map.of("type", "string", "description", "What is wrong with it")));

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "format", "uri",
                "description", "Identifies the kind of problem"));
        properties.put("title", Map.of("type", "string", "description", "The HTTP reason phrase"));
        properties.put("status", Map.of("type", "integer", "format", "int32", "description", "The HTTP status"));
        properties.put("detail", Map.of("type", "string", "description", "What went wrong, for a person"));
        properties.put("instance", Map.of("type", "string", "description", "The request the problem is about"));
        properties.put("errors", Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/FieldError"),
                "description", "The invalid fields of a 400"));
        properties.put("requestId", Map.of("type", "string", "description", "The request's X-Request-Id"));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put("description", "An RFC 9457 problem: the body of every error answer.");
        problem.put("required", List.of("type", "title", "status"));
        problem.put("properties", properties);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Problem", problem);
        out.put("FieldError", fieldError);
        return out;
    }

    private static Map<String, Object> responses() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("BadRequest", response(400, "Bad Request", "bad-request",
                "The request is invalid: errors names each field that is wrong",
                "1 field is invalid", List.of(Map.of("field", "amount", "message", "must be greater than 0"))));
        out.put("Unauthorized", response(401, "Unauthorized", "unauthorized",
                "No API key, or an unknown or revoked one", "A valid API key is required", List.of()));
        out.put("Forbidden", response(403, "Forbidden", "forbidden",
                "The key's role may not do this", "This role may not do this", List.of()));
        out.put("NotFound", response(404, "Not Found", "not-found",
                "No such resource for the caller (another bank's is not found either)",
                "No such resource", List.of()));
        out.put("Conflict", response(409, "Conflict", "conflict",
                "The resource's state does not allow it, or the Idempotency-Key was used with another body",
                "The application is not in a state that allows this", List.of()));
        out.put("TooManyRequests", response(429, "Too Many Requests", "rate-limited",
                "Too many requests: retry after the seconds of Retry-After",
                "Too many requests. Retry after 1 seconds", List.of()));
        return out;
    }

    private static Map<String, Object> response(int status, String title, String type, String description,
                                                String detail, List<Map<String, Object>> errors) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://ipledge.dev/problems/" + type);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        if (!errors.isEmpty()) {
            example.put("errors", errors);
        }
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("schema", Map.of("$ref", "#/components/schemas/Problem"));
        media.put("example", example);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", description);
        response.put("content", Map.of(PROBLEM, media));
        return response;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    /** Reads the document keeping dates as the strings they are (written back, they are quoted as such). */
    private static Yaml loader() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(Tag.INT, INT, "-+0123456789");
                addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, resolver);
    }
}
