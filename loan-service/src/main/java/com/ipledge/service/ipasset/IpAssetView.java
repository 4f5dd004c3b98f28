package com.ipledge.service.ipasset;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An asset as the API shows it, with the legal life left on the day of the request. */
@Introspected
public record IpAssetView(UUID id, IpType type, String number, String title, String ownerCreditCode,
                          LocalDate filingDate, LocalDate grantDate, LocalDate registrationDate,
                          LegalStatus legalStatus, Integer claims, Integer forwardCitations, Integer familySize,
                          List<Integer> niceClasses, LocalDate expiresOn, BigDecimal remainingLegalLifeYears,
                          boolean renewable, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    static IpAssetView of(IpAsset a, LocalDate today) {
        return new IpAssetView(a.id(), a.type(), a.number(), a.title(), a.ownerCreditCode(), a.filingDate(),
                a.grantDate(), a.registrationDate(), a.legalStatus(), a.claims(), a.forwardCitations(),
                a.familySize(), a.niceClasses(), a.expiresOn(), LegalTerm.remainingYears(a.expiresOn(), today),
                a.type().isMark(), a.createdAt(), a.updatedAt());
    }
}
