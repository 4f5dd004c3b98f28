package com.ipledge.rules.params;

import com.ipledge.rules.Borrower;
import java.math.BigDecimal;
import java.util.List;

/**
 * Borrower and application eligibility.
 *
 * @param largeFirmAction        what a LARGE firm gets: "DECLINE" or "REFER" (the loans are meant for SMEs)
 * @param minYearsInBusiness     younger firms are declined
 * @param defaultLookbackYears   a default fewer than this many years ago declines
 * @param referPd                a PD above this refers
 * @param maxPd                  a PD above this declines
 * @param maxTermMonths          longer terms are referred (market practice: usually 1 year, up to 3)
 * @param favouredEcoIndustries  names of {@link com.ipledge.rules.EcoIndustry} values that get better terms
 */
public record EligibilityPolicy(String largeFirmAction, int minYearsInBusiness, int defaultLookbackYears,
                                BigDecimal referPd, BigDecimal maxPd, int maxTermMonths,
                                List<String> favouredEcoIndustries) {

    public boolean favours(Borrower borrower) {
        return borrower.ecoIndustry() != null && favouredEcoIndustries.contains(borrower.ecoIndustry().name());
    }
}
