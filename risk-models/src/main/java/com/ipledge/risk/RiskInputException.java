package com.ipledge.risk;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input to a risk engine. Carries every problem found, each with the JSON path a bank would use in the HTTP
 * API (for example {@code groups[2].pd}), so that the service can answer 400/422 naming each bad field.
 */
public final class RiskInputException extends IllegalArgumentException {

    /** One bad field: {@code field} is the request's JSON path, {@code message} says what is wrong in English. */
    public record Problem(String field, String message) {
    }

    private final List<Problem> problems;

    public RiskInputException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
