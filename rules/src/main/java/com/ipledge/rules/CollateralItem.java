package com.ipledge.rules;

import com.ipledge.rules.engine.Checks;
import java.math.BigDecimal;

/**
 * One pledged IP right with its valuation. A valuation is present when {@code collateralValue} and
 * {@code valueScoreTotal} are both given; an item without one is referred, never an error.
 *
 * @param ownerCreditCode         credit code of the registered owner (for a GI: the association holding it)
 * @param remainingLegalLifeYears years until the right ends (patents) or the registration must be renewed (marks)
 * @param annualFeePaid           patents only: the current annual fee is paid
 * @param coOwned                 the right has co-owners besides the borrower
 * @param coOwnersConsent         every co-owner consented in writing to the pledge
 * @param associationMember       GI only: the borrower is a member of the holding association
 * @param associationConsent      GI only: the association consented in writing to the pledge
 * @param inUse                   marks only: the mark is in commercial use
 * @param collateralValue         the conservative quantile of the valuation (yuan); null when not valued
 * @param reconciledValue         the reconciled point value (yuan); null when not valued
 * @param valueScoreTotal         patent value degree total, 0-100; null when not valued
 * @param memberCapacity          GI only: how much the association lets the mark back in members' loans at this
 *                                bank (yuan); null when it set no capacity
 * @param memberCapacityUsed      GI only: what the loans the mark already backs take of that capacity (yuan)
 */
public record CollateralItem(String assetId, IpType type, LegalStatus legalStatus, String ownerCreditCode,
                             BigDecimal remainingLegalLifeYears, boolean annualFeePaid, boolean coOwned,
                             boolean coOwnersConsent, boolean associationMember, boolean associationConsent,
                             boolean inUse, BigDecimal collateralValue, BigDecimal reconciledValue,
                             BigDecimal valueScoreTotal, BigDecimal memberCapacity, BigDecimal memberCapacityUsed) {

    private static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

    public CollateralItem {
        // a capacity nothing has used yet
        if (memberCapacity != null && memberCapacityUsed == null) {
            memberCapacityUsed = BigDecimal.ZERO.setScale(2);
        }
    }

    /** An item without a member capacity (every right but a GI whose association set one). */
    public CollateralItem(String assetId, IpType type, LegalStatus legalStatus, String ownerCreditCode,
                          BigDecimal remainingLegalLifeYears, boolean annualFeePaid, boolean coOwned,
                          boolean coOwnersConsent, boolean associationMember, boolean associationConsent,
                          boolean inUse, BigDecimal collateralValue, BigDecimal reconciledValue,
                          BigDecimal valueScoreTotal) {
        this(assetId, type, legalStatus, ownerCreditCode, remainingLegalLifeYears, annualFeePaid, coOwned,
                coOwnersConsent, associationMember, associationConsent, inUse, collateralValue, reconciledValue,
                valueScoreTotal, null, null);
    }

    public boolean hasMemberCapacity() {
        return memberCapacity != null;
    }

    /** What is left of the member capacity, never below zero; null without a capacity. */
    public BigDecimal memberRoom() {
        if (memberCapacity == null) {
            return null;
        }
        BigDecimal used = memberCapacityUsed == null ? BigDecimal.ZERO : memberCapacityUsed;
        return memberCapacity.subtract(used).max(BigDecimal.ZERO).setScale(2, java.math.RoundingMode.DOWN);
    }

    /** Whether lending {@code amount} against this item would go beyond the member capacity left. */
    public boolean exceedsMemberRoom(BigDecimal amount) {
        return memberCapacity != null && amount.compareTo(memberRoom()) > 0;
    }

    public boolean hasValuation() {
        return collateralValue != null && valueScoreTotal != null;
    }

    void check(String path, Checks checks) {
        checks.notBlank(path + ".assetId", assetId);
        checks.present(path + ".type", type);
        checks.present(path + ".legalStatus", legalStatus);
        checks.notBlank(path + ".ownerCreditCode", ownerCreditCode);
        checks.present(path + ".remainingLegalLifeYears", remainingLegalLifeYears);
        if (collateralValue != null) {
            checks.money(path + ".collateralValue", collateralValue, false);
        }
        if (reconciledValue != null) {
            checks.money(path + ".reconciledValue", reconciledValue, false);
        }
        if (memberCapacity != null) {
            checks.money(path + ".memberCapacity", memberCapacity, false);
        }
        if (memberCapacityUsed != null) {
            checks.money(path + ".memberCapacityUsed", memberCapacityUsed, false);
        }
        if (valueScoreTotal != null && (valueScoreTotal.signum() < 0 || valueScoreTotal.compareTo(MAX_SCORE) > 0)) {
            checks.add(path + ".valueScoreTotal", "must be between 0 and 100");
        }
    }
}
