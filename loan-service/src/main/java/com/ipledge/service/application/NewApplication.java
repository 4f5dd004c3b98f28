package com.ipledge.service.application;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What a bank (or the SME form) sends to apply for a loan. Checked by {@link ApplicationService}. */
@Introspected
public record NewApplication(UUID borrowerId, BigDecimal requestedAmount, Integer termMonths, String purpose,
                             List<CollateralRef> collateral, @Nullable Boolean insurance,
                             @Nullable CreditHistory creditHistory) {

    public NewApplication(UUID borrowerId, BigDecimal requestedAmount, Integer termMonths, String purpose,
                          List<CollateralRef> collateral, Boolean insurance) {
        this(borrowerId, requestedAmount, termMonths, purpose, collateral, insurance, null);
    }

    /** What the borrower's credit report shows (征信); absent means a clean report. */
    @Introspected
    public record CreditHistory(@Nullable Boolean currentlyOverdue, @Nullable Integer yearsSinceLastDefault,
                                @Nullable Boolean onDishonestyList) {
        public static final CreditHistory CLEAN = new CreditHistory(false, null, false);
    }

    @Introspected
    public record CollateralRef(UUID assetId) {
    }
}
