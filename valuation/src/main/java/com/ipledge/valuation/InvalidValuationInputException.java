package com.ipledge.valuation;

import java.util.List;
import java.util.stream.Collectors;

/** The request cannot be valued; {@link #problems()} names every bad field (all of them, not just the first). */
public class InvalidValuationInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public InvalidValuationInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
