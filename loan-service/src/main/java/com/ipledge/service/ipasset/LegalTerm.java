package com.ipledge.service.ipasset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Terms of protection in China: invention 20 years from filing, utility model 10, design 15 for applications
 * filed from 2021-06-01 (10 before); a mark 10 years from registration, renewable for 10 at a time. A term of N
 * years from day D ends on the day before D's N-th anniversary, as CNIPA and the trademark office date them.
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
        };
    }

    /** Years of protection left on {@code today} (0 once expired), in years of 365.25 days, 2 decimals. */
    public static BigDecimal remainingYears(LocalDate expiresOn, LocalDate today) {
        long days = Math.max(0, ChronoUnit.DAYS.between(today, expiresOn.plusDays(1)));
        return BigDecimal.valueOf(days).divide(new BigDecimal("365.25"), 2, RoundingMode.HALF_EVEN);
    }
}
