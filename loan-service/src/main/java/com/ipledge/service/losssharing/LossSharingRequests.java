package com.ipledge.service.losssharing;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The request bodies of the loss-sharing endpoints; each checked by the class of its job ({@link Schemes}, ...). */
public final class LossSharingRequests {
    private LossSharingRequests() {
    }

    /**
     * A configured facility. {@code kind}: GUARANTEE_INSURANCE (premiumRate, premiumSubsidyRatio, coverageRatio),
     * RISK_COMPENSATION_POOL (share, capacity, perLoanCap?) or GUARANTEE_FUND (share, perLoanCap?). {@code party}
     * defaults to INSURER, RISK_COMPENSATION_POOL and GUARANTEE_FUND; {@code share} / {@code coverageRatio} to the
     * rule base's share of that party under {@code ruleScheme}.
     */
    @Introspected
    public record NewScheme(String name, String kind, String ruleScheme, @Nullable String party,
                            @Nullable BigDecimal share, @Nullable BigDecimal coverageRatio,
                            @Nullable BigDecimal premiumRate, @Nullable BigDecimal premiumSubsidyRatio,
                            @Nullable BigDecimal capacity, @Nullable BigDecimal perLoanCap) {
    }

    @Introspected
    public record DefaultRequest(LocalDate defaultedOn, @Nullable String note) {
    }

    @Introspected
    public record ClaimPayment(LocalDate paidOn, BigDecimal amount) {
    }

    public enum RecoveryMethod { AUCTION, TRANSFER, LICENCE }

    @Introspected
    public record RecoveryRequest(BigDecimal amount, LocalDate recoveredOn, RecoveryMethod method,
                                  @Nullable BigDecimal costs) {
    }

    @Introspected
    public record OverallNpl(LocalDate asOf, BigDecimal overallNplRatio) {
    }
}
