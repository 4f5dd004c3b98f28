package com.ipledge.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * One right about to be filed for pledge registration, with the facts the registry checks before it registers.
 *
 * @param pledgorCreditCode           who pledges: the borrower, or a third party (a GI's association)
 * @param ownerCreditCodes            the registered owners (one unless co-owned)
 * @param consentingOwnerCreditCodes  owners whose written consent to this pledge is on file
 * @param ownershipDisputed           the registry suspended proceedings over an ownership dispute
 * @param preserved                   a court preservation order (freeze, gazette PP01) is in force
 * @param pledgedElsewhere            another registered pledge over the same right is in force
 * @param sameDayDualFiling           patents: an invention and a utility model were filed the same day
 * @param riskAcknowledged            the parties acknowledged in writing the risk of a same-day filing or of a
 *                                    pending invalidation request
 * @param filedOn                     the day of filing (the registry's "today")
 * @param debtEndsOn                  the day the secured debt falls due
 * @param rightEndsOn                 the day the right (or its protection) ends; null when unknown
 */
public record PledgeFiling(String assetId, IpType type, PledgeRegistry registry, LegalStatus legalStatus,
                           String pledgorCreditCode, List<String> ownerCreditCodes,
                           List<String> consentingOwnerCreditCodes, boolean ownershipDisputed, boolean preserved,
                           boolean pledgedElsewhere, boolean sameDayDualFiling, boolean riskAcknowledged,
                           LocalDate filedOn, LocalDate debtEndsOn, LocalDate rightEndsOn) {

    public PledgeFiling {
        ownerCreditCodes = ownerCreditCodes == null ? List.of() : List.copyOf(ownerCreditCodes);
        consentingOwnerCreditCodes = consentingOwnerCreditCodes == null ? List.of()
                : List.copyOf(consentingOwnerCreditCodes);
    }

    public boolean pledgorIsOwner() {
        return ownerCreditCodes.contains(pledgorCreditCode);
    }

    public boolean coOwned() {
        return ownerCreditCodes.size() > 1;
    }

    /** Every owner besides the pledgor consented in writing (the pledgor consents by filing). */
    public boolean everyOtherOwnerConsents() {
        return ownerCreditCodes.stream().filter(c -> !c.equals(pledgorCreditCode))
                .allMatch(consentingOwnerCreditCodes::contains);
    }

    /** The right ended: the register says so, or its term ran out before the filing day. */
    public boolean ended() {
        return legalStatus == LegalStatus.LAPSED || legalStatus == LegalStatus.INVALIDATED
                || legalStatus == LegalStatus.EXPIRED || (rightEndsOn != null && rightEndsOn.isBefore(filedOn));
    }

    /** The debt falls due after the right ends, less {@code marginDays}. */
    public boolean debtOutlastsRight(int marginDays) {
        return rightEndsOn != null && debtEndsOn != null && debtEndsOn.plusDays(marginDays).isAfter(rightEndsOn);
    }

    public boolean isPatentAtCnipa() {
        return registry == PledgeRegistry.CNIPA && type != null && type.isPatent();
    }

    public boolean isCopyright() {
        return registry == PledgeRegistry.COPYRIGHT_CENTRE;
    }
}
