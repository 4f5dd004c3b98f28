package com.ipledge.service.ipasset;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An asset as the API shows it, with the legal life left on the day of the request and the registry its pledge is
 * registered with. The copyright and data-IP fields are null for patents and marks.
 */
@Introspected
public record IpAssetView(UUID id, IpType type, String number, String title, String ownerCreditCode,
                          LocalDate filingDate, LocalDate grantDate, LocalDate registrationDate,
                          LegalStatus legalStatus, Integer claims, Integer forwardCitations, Integer familySize,
                          List<Integer> niceClasses, LocalDate expiresOn, BigDecimal remainingLegalLifeYears,
                          boolean renewable, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                          AuthorKind authorKind, LocalDate createdOn, LocalDate firstPublishedOn,
                          Integer authorDeathYear, String certificateNumber, String version,
                          String issuingPlatform, LocalDate validUntil, Registry registry) {
    static IpAssetView of(IpAsset a, LocalDate today) {
        RegistrationFacts f = a.facts() == null
                ? new RegistrationFacts(null, null, null, null, null, null, null, null) : a.facts();
        return new IpAssetView(a.id(), a.type(), a.number(), a.title(), a.ownerCreditCode(), a.filingDate(),
                a.grantDate(), a.registrationDate(), a.legalStatus(), a.claims(), a.forwardCitations(),
                a.familySize(), a.niceClasses(), a.expiresOn(), LegalTerm.remainingYears(a.expiresOn(), today),
                a.type().isMark(), a.createdAt(), a.updatedAt(), f.authorKind(), f.createdOn(),
                f.firstPublishedOn(), f.authorDeathYear(), f.certificateNumber(), f.version(), f.issuingPlatform(),
                f.validUntil(), a.registry());
    }
}
