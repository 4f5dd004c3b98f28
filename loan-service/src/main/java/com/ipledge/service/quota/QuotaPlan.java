package com.ipledge.service.quota;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A bank's earmarked credit plan (单列信贷计划) for one year and segment. */
@Introspected
public record QuotaPlan(UUID id, UUID bankId, int year, String segment, BigDecimal amount, BigDecimal reserved,
                        BigDecimal drawn, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    public static final String ALL = "ALL";

    public BigDecimal available() {
        return amount.subtract(reserved).subtract(drawn);
    }
}
