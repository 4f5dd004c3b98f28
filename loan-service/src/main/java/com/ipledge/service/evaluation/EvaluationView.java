package com.ipledge.service.evaluation;

import com.ipledge.rules.CollateralLimit;
import com.ipledge.rules.Condition;
import com.ipledge.rules.Reason;
import com.ipledge.rules.RiskShare;
import com.ipledge.service.valuation.StoredValuation;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The answer of {@code POST /applications/{id}/evaluation}: the decision, why, and everything needed to replay it. */
@Introspected
public record EvaluationView(UUID decisionId, UUID applicationId, String decision, BigDecimal approvedLimit,
                             BigDecimal ltv, String limitBinding, BigDecimal totalCollateralValue, BigDecimal pd,
                             BigDecimal lgd, BigDecimal expectedLoss, String riskGrade, BigDecimal interestRate,
                             RiskShare riskShare, List<Condition> conditions, List<Reason> reasons,
                             List<String> firedRules, List<CollateralLimit> collateralLimits,
                             List<CollateralValuation> collateral, List<ReasonCode> pdReasonCodes,
                             BigDecimal availableQuota, Versions versions, OffsetDateTime evaluatedAt,
                             BorrowerFacts borrower) {
    /** The borrower's facts the decision used: the version of them and the date they are true as of. */
    @Introspected
    public record BorrowerFacts(UUID borrowerId, int version, LocalDate asOf, int employees,
                                BigDecimal operatingRevenue, BigDecimal totalAssets, String sizeClass,
                                String industryCode, LocalDate foundedOn) {
    }

    /**
     * The valuation a decision lent against for one asset (null valuationId: the asset could not be valued):
     * {@code valuationSource} (DESK, BANK or APPRAISER, never BUREAU) and {@code valuationBasis}, why that one;
     * {@code appraisalReportId} when it is an appraisal report's; {@code assumptions}, what it assumed, and
     * {@code deskValue}, the desk's value of the asset today, which the plausibility rules (VAL-PLAUSIBILITY-*)
     * checked.
     */
    @Introspected
    public record CollateralValuation(UUID assetId, UUID valuationId, BigDecimal collateralValue,
                                      BigDecimal reconciledValue, BigDecimal valueScore, boolean deskValuation,
                                      String valuationSource, String valuationBasis,
                                      @Nullable UUID appraisalReportId, @Nullable StoredValuation.Assumptions assumptions,
                                      @Nullable BigDecimal deskValue) {
    }

    @Introspected
    public record ReasonCode(String feature, double contribution) {
    }

    /** Every version (and seed) a replay needs. */
    @Introspected
    public record Versions(String rules, String parameters, String model, String valuation, List<Long> seeds) {
    }
}
