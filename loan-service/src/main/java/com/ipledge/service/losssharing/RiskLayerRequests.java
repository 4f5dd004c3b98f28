package com.ipledge.service.losssharing;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The request bodies of the layered risk-sharing endpoints. */
public final class RiskLayerRequests {
    private RiskLayerRequests() {
    }

    /** A layered scheme: its layers in order of position; their shares add up to 1, one of them the BANK's. */
    @Introspected
    public record NewLayeredScheme(String name, List<NewLayer> layers) {
    }

    /**
     * One layer. {@code balance}: the money a POOL (required) or GUARANTEE_FUND (optional) holds to pay claims;
     * {@code leverageMultiple}: a pool's commitment, loans enrolled up to multiple x balance. The BANK layer takes
     * no caps, window, balance or leverage.
     */
    @Introspected
    public record NewLayer(String party, LayerKind kind, BigDecimal share, @Nullable BigDecimal perLoanCap,
                           @Nullable BigDecimal perYearCap, @Nullable Integer claimWindowWorkingDays,
                           @Nullable BigDecimal balance, @Nullable BigDecimal leverageMultiple) {
    }

    /** Enrols a loan in a layered scheme; {@code otherCollateralValue}: non-IP collateral at approval (yuan). */
    @Introspected
    public record Enrolment(UUID schemeId, @Nullable BigDecimal otherCollateralValue) {
    }

    @Introspected
    public record ClaimFiling(@Nullable String note) {
    }

    @Introspected
    public record ClaimReview(@Nullable String note) {
    }

    @Introspected
    public record LayerPayment(LocalDate paidOn) {
    }

    @Introspected
    public record ClaimRefusal(String reason) {
    }

    @Introspected
    public record LayerRecovery(BigDecimal amount, LocalDate recoveredOn, @Nullable BigDecimal costs) {
    }

    @Introspected
    public record Contribution(BigDecimal amount) {
    }
}
