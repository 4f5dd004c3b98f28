package com.ipledge.service.problem;

import java.util.List;
import java.util.Map;

/** Well-formed, but it breaks a business rule (a quota, a term, a policy limit). */
public final class RuleViolation extends DomainProblem {
    public RuleViolation(String type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(type, detail, errors, extensions);
    }

    public static RuleViolation of(String type, String detail) {
        return new RuleViolation(type, detail, List.of(), Map.of());
    }

    @Override
    public RuleViolation withErrors(List<FieldError> renamed) {
        return new RuleViolation(type(), getMessage(), renamed, extensions());
    }
}
