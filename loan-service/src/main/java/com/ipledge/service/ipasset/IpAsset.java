package com.ipledge.service.ipasset;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A registered IP right that a bank holds on file as (potential) collateral. {@code facts} holds what copyright and
 * data-IP registrations record besides; null for patents and marks.
 */
@Introspected
public record IpAsset(UUID id, UUID bankId, IpType type, String number, String title, String ownerCreditCode,
                      @Nullable LocalDate filingDate, LocalDate grantDate, LocalDate registrationDate,
                      LegalStatus legalStatus, Integer claims, Integer forwardCitations, Integer familySize,
                      List<Integer> niceClasses, LocalDate expiresOn, OffsetDateTime createdAt,
                      @Nullable OffsetDateTime updatedAt, @Nullable RegistrationFacts facts) {

    /** A patent or a mark. */
    public IpAsset(UUID id, UUID bankId, IpType type, String number, String title, String ownerCreditCode,
                   LocalDate filingDate, LocalDate grantDate, LocalDate registrationDate, LegalStatus legalStatus,
                   Integer claims, Integer forwardCitations, Integer familySize, List<Integer> niceClasses,
                   LocalDate expiresOn, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this(id, bankId, type, number, title, ownerCreditCode, filingDate, grantDate, registrationDate, legalStatus,
                claims, forwardCitations, familySize, niceClasses, expiresOn, createdAt, updatedAt, null);
    }

    /** The same asset in another legal status and term (monitoring events move both). */
    public IpAsset withStatusAndExpiry(LegalStatus status, LocalDate newExpiresOn) {
        return new IpAsset(id, bankId, type, number, title, ownerCreditCode, filingDate, grantDate,
                registrationDate, status, claims, forwardCitations, familySize, niceClasses, newExpiresOn, createdAt,
                updatedAt, facts);
    }

    public Registry registry() {
        return Registry.of(type, facts == null ? null : facts.issuingPlatform());
    }
}
