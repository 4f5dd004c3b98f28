package com.ipledge.valuation;

/** One bad input: {@code field} is the JSON path a bank uses in the HTTP API, e.g. {@code assumptions.royaltyRate.mean}. */
public record FieldProblem(String field, String message) {
}
