package com.ipledge.service.problem;

import java.util.List;
import java.util.Map;

/** The named record does not exist, or is not the caller's to see (the two are not told apart). */
public final class NotFound extends DomainProblem {
    public NotFound(String type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(type, detail, errors, extensions);
    }

    public static NotFound of(String what) {
        return new NotFound("not-found", what + " not found", List.of(), Map.of());
    }

    @Override
    public NotFound withErrors(List<FieldError> renamed) {
        return new NotFound(type(), getMessage(), renamed, extensions());
    }
}
