package com.ipledge.valuation;

import java.math.BigDecimal;

/**
 * One bar of the tornado: the closed-form income value with one input moved to {@code lowInput} and to
 * {@code highInput}, all others at their means. {@code input} is the API path of the input moved.
 */
public record SensitivityRow(String input, double lowInput, double highInput, BigDecimal valueAtLow,
        BigDecimal valueAtHigh, BigDecimal swing) {
}
