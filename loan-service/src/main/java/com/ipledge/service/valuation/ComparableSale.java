package com.ipledge.service.valuation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One price ipledge holds for an asset like the one valued.
 *
 * @param kind                     {@code RECOVERY} (a realised disposal of a pledged asset) or {@code APPRAISAL} (an
 *                                 accepted appraisal report of another asset)
 * @param reference                the loan whose recoveries by {@code method} are summed, or the report's id
 * @param method                   AUCTION, TRANSFER or LICENCE for recoveries; INCOME, MARKET or COST for reports
 * @param price                    yuan, the gross amount realised (summed), or the appraised value
 * @param remainingLegalLifeYears  the sold right's legal life left on {@code on}; null for marks (renewable)
 */
@Introspected
public record ComparableSale(String kind, UUID reference, String method, BigDecimal price, LocalDate on,
                             String industryCode, @Nullable BigDecimal remainingLegalLifeYears) {
}
