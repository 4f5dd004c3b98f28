package com.ipledge.service.evaluation;

import com.ipledge.rules.RiskShare;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A decision as stored: the figures the lifecycle, loss sharing, monitoring and the portfolio act on, the versions
 * that produced it, and the full answer as given ({@code body}, JSON) so that a repeated evaluation answers byte for
 * byte the same. Features read the typed figures; the body is only the replay copy.
 *
 * @param ltv                  approved limit / total collateral value; null when declined or nothing was valued
 * @param totalCollateralValue the collateral values of the pledged assets added up, yuan
 * @param riskShare            who bears which share of a loss; null when the decision names none
 * @param collateral           the valuation each pledged asset was decided on, in pledge order
 */
public record StoredDecision(UUID id, UUID applicationId, String outcome, BigDecimal approvedLimit,
                             BigDecimal interestRate, BigDecimal ltv, String limitBinding,
                             BigDecimal totalCollateralValue, BigDecimal pd, BigDecimal lgd, BigDecimal expectedLoss,
                             String riskGrade, RiskShare riskShare, List<CollateralLine> collateral,
                             Versions versions, String body, String inputHash, UUID evaluatedBy,
                             OffsetDateTime createdAt) {

    /** The valuation one pledged asset was decided on (null valuationId: it could not be valued). */
    public record CollateralLine(UUID assetId, UUID valuationId, BigDecimal collateralValue,
                                 BigDecimal reconciledValue, BigDecimal valueScore, String valuationSource) {
    }

    /** What produced the decision: rule base, policy parameters version, PD model and valuation engine. */
    public record Versions(String ruleBase, int parameters, String model, String valuation) {
    }
}
