package com.ipledge.service.losssharing;

import com.ipledge.service.losssharing.RiskLayerRepository.LayerClaim;
import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the layered risk-sharing endpoints answer; amounts in yuan to the fen, shares to six decimals. */
public final class RiskLayerViews {
    private RiskLayerViews() {
    }

    /**
     * One layer with its standing: {@code balance} left to pay claims, {@code paidThisYear} against
     * {@code perYearCap} (the business date's year), and for a pool with a multiple its leverage commitment
     * ({@code leverageLimit} = multiple x balance, {@code committedPrincipal} enrolled, {@code leverageHeadroom}).
     */
    @Introspected
    public record LayerView(UUID id, int position, String party, LayerKind kind, BigDecimal share,
                            BigDecimal perLoanCap, BigDecimal perYearCap, Integer claimWindowWorkingDays,
                            BigDecimal funded, BigDecimal balance, BigDecimal paidThisYear,
                            BigDecimal leverageMultiple, BigDecimal leverageLimit, BigDecimal committedPrincipal,
                            BigDecimal leverageHeadroom) {
    }

    @Introspected
    public record LayeredSchemeView(UUID id, String name, List<LayerView> layers, String createdBy,
                                    OffsetDateTime createdAt) {
    }

    @Introspected
    public record LayerClaimView(UUID id, UUID loanId, UUID layerId, String party, LayerKind kind,
                                 LayerClaimStatus status, LocalDate filedOn, LocalDate nonPerformingOn,
                                 LocalDate windowEndsOn, BigDecimal amount, boolean capped, BigDecimal paidAmount,
                                 LocalDate paidOn, BigDecimal clawedBack, String reason, String filedBy,
                                 String reviewedBy, String decidedBy) {
        static LayerClaimView of(LayerClaim c) {
            return new LayerClaimView(c.id(), c.loanId(), c.layerId(), c.party(), c.kind(), c.status(), c.filedOn(),
                    c.nonPerformingOn(), c.windowEndsOn(), c.amount(), c.capped(), c.paidAmount(), c.paidOn(),
                    c.clawedBack(), c.reason(), c.filedBy(), c.reviewedBy(), c.decidedBy());
        }
    }

    /** A recovery and what it clawed back from each paid layer (by party key) and kept for the bank. */
    @Introspected
    public record LayerRecoveryView(UUID id, UUID loanId, BigDecimal amount, BigDecimal costs, BigDecimal netAmount,
                                    LocalDate recoveredOn, Map<String, BigDecimal> clawedBack, BigDecimal bankPart) {
    }

    /**
     * A loan's layered cover: the IP share of its collateral at approval; once claims are filed, the loss
     * (outstanding principal + interest due and unpaid), the IP-covered part of it, the claims and what the bank
     * bears ({@code bankPart} = loss - claims filed), and the recoveries with their clawbacks.
     */
    @Introspected
    public record LoanLayersView(UUID loanId, UUID schemeId, String schemeName, BigDecimal principal,
                                 BigDecimal ipCollateralValue, BigDecimal otherCollateralValue, BigDecimal ipShare,
                                 String enrolledBy, OffsetDateTime enrolledAt, LocalDate nonPerformingOn,
                                 BigDecimal loss, BigDecimal coveredLoss, BigDecimal bankPart,
                                 List<LayerClaimView> claims, List<LayerRecoveryView> recoveries) {
    }
}
