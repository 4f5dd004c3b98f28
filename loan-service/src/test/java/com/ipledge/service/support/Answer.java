package com.ipledge.service.support;

import io.micronaut.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/** What the service answered: status, headers and the body parsed as JSON (a map, a list or null). */
public record Answer(int status, HttpHeaders headers, String raw, Object json) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> body() {
        return (Map<String, Object>) json;
    }

    public Object get(String field) {
        return body().get(field);
    }

    public String text(String field) {
        Object v = body().get(field);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> errors() {
        return (List<Map<String, Object>>) body().get("errors");
    }

    /** The fields named by a problem+json body's {@code errors}. */
    public List<String> errorFields() {
        return errors() == null ? List.of() : errors().stream().map(e -> (String) e.get("field")).toList();
    }

    public String contentType() {
        return headers.getContentType().orElse("");
    }

    @Override
    public String toString() {
        return status + " " + raw;
    }
}
