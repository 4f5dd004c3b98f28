package com.ipledge.service.risk;

import com.ipledge.service.money.Money;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.FieldErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad fields of one request, at most one message per field (the first found). Unlike {@link FieldErrors}
 * it answers "already reported?" in constant time: a simulation request may name tens of thousands of fields.
 */
final class Findings {
    private final Map<String, String> byField = new LinkedHashMap<>();

    void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    boolean has(String field) {
        return byField.containsKey(field);
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    void required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
    }

    /** The service's rule for an amount of yuan ({@link Money#check}), recorded here. */
    void money(String field, BigDecimal amount) {
        FieldErrors scratch = new FieldErrors();
        Money.check(scratch, field, amount, false);
        if (!scratch.isEmpty()) {
            try {
                scratch.throwIfAny();
            } catch (DomainProblem p) {
                p.errors().forEach(e -> add(e.field(), e.message()));
            }
        }
    }

    List<FieldError> list() {
        List<FieldError> list = new ArrayList<>(byField.size());
        byField.forEach((field, message) -> list.add(new FieldError(field, message)));
        return list;
    }
}
