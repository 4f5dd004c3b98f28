package com.ipledge.rules.params;

import com.ipledge.rules.IpType;
import com.ipledge.rules.engine.Checks;
import com.ipledge.rules.sme.IndustryCode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a valuation's assumptions may stray before a person must look (issue 16, governed), and how long an
 * external appraisal report may be lent against.
 *
 * @param maxRevenueShareOfBorrower the revenue a valuation attributes to one asset may be at most the borrower's
 *                                  operating revenue x this (1.00: the whole firm's revenue)
 * @param royaltyRateRangeByIpType  the plausible royalty rate per IP type ({@code INVENTION_PATENT}), refined per
 *                                  GB/T 4754 section or division of the borrower ({@code C27:INVENTION_PATENT},
 *                                  {@code C:INVENTION_PATENT}): the most specific key wins, as in the desk's table; a
 *                                  type without any key has no range
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
        // pharmaceutical inventions license at high running royalties (the desk's C27 row: 4-10 %)
        royalty.put("C27:INVENTION_PATENT", range("0.01", "0.15"));
        return new ValuationGovernancePolicy(new BigDecimal("1.00"), royalty, new BigDecimal("3"), 12);
    }

    private static RateRange range(String min, String max) {
        return new RateRange(new BigDecimal(min), new BigDecimal(max));
    }

    /** The range for {@code type} whatever the industry, or null when none is configured. */
    public RateRange royaltyRange(IpType type) {
        return royaltyRange(type, null);
    }

    /** The range for {@code type} and a borrower in {@code industryCode} (null: none), or null when none applies. */
    public RateRange royaltyRange(IpType type, String industryCode) {
        String key = royaltyRangeKey(type, industryCode);
        return key == null ? null : royaltyRateRangeByIpType.get(key);
    }

    /** The key that sets the range: the industry's division, else its section, else the type alone; null if none. */
    public String royaltyRangeKey(IpType type, String industryCode) {
        if (royaltyRateRangeByIpType == null) {
            return null;
        }
        java.util.List<String> keys = new java.util.ArrayList<>(
                IndustryCode.divisionThenSection(industryCode).stream().map(k -> k + ":" + type.name()).toList());
        keys.add(type.name());
        return keys.stream().filter(royaltyRateRangeByIpType::containsKey).findFirst().orElse(null);
    }

    /** Revenue attributed to one asset above the borrower's operating revenue x the cap. */
    public boolean revenueOutOfLine(BigDecimal baseRevenue, BigDecimal operatingRevenue) {
        return baseRevenue.compareTo(operatingRevenue.multiply(maxRevenueShareOfBorrower)) > 0;
    }

    /** A royalty rate outside the range for {@code type} and the borrower's industry; never without a range. */
    public boolean royaltyOutOfLine(IpType type, String industryCode, BigDecimal royaltyRate) {
        RateRange range = royaltyRange(type, industryCode);
        return range != null && !range.contains(royaltyRate);
    }

    /** A value more than the multiple of the desk value. */
    public boolean valueOutOfLine(BigDecimal value, BigDecimal deskValue) {
        return value.compareTo(deskValue.multiply(maxMultipleOfDeskValue)) > 0;
    }

    /** Checks into {@code checks}, field paths after {@code p} (e.g. "valuationGovernance."). */
    void check(String p, Checks checks) {
        ValuationGovernancePolicy g = this;
        checks.positive(p + "maxRevenueShareOfBorrower", g.maxRevenueShareOfBorrower());
        if (checks.present(p + "maxMultipleOfDeskValue", g.maxMultipleOfDeskValue())
                && g.maxMultipleOfDeskValue().compareTo(BigDecimal.ONE) < 0) {
            checks.add(p + "maxMultipleOfDeskValue", "must be at least 1");
        }
        if (g.appraisalValidityMonths() < 1 || g.appraisalValidityMonths() > 60) {
            checks.add(p + "appraisalValidityMonths", "must be between 1 and 60");
        }
        if (checks.present(p + "royaltyRateRangeByIpType", g.royaltyRateRangeByIpType())) {
            g.royaltyRateRangeByIpType().forEach((type, range) -> {
                String f = p + "royaltyRateRangeByIpType." + type;
                int colon = type.indexOf(':');
                String industry = colon < 0 ? null : type.substring(0, colon);
                if (!PolicyParameters.isIpType(colon < 0 ? type : type.substring(colon + 1))) {
                    checks.add(f, "is not an IP type, or an industry and an IP type (C27:INVENTION_PATENT)");
                } else if (industry != null && (industry.isEmpty() || industry.length() > 3
                        || IndustryCode.problem(industry).isPresent())) {
                    checks.add(f, "the industry must be a GB/T 4754-2017 section letter (A-T) or a division of it "
                            + "(e.g. C27)");
                }
                if (checks.present(f, range)) {
                    checks.fraction(f + ".min", range.min());
                    checks.fraction(f + ".max", range.max());
                    if (range.min() != null && range.max() != null && range.min().compareTo(range.max()) > 0) {
                        checks.add(f + ".min", "must not exceed max");
                    }
                }
            });
        }
    }
}
