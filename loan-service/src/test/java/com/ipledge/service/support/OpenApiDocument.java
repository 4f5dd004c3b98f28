package com.ipledge.service.support;

import io.micronaut.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document the service serves, walked as a client would read it: its API operations, their query
 * parameters and every field of their JSON bodies (nested objects and arrays included), so that a test can probe
 * each of them and cover a field added later without being touched.
 */
public final class OpenApiDocument {
    private static final int MAX_DEPTH = 8;

    private final Map<String, Object> root;

    /** One operation: method, path template and its OpenAPI object. */
    public record Operation(HttpMethod method, String template, Map<String, Object> spec) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /**
     * A scalar field of a JSON body: the way to it (field names, and 0 for an array's element) and its resolved
     * schema ({@code type}, {@code format}, {@code enum}).
     */
    public record Field(List<Object> segments, Map<String, Object> schema) {
        /** The field as a problem's {@code errors[].field} names it: {@code groups[0].ead}. */
        public String name() {
            StringBuilder sb = new StringBuilder();
            for (Object s : segments) {
                if (s instanceof Integer i) {
                    sb.append('[').append(i).append(']');
                } else {
                    sb.append(sb.length() > 0 ? "." : "").append(s);
                }
            }
            return sb.toString();
        }

        public String type() {
            return (String) schema.get("type");
        }

        public String format() {
            return (String) schema.get("format");
        }

        public boolean isEnum() {
            return schema.get("enum") != null;
        }

        /** A body that holds only this field, set to {@code rawJson} (written as is: any JSON text). */
        public String bodyWith(String rawJson) {
            String json = rawJson;
            for (int i = segments.size() - 1; i >= 0; i--) {
                json = segments.get(i) instanceof Integer ? "[" + json + "]"
                        : "{\"" + segments.get(i) + "\":" + json + "}";
            }
            return json;
        }
    }

    @SuppressWarnings("unchecked")
    public OpenApiDocument(String yaml) {
        this.root = (Map<String, Object>) new Yaml().load(yaml);
    }

    /** Every operation under {@code /api/}. */
    @SuppressWarnings("unchecked")
    public List<Operation> apiOperations() {
        List<Operation> out = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) root.get("paths");
        paths.forEach((template, item) -> {
            if (template.startsWith("/api/")) {
                ((Map<String, Object>) item).forEach((method, spec) -> out.add(new Operation(
                        HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), template, (Map<String, Object>) spec)));
            }
        });
        return out;
    }

    /** The query parameters of an operation, each with its resolved schema. */
    @SuppressWarnings("unchecked")
    public List<Field> queryParameters(Operation operation) {
        List<Field> out = new ArrayList<>();
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.spec().getOrDefault(
                "parameters", List.of());
        for (Map<String, Object> p : parameters) {
            if ("query".equals(p.get("in"))) {
                out.add(new Field(List.of(p.get("name")), resolve((Map<String, Object>) p.get("schema"))));
            }
        }
        return out;
    }

    /** Whether the operation takes a JSON body. */
    public boolean takesJson(Operation operation) {
        return jsonBodySchema(operation) != null;
    }

    /** Every scalar field of the operation's JSON body, however deep; empty when it takes none. */
    public List<Field> jsonBodyFields(Operation operation) {
        List<Field> out = new ArrayList<>();
        Map<String, Object> schema = jsonBodySchema(operation);
        if (schema != null) {
            collect(resolve(schema), new ArrayList<>(), out);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonBodySchema(Operation operation) {
        Map<String, Object> body = (Map<String, Object>) operation.spec().get("requestBody");
        if (body == null) {
            return null;
        }
        Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) body.get("content"))
                .get("application/json");
        return json == null ? null : (Map<String, Object>) json.get("schema");
    }

    @SuppressWarnings("unchecked")
    private void collect(Map<String, Object> schema, List<Object> segments, List<Field> out) {
        if (segments.size() > MAX_DEPTH) {
            return;
        }
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        if (properties != null) {
            properties.forEach((name, s) -> {
                List<Object> next = new ArrayList<>(segments);
                next.add(name);
                collect(resolve((Map<String, Object>) s), next, out);
            });
        } else if ("array".equals(schema.get("type"))) {
            List<Object> next = new ArrayList<>(segments);
            next.add(0);
            collect(resolve((Map<String, Object>) schema.get("items")), next, out);
        } else if (schema.get("type") != null && !"object".equals(schema.get("type"))) {
            out.add(new Field(List.copyOf(segments), schema));
        }
    }

    /** Follows {@code $ref} and a single {@code allOf} (how nullable references are written). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> s = schema;
        for (int i = 0; i < MAX_DEPTH; i++) {
            if (s.get("$ref") instanceof String ref) {
                Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) root.get("components"))
                        .get("schemas");
                s = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (s.get("allOf") instanceof List<?> all && all.size() == 1) {
                s = (Map<String, Object>) all.get(0);
            } else {
                return s;
            }
        }
        return s;
    }
}
