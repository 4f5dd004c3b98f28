package com.ipledge.service.ipasset;

import io.micronaut.core.annotation.Introspected;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A registered IP right that a bank holds on file as (potential) collateral. */
@Introspected
public record IpAsset(UUID id, UUID bankId, IpType type, String number, String title, String ownerCreditCode,
                      LocalDate filingDate, LocalDate grantDate, LocalDate registrationDate, LegalStatus legalStatus,
                      Integer claims, Integer forwardCitations, Integer familySize, List<Integer> niceClasses,
                      LocalDate expiresOn, OffsetDateTime createdAt,
                      @io.micronaut.core.annotation.Nullable OffsetDateTime updatedAt) {
}
