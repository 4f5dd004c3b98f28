package com.ipledge.service.ipasset;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/**
 * What a copyright or data-IP registration records beyond number, title and dates: the facts its term hangs on
 * (author, creation, first publication, the author's death; a certificate's validity) and the certificate itself.
 * Null for patents and marks.
 */
@Introspected
public record RegistrationFacts(@Nullable AuthorKind authorKind, @Nullable LocalDate createdOn,
                                @Nullable LocalDate firstPublishedOn, @Nullable Integer authorDeathYear,
                                @Nullable String certificateNumber, @Nullable String version,
                                @Nullable String issuingPlatform, @Nullable LocalDate validUntil) {
}
