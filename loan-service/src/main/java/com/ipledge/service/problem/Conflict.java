package com.ipledge.service.problem;

import java.util.List;
import java.util.Map;

/** The request is valid but clashes with the record's current state (a status, a duplicate, a reused key). */
public final class Conflict extends DomainProblem {
    public Conflict(String type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(type, detail, errors, extensions);
    }

    public static Conflict of(String type, String detail) {
        return of(type, detail, Map.of());
    }

    public static Conflict of(String type, String detail, Map<String, Object> extensions) {
        return new Conflict(type, detail, List.of(), extensions);
    }

    @Override
    public Conflict withErrors(List<FieldError> renamed) {
        return new Conflict(type(), getMessage(), renamed, extensions());
    }
}
