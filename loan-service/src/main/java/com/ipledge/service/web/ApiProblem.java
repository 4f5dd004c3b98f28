package com.ipledge.service.web;

import com.ipledge.service.problem.CapacityExceeded;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.NotPermitted;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.problem.UnsupportedFormat;
import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.Map;

/**
 * A failure answered as {@code application/problem+json}, with its HTTP status. Only the web edge makes one: filters
 * and handlers directly, and {@link #from} for the domain's own {@link DomainProblem}s, whose kind decides the status
 * here and nowhere else.
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

    /** The answer for a domain problem: its kind decides the status. */
    public static ApiProblem from(DomainProblem p) {
        return new ApiProblem(statusOf(p), p.type(), p.getMessage(), p.errors(), p.extensions());
    }

    static HttpStatus statusOf(DomainProblem p) {
        if (p instanceof InvalidInput) {
            return HttpStatus.BAD_REQUEST;
        } else if (p instanceof NotFound) {
            return HttpStatus.NOT_FOUND;
        } else if (p instanceof Conflict) {
            return HttpStatus.CONFLICT;
        } else if (p instanceof RuleViolation) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        } else if (p instanceof NotPermitted) {
            return HttpStatus.FORBIDDEN;
        } else if (p instanceof CapacityExceeded) {
            return HttpStatus.TOO_MANY_REQUESTS;
        } else if (p instanceof UnsupportedFormat) {
            return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        }
        throw new IllegalStateException("no status for " + p.getClass());
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
