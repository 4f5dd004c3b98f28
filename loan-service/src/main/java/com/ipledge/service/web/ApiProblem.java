package com.ipledge.service.web;

import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on, answered as {@code application/problem+json}. Services throw it; the
 * exception handler renders it. Nothing is written when it is thrown inside a transaction.
 */
public class ApiProblem extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ApiProblem(HttpStatus status, String type, String detail, List<FieldError> errors,
                      Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    /** 400: the request is malformed or a field is invalid. */
    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors, Map.of());
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** 422: well-formed, but it breaks a business rule. */
    public static ApiProblem unprocessable(String type, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, type, detail, List.of(), Map.of());
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " not found", List.of(), Map.of());
    }

    public static ApiProblem conflict(String type, String detail) {
        return conflict(type, detail, Map.of());
    }

    public static ApiProblem conflict(String type, String detail, Map<String, Object> extensions) {
        return new ApiProblem(HttpStatus.CONFLICT, type, detail, List.of(), extensions);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
