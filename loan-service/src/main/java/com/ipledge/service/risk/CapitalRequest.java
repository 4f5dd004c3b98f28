package com.ipledge.service.risk;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;

/**
 * The body of {@code POST /risk/capital}. Numbers are boxed so that a missing field is reported by name rather
 * than read as 0. {@code assetClass} absent means CORPORATE; {@code maturityYears} is needed by the corporate
 * classes only (retail has no maturity adjustment); {@code turnoverEurMillions} by SME_CORPORATE only.
 */
@Introspected
public record CapitalRequest(@Nullable Double pd, @Nullable Double lgd, @Nullable Double maturityYears,
                             @Nullable BigDecimal ead, @Nullable String assetClass,
                             @Nullable Double turnoverEurMillions) {
}
