package com.ipledge.service.problem;

import java.util.List;
import java.util.Map;

/** The request is malformed or a field is invalid; every bad field is named. */
public final class InvalidInput extends DomainProblem {
    public InvalidInput(String type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(type, detail, errors, extensions);
    }

    public static InvalidInput of(List<FieldError> errors) {
        return new InvalidInput("validation", errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid", errors, Map.of());
    }

    public static InvalidInput of(String field, String message) {
        return of(List.of(new FieldError(field, message)));
    }

    /** Invalid for a reason with its own name (e.g. {@code simulation-too-large}). */
    public static InvalidInput of(String type, String detail, List<FieldError> errors) {
        return new InvalidInput(type, detail, errors, Map.of());
    }

    @Override
    public InvalidInput withErrors(List<FieldError> renamed) {
        return new InvalidInput(type(), getMessage(), renamed, extensions());
    }
}
