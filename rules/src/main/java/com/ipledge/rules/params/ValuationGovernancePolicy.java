package com.ipledge.rules.params;

import com.ipledge.rules.IpType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a valuation's assumptions may stray before a person must look (issue 16, governed), and how long an
 * external appraisal report may be lent against.
 *
 * @param maxRevenueShareOfBorrower the revenue a valuation attributes to one asset may be at most the borrower's
 *                                  operating revenue x this (1.00: the whole firm's revenue)
 * @param royaltyRateRangeByIpType  the plausible royalty rate per IP type name; a type not listed has no range. A
 *                                  per-industry range will refine it (named by type so that it can)
 * @param maxMultipleOfDeskValue    a valuation may be at most this many times the desk valuation of the same asset
 * @param appraisalValidityMonths   an appraisal report is lent against for this many months from its report date
 */
public record ValuationGovernancePolicy(BigDecimal maxRevenueShareOfBorrower,
                                        Map<String, RateRange> royaltyRateRangeByIpType,
                                        BigDecimal maxMultipleOfDeskValue, int appraisalValidityMonths) {

    /** A closed range of rates, e.g. royalty 0.005 to 0.10. */
    public record RateRange(BigDecimal min, BigDecimal max) {
        public boolean contains(BigDecimal rate) {
            return rate.compareTo(min) >= 0 && rate.compareTo(max) <= 0;
        }
    }

    /**
     * The whole firm's revenue at most; three times the desk value at most; one year of validity (the usual term of
     * a Chinese asset appraisal report, 评估结论使用有效期一年); royalty rates around the desk's own per type, wide
     * enough for every licence a small firm plausibly signs (the project's defaults until the per-industry ranges
     * from CNIPA's licence statistics replace them).
     */
    public static ValuationGovernancePolicy defaults() {
        Map<String, RateRange> royalty = new LinkedHashMap<>();
        royalty.put("INVENTION_PATENT", range("0.005", "0.10"));
        royalty.put("UTILITY_MODEL", range("0.003", "0.06"));
        royalty.put("DESIGN_PATENT", range("0.002", "0.05"));
        royalty.put("TRADEMARK", range("0.002", "0.08"));
        royalty.put("GEOGRAPHICAL_INDICATION", range("0.001", "0.05"));
        royalty.put("COPYRIGHT", range("0.005", "0.10"));
        royalty.put("SOFTWARE_COPYRIGHT", range("0.01", "0.15"));
        royalty.put("DATA_IP", range("0.002", "0.08"));
        return new ValuationGovernancePolicy(new BigDecimal("1.00"), royalty, new BigDecimal("3"), 12);
    }

    private static RateRange range(String min, String max) {
        return new RateRange(new BigDecimal(min), new BigDecimal(max));
    }

    /** The range for {@code type}, or null when none is configured. */
    public RateRange royaltyRange(IpType type) {
        return royaltyRateRangeByIpType == null ? null : royaltyRateRangeByIpType.get(type.name());
    }

    /** Revenue attributed to one asset above the borrower's operating revenue x the cap. */
    public boolean revenueOutOfLine(BigDecimal baseRevenue, BigDecimal operatingRevenue) {
        return baseRevenue.compareTo(operatingRevenue.multiply(maxRevenueShareOfBorrower)) > 0;
    }

    /** A royalty rate outside the range for {@code type}; never for a type without one. */
    public boolean royaltyOutOfLine(IpType type, BigDecimal royaltyRate) {
        RateRange range = royaltyRange(type);
        return range != null && !range.contains(royaltyRate);
    }

    /** A value more than the multiple of the desk value. */
    public boolean valueOutOfLine(BigDecimal value, BigDecimal deskValue) {
        return value.compareTo(deskValue.multiply(maxMultipleOfDeskValue)) > 0;
    }
}
