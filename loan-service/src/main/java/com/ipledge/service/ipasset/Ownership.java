package com.ipledge.service.ipasset;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who owns a right and what the register says beyond its legal status: the registered owners (more than one when
 * co-owned) with each one's written consent to a pledge, an ownership dispute, a court freeze (gazette PP01 until
 * PD01) and a same-day invention + utility-model filing.
 */
@Introspected
public record Ownership(UUID assetId, List<Owner> owners, boolean coOwned, boolean ownershipDisputed,
                        boolean preserved, boolean sameDayDualFiling) {

    /** One registered owner and its consent to pledging the right, if on file. */
    @Introspected
    public record Owner(String creditCode, @Nullable String name, @Nullable LocalDate consentedOn,
                        @Nullable String consentDocument) {
    }

    public List<String> ownerCreditCodes() {
        return owners.stream().map(Owner::creditCode).toList();
    }

    public List<String> consentingCreditCodes() {
        return owners.stream().filter(o -> o.consentedOn() != null).map(Owner::creditCode).toList();
    }

    /** Every owner other than {@code pledgor} consented in writing (the pledgor consents by pledging). */
    public boolean consentedBesides(String pledgor) {
        return owners.stream().filter(o -> !o.creditCode().equals(pledgor)).allMatch(o -> o.consentedOn() != null);
    }
}
