package com.ipledge.service.problem;

import java.util.List;
import java.util.Map;

/** A shared capacity is used up for now (a bank's batch queue); the same request may succeed later. */
public final class CapacityExceeded extends DomainProblem {
    public CapacityExceeded(String type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(type, detail, errors, extensions);
    }

    public static CapacityExceeded of(String type, String detail, Map<String, Object> extensions) {
        return new CapacityExceeded(type, detail, List.of(), extensions);
    }

    @Override
    public CapacityExceeded withErrors(List<FieldError> renamed) {
        return new CapacityExceeded(type(), getMessage(), renamed, extensions());
    }
}
