package com.ipledge.service.ipasset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Terms of protection in China: invention 20 years from filing, utility model 10, design 15 for applications
 * filed from 2021-06-01 (10 before); a mark 10 years from registration, renewable for 10 at a time. A term of N
 * years from day D ends on the day before D's N-th anniversary, as CNIPA and the trademark office date them.
 * Copyrights run to 31 December of their last year; a data-IP certificate to the end of its validity.
 */
public final class LegalTerm {
    public static final LocalDate DESIGN_15_YEARS_FROM = LocalDate.of(2021, 6, 1);

    private LegalTerm() {
    }

    /** The last day of protection of the current term. */
    public static LocalDate expiresOn(IpType type, LocalDate filingDate, LocalDate registrationDate) {
        return switch (type) {
            case INVENTION_PATENT -> filingDate.plusYears(20).minusDays(1);
            case UTILITY_MODEL -> filingDate.plusYears(10).minusDays(1);
            case DESIGN_PATENT -> filingDate.plusYears(filingDate.isBefore(DESIGN_15_YEARS_FROM) ? 10 : 15)
                    .minusDays(1);
            case TRADEMARK, GEOGRAPHICAL_INDICATION -> registrationDate.plusYears(10).minusDays(1);
            case COPYRIGHT, SOFTWARE_COPYRIGHT, DATA_IP -> throw new IllegalArgumentException(
                    type + "'s term depends on its registration facts: use endOfProtection(type, facts, today)");
        };
    }

    /**
     * The last day of protection of a copyright (Copyright Law art. 23, software regulations art. 14) or of a data-IP
     * certificate's validity. A natural person's work: 31 December of the 50th year after the author's death; while
     * the author lives (no death year), the earliest it can end, 31 December of {@code today}'s year + 50 (the
     * author is alive today), a lower bound that the stored value only ever understates. An organisation's work:
     * 31 December of the 50th year after first publication; if not published within 50 years of creation it is no
     * longer protected, so an unpublished one runs (at the earliest) to 31 December of creation year + 50.
     */
    public static LocalDate endOfProtection(IpType type, RegistrationFacts f, LocalDate today) {
        if (type == IpType.DATA_IP) {
            return f.validUntil();
        }
        if (f.authorKind() == AuthorKind.NATURAL_PERSON) {
            return endOfYear((f.authorDeathYear() == null ? today.getYear() : f.authorDeathYear()) + 50);
        }
        int publicationDeadline = f.createdOn().getYear() + 50;
        if (f.firstPublishedOn() == null || f.firstPublishedOn().getYear() > publicationDeadline) {
            return endOfYear(publicationDeadline);
        }
        return endOfYear(f.firstPublishedOn().getYear() + 50);
    }

    private static LocalDate endOfYear(int year) {
        return LocalDate.of(year, 12, 31);
    }

    /** Years of protection left on {@code today} (0 once expired), in years of 365.25 days, 2 decimals. */
    public static BigDecimal remainingYears(LocalDate expiresOn, LocalDate today) {
        long days = Math.max(0, ChronoUnit.DAYS.between(today, expiresOn.plusDays(1)));
        return BigDecimal.valueOf(days).divide(new BigDecimal("365.25"), 2, RoundingMode.HALF_EVEN);
    }
}
