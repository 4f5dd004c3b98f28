package com.ipledge.service.ipasset;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

/** What a bank sends to put an IP right on file. Checked by {@link IpAssetService}. */
@Introspected
public record NewIpAsset(IpType type, String number, String title, String ownerCreditCode, LocalDate filingDate,
                         @Nullable LocalDate grantDate, @Nullable LocalDate registrationDate,
                         LegalStatus legalStatus, @Nullable Integer claims, @Nullable Integer forwardCitations,
                         @Nullable Integer familySize, @Nullable List<Integer> niceClasses) {
}
