package com.ipledge.valuation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * CN terms of protection: invention 20 years from filing, utility model 10, design 15 for applications filed on or
 * after 2021-06-01 (10 before), marks 10 years from registration, renewable for 10 at a time. An explicit
 * {@code legalExpiryDate} overrides the statutory term (e.g. patent term compensation); copyrights and data IP
 * have no term counted from filing, so they need it.
 */
final class LegalTerms {
    static final LocalDate DESIGN_15_YEAR_TERM_FROM = LocalDate.of(2021, 6, 1);
    static final int MARK_TERM_YEARS = 10;

    private LegalTerms() {
    }

    /** Statutory expiry of a patent from its filing date. */
    static LocalDate patentExpiry(AssetType type, LocalDate filingDate) {
        return switch (type) {
            case INVENTION_PATENT -> filingDate.plusYears(20);
            case UTILITY_MODEL -> filingDate.plusYears(10);
            case DESIGN_PATENT -> filingDate.plusYears(filingDate.isBefore(DESIGN_15_YEAR_TERM_FROM) ? 10 : 15);
            default -> throw new IllegalArgumentException(type + " is not a patent");
        };
    }

    /** End of the registration term running at {@code on}, assuming every earlier renewal was made. */
    static LocalDate currentMarkTermEnd(LocalDate registrationDate, LocalDate on) {
        LocalDate end = registrationDate.plusYears(MARK_TERM_YEARS);
        int terms = 1;
        while (!end.isAfter(on)) {
            terms++;
            end = registrationDate.plusYears((long) MARK_TERM_YEARS * terms);
        }
        return end;
    }

    /**
     * Years from {@code from} to {@code to}: whole anniversary years plus the elapsed share of the last one
     * (days / days in that anniversary year), so 2025-01-01 to 2030-07-02 is 5 + 182/365.
     */
    static double yearsBetween(LocalDate from, LocalDate to) {
        long whole = ChronoUnit.YEARS.between(from, to);
        LocalDate anchor = from.plusYears(whole);
        long daysIn = ChronoUnit.DAYS.between(anchor, to);
        long yearLength = ChronoUnit.DAYS.between(anchor, from.plusYears(whole + 1));
        return whole + (double) daysIn / yearLength;
    }

    /**
     * The legal life at the valuation date, or null after reporting what is missing or inconsistent. The caller has
     * already checked {@code asset.type()} and {@code valuationDate} are present.
     */
    static LegalLife legalLife(String prefix, AssetFacts asset, LocalDate valuationDate, double renewalSurvival,
            Problems problems) {
        AssetType type = asset.type();
        int before = problems.size();
        if (asset.filingDate() != null && asset.grantDate() != null && asset.grantDate().isBefore(asset.filingDate())) {
            problems.add(prefix + "asset.grantDate", "must not be before filingDate");
        }
        if (asset.filingDate() != null && asset.registrationDate() != null
                && asset.registrationDate().isBefore(asset.filingDate())) {
            problems.add(prefix + "asset.registrationDate", "must not be before filingDate");
        }
        LocalDate start = type.isMark() ? asset.registrationDate() : asset.filingDate();
        if (start != null && valuationDate.isBefore(start)) {
            problems.add(prefix + "assumptions.valuationDate",
                    "must not be before the asset's " + (type.isMark() ? "registrationDate " : "filingDate ") + start);
        }
        LocalDate expiry;
        if (asset.legalExpiryDate() != null) {
            expiry = asset.legalExpiryDate();
        } else if (type.isMark()) {
            if (asset.registrationDate() == null) {
                problems.add(prefix + "asset.registrationDate",
                        "is required for a " + type + " (its term runs from registration) unless legalExpiryDate is given");
                return null;
            }
            expiry = currentMarkTermEnd(asset.registrationDate(), valuationDate);
        } else if (!type.isPatent()) {
            // A copyright's term hangs on the author's life or first publication, a data-IP certificate's on the
            // platform's grant: facts the caller holds, so it states the end.
            problems.add(prefix + "asset.legalExpiryDate", "is required for a " + type
                    + " (its term is not counted from filing or registration)");
            return null;
        } else {
            if (asset.filingDate() == null) {
                problems.add(prefix + "asset.filingDate",
                        "is required for a " + type + " (its term runs from filing) unless legalExpiryDate is given");
                return null;
            }
            expiry = patentExpiry(type, asset.filingDate());
        }
        if (!valuationDate.isBefore(expiry)) {
            problems.add(prefix + "assumptions.valuationDate",
                    "must be before the asset's legal expiry " + expiry + " (nothing left to value)");
        }
        if (problems.size() > before) {
            return null;
        }
        return new LegalLife(expiry, yearsBetween(valuationDate, expiry), type.isMark(),
                type.isMark() ? renewalSurvival : 1.0);
    }
}
