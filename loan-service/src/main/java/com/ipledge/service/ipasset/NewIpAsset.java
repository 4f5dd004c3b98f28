package com.ipledge.service.ipasset;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

/**
 * What a bank sends to put an IP right on file. Checked by {@link IpAssetService}. The fields from
 * {@code authorKind} on are for copyrights, software copyrights and data IP.
 */
@Introspected
public record NewIpAsset(IpType type, String number, String title, String ownerCreditCode,
                         @Nullable LocalDate filingDate,
                         @Nullable LocalDate grantDate, @Nullable LocalDate registrationDate,
                         LegalStatus legalStatus, @Nullable Integer claims, @Nullable Integer forwardCitations,
                         @Nullable Integer familySize, @Nullable List<Integer> niceClasses,
                         @Nullable AuthorKind authorKind, @Nullable LocalDate createdOn,
                         @Nullable LocalDate firstPublishedOn, @Nullable Integer authorDeathYear,
                         @Nullable String certificateNumber, @Nullable String version,
                         @Nullable String issuingPlatform, @Nullable LocalDate validUntil) {

    /** A patent or a mark: none of the copyright and data-IP facts. */
    public NewIpAsset(IpType type, String number, String title, String ownerCreditCode, LocalDate filingDate,
                      LocalDate grantDate, LocalDate registrationDate, LegalStatus legalStatus, Integer claims,
                      Integer forwardCitations, Integer familySize, List<Integer> niceClasses) {
        this(type, number, title, ownerCreditCode, filingDate, grantDate, registrationDate, legalStatus, claims,
                forwardCitations, familySize, niceClasses, null, null, null, null, null, null, null, null);
    }

    RegistrationFacts facts() {
        return new RegistrationFacts(authorKind, createdOn, firstPublishedOn, authorDeathYear,
                certificateNumber == null ? null : certificateNumber.strip(), version == null ? null : version.strip(),
                issuingPlatform, validUntil);
    }
}
