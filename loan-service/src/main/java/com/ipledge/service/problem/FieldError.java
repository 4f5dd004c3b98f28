package com.ipledge.service.problem;

import io.micronaut.core.annotation.Introspected;

/** One bad field of a request: {@code field} is the JSON path a client sent, e.g. {@code collateral[0].assetId}. */
@Introspected
public record FieldError(String field, String message) {
}
