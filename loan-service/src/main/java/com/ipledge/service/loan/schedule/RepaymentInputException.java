package com.ipledge.service.loan.schedule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input to schedule generation or to a repayment, naming every bad field at once. {@code field} is the JSON
 * name a bank uses in the HTTP API ({@code amount}, {@code paidOn} of {@code POST /loans/{id}/repayments}), so the
 * service can answer 400/422 with a problem body without translating.
 */
public final class RepaymentInputException extends RuntimeException {

    /** One bad field and why. */
    public record FieldProblem(String field, String message) {
    }

    private final transient List<FieldProblem> problems;

    RepaymentInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Throws if {@code problems} is not empty. */
    static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new RepaymentInputException(problems);
        }
    }
}
