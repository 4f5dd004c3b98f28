package com.ipledge.valuation;

import java.time.LocalDate;

/**
 * The asset's legal term at the valuation date. For a patent {@code expiresOn} is the statutory expiry and caps the
 * economic life. For a mark it is the end of the current registration term; marks are renewable, so the life is not
 * capped, but each renewal falling due within the life survives with {@code renewalSurvivalProbability}.
 *
 * @param remainingLegalLifeYears whole years plus the elapsed fraction of the last (anniversary-to-anniversary) year
 */
public record LegalLife(LocalDate expiresOn, double remainingLegalLifeYears, boolean renewable,
        double renewalSurvivalProbability) {
}
