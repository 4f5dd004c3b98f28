package com.ipledge.service.application;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What a bank (or the SME form) sends to apply for a loan. Checked by {@link ApplicationService}. */
@Introspected
public record NewApplication(UUID borrowerId, BigDecimal requestedAmount, Integer termMonths, String purpose,
                             List<CollateralRef> collateral, @Nullable Boolean insurance) {
    @Introspected
    public record CollateralRef(UUID assetId) {
    }
}
