package com.ipledge.service.web;

import com.ipledge.service.problem.FieldError;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds RFC 9457 problem bodies, the one shape of every 4xx/5xx this service answers. */
public final class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    public static final String TYPE_BASE = "https://ipledge.dev/problems/";

    private Problems() {
    }

    public static Map<String, Object> body(HttpStatus status, String type, String detail, List<FieldError> errors,
                                           Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", status.getReason());
        body.put("status", status.getCode());
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        String requestId = org.slf4j.MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        body.putAll(extensions);
        return body;
    }

    public static MutableHttpResponse<Map<String, Object>> respond(MutableHttpResponse<?> response,
                                                                   Map<String, Object> body) {
        return response.body(body).contentType(PROBLEM_JSON);
    }

    /** A stable slug for a status the framework raised (no route, wrong method, ...). */
    public static String typeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "bad-request";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case REQUEST_ENTITY_TOO_LARGE -> "request-too-large";
            case TOO_MANY_REQUESTS -> "rate-limited";
            default -> status.getCode() >= 500 ? "internal" : "http-" + status.getCode();
        };
    }
}
