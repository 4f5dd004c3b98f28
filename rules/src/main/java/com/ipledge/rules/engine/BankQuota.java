package com.ipledge.rules.engine;

import java.math.BigDecimal;

/** The bank's available headroom in its earmarked credit plan, as a fact. */
public record BankQuota(BigDecimal available) {
}
