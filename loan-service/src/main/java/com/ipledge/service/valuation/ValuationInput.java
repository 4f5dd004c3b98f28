package com.ipledge.service.valuation;

import com.ipledge.valuation.AssetType;
import com.ipledge.valuation.Discounting;
import com.ipledge.valuation.Litigation;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /valuations}, field for field the engine's names (API.md "Contract details"). Numbers are
 * boxed so that a missing one is named ("is required") rather than read as 0; {@code paths} and {@code seed} are
 * BigIntegers so that an out-of-range number is named too instead of failing as an unreadable body. With
 * {@code asset} inline and {@code paths} and {@code seed} filled in, it is also what a stored valuation keeps as its
 * request: posting it again recomputes the stored result exactly.
 */
@Introspected
public record ValuationInput(@Nullable UUID assetId, @Nullable AssetInput asset,
                             @Nullable AssumptionsInput assumptions, @Nullable BigInteger paths,
                             @Nullable BigInteger seed, @Nullable List<ComparableInput> marketComparables,
                             @Nullable CostInput cost, @Nullable WeightsInput weights) {

    /**
     * The asset facts of an inline valuation (or those read from a stored asset). It takes every field of
     * {@code POST /ip-assets}, so a bank can send the same object to both; {@code title} and
     * {@code ownerCreditCode} are checked but do not move the value.
     */
    @Introspected
    public record AssetInput(@Nullable AssetType type, @Nullable String number, @Nullable AssetStatus legalStatus,
                             @Nullable LocalDate filingDate, @Nullable LocalDate grantDate,
                             @Nullable LocalDate registrationDate, @Nullable LocalDate legalExpiryDate,
                             @Nullable Integer claims, @Nullable Integer forwardCitations,
                             @Nullable Integer familySize, @Nullable Litigation litigation,
                             @Nullable Integer licences, @Nullable Double revenueAttribution,
                             @Nullable List<Integer> niceClasses, @Nullable String title,
                             @Nullable String ownerCreditCode) {
    }

    /**
     * A right's status as a bank may write it: the engine's names ({@code PENDING}, {@code IN_FORCE}, ...) and the
     * register's ({@code VALID}, {@code PLEDGED}, {@code EXPIRED}, as on {@code POST /ip-assets}).
     */
    public enum AssetStatus {
        PENDING, IN_FORCE, VALID, PLEDGED, FEE_OVERDUE, INVALIDATION_FILED, INVALIDATED, LAPSED, EXPIRED
    }

    @Introspected
    public record AssumptionsInput(@Nullable LocalDate valuationDate, @Nullable BigDecimal baseRevenue,
                                   @Nullable RateInput revenueGrowth, @Nullable RateInput royaltyRate,
                                   @Nullable RateInput discountRate, @Nullable Double taxRate,
                                   @Nullable LifeInput economicLifeYears, @Nullable Discounting discounting,
                                   @Nullable Double collateralQuantile, @Nullable Double renewalSurvivalProbability,
                                   @Nullable Boolean applyValueScore) {
    }

    /** An uncertain rate: truncated normal {@code (mean, sd)}. */
    @Introspected
    public record RateInput(@Nullable Double mean, @Nullable Double sd) {
    }

    /** Economic life in years, triangular. */
    @Introspected
    public record LifeInput(@Nullable Double min, @Nullable Double mode, @Nullable Double max) {
    }

    @Introspected
    public record ComparableInput(@Nullable String description, @Nullable BigDecimal price,
                                  @Nullable List<Double> adjustmentFactors, @Nullable Double weight) {
    }

    @Introspected
    public record CostInput(@Nullable BigDecimal reproductionCost, @Nullable Double physicalObsolescence,
                            @Nullable Double functionalObsolescence, @Nullable Double economicObsolescence) {
    }

    @Introspected
    public record WeightsInput(@Nullable Double income, @Nullable Double market, @Nullable Double cost) {
    }

    /** The same request valuing {@code facts} inline, with the paths and seed actually used written out. */
    ValuationInput inline(AssetInput facts, int usedPaths, long usedSeed) {
        return new ValuationInput(null, facts, assumptions, BigInteger.valueOf(usedPaths),
                BigInteger.valueOf(usedSeed), marketComparables, cost, weights);
    }
}
