package com.ipledge.rules;

/** One bad input: {@code field} is the JSON path of the offending value, e.g. {@code collateral[2].type}. */
public record Problem(String field, String message) {
}
