package com.ipledge.service.valuation;

import com.ipledge.valuation.CostResult;
import com.ipledge.valuation.IncomeDistribution;
import com.ipledge.valuation.LegalLife;
import com.ipledge.valuation.MarketResult;
import com.ipledge.valuation.ReconciliationWeights;
import com.ipledge.valuation.ScoreAdjustment;
import com.ipledge.valuation.SensitivityRow;
import com.ipledge.valuation.ValuationResult;
import com.ipledge.valuation.ValueScore;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code POST /valuations} and {@code GET /valuations/{id}}: the engine's result plus, for stored
 * valuations, {@code id}, {@code assetId}, {@code desk} (whether the service made it with its default assumptions)
 * and {@code createdAt}; a desk valuation also shows {@code deskAssumptions} (what it assumed, from which policy
 * row, and that row's source) and {@code marketEvidence} (ipledge's own comparables, or that there are none).
 * Money in yuan, scale 2; {@code weights} are those actually used, renormalised over the
 * approaches present.
 */
@Introspected
public record ValuationView(@Nullable UUID id, @Nullable UUID assetId, IncomeDistribution income,
                            @Nullable MarketResult market, @Nullable CostResult cost, BigDecimal incomeClosedForm,
                            ReconciliationWeights weights, BigDecimal reconciledValue, IncomeDistribution reconciled,
                            double collateralQuantile, BigDecimal collateralValue, ValueScore valueScore,
                            ScoreAdjustment scoreAdjustment, List<SensitivityRow> sensitivity, LegalLife legalLife,
                            String engineVersion, long seed, int paths, LocalDate valuationDate,
                            @Nullable Boolean desk, @Nullable ValuationSource source,
                            @Nullable OffsetDateTime createdAt, @Nullable DeskBasis deskAssumptions,
                            @Nullable MarketEvidence marketEvidence) {

    static ValuationView of(ValuationResult r, LocalDate valuationDate, UUID id, UUID assetId, Boolean desk,
                            ValuationSource source, OffsetDateTime createdAt, DeskBasis deskAssumptions,
                            MarketEvidence marketEvidence) {
        return new ValuationView(id, assetId, r.income(), r.market(), r.cost(), r.incomeClosedForm(), r.weights(),
                r.reconciledValue(), r.reconciled(), r.collateralQuantile(), r.collateralValue(), r.valueScore(),
                r.scoreAdjustment(), r.sensitivity(), r.legalLife(), r.engineVersion(), r.seed(), r.paths(),
                valuationDate, desk, source, createdAt, deskAssumptions, marketEvidence);
    }
}
