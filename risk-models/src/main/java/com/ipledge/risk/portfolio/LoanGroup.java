package com.ipledge.risk.portfolio;

import java.math.BigDecimal;

/**
 * {@code count} identical loans, each with exposure {@code ead} (yuan, per loan), default probability {@code pd}
 * and loss given default {@code lgd}. {@code sector} (optional) is the industry whose factor drives the group in
 * the multi-factor model, and its level in the "industry" contributions.
 */
public record LoanGroup(long count, BigDecimal ead, double pd, double lgd, String sector) {
}
