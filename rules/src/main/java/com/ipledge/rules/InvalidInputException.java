package com.ipledge.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before any rule runs when the input (or the policy parameters) is malformed; lists every problem found. */
public final class InvalidInputException extends IllegalArgumentException {
    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
