package com.ipledge.service.valuation;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.util.List;

/**
 * The desk valuation's market approach: ipledge's own comparables, each with its adjustment factors, or, with
 * none, {@code status} {@code NONE} and a note saying what was looked for.
 *
 * @param status {@code USED} (the comparables took part in the reconciliation) or {@code NONE}
 */
@Introspected
public record MarketEvidence(String status, String note, List<Comparable> comparables) {

    /** One comparable: its price x the product of its factors = its adjusted price. */
    @Introspected
    public record Comparable(String kind, String reference, String method, BigDecimal price, String on,
                             String industryCode, List<Factor> adjustmentFactors, BigDecimal adjustedPrice) {
    }

    /** One adjustment and why. */
    @Introspected
    public record Factor(String name, double factor, String reason) {
    }
}
