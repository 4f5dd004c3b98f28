package com.ipledge.service.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of a request so that the client hears about all of them at once. */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Throws an invalid-input problem naming every field collected so far, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }
}
