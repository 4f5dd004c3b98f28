package com.ipledge.valuation;

import java.time.LocalDate;
import java.util.List;

/**
 * What is known about one asset. Only {@code type} and the dates its term needs are required: patents need
 * {@code filingDate}, marks need {@code registrationDate}, unless {@code legalExpiryDate} is given (it overrides the
 * statutory term, e.g. for a patent term extension; for a mark it is the end of the current registration term).
 * The count fields feed the value score; a missing count scores as zero.
 *
 * @param legalStatus        null means {@link LegalStatus#IN_FORCE}
 * @param revenueAttribution the share (0..1) of the product revenue that the asset drives; scores only
 * @param niceClasses        Nice classes (1..45) a mark is registered in
 */
public record AssetFacts(
        AssetType type,
        String number,
        LegalStatus legalStatus,
        LocalDate filingDate,
        LocalDate grantDate,
        LocalDate registrationDate,
        LocalDate legalExpiryDate,
        Integer claims,
        Integer forwardCitations,
        Integer familySize,
        Litigation litigation,
        Integer licences,
        Double revenueAttribution,
        List<Integer> niceClasses) {

    public AssetFacts {
        niceClasses = Lists.copyOf(niceClasses);
    }

    /** A patent known only by its type and filing date. */
    public static AssetFacts patent(AssetType type, LocalDate filingDate) {
        return new AssetFacts(type, null, LegalStatus.IN_FORCE, filingDate, null, null, null,
                null, null, null, null, null, null, List.of());
    }

    /** A mark known only by its type and registration date. */
    public static AssetFacts mark(AssetType type, LocalDate registrationDate) {
        return new AssetFacts(type, null, LegalStatus.IN_FORCE, null, null, registrationDate, null,
                null, null, null, null, null, null, List.of());
    }

    public LegalStatus legalStatusOrDefault() {
        return legalStatus == null ? LegalStatus.IN_FORCE : legalStatus;
    }
}
