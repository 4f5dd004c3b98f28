package com.ipledge.risk.portfolio;

import java.math.BigDecimal;

/**
 * One distinct loan. Tags (any may be null, reported as "UNSPECIFIED") group it for contributions and the HHI;
 * {@code industry} also picks its sector factor in the multi-factor model.
 */
public record Exposure(String id, BigDecimal ead, double pd, double lgd, String bank, String industry,
                       String region, String ipType) {

    public String tag(Tag tag) {
        return switch (tag) {
            case BANK -> bank;
            case INDUSTRY -> industry;
            case REGION -> region;
            case IP_TYPE -> ipType;
        };
    }
}
