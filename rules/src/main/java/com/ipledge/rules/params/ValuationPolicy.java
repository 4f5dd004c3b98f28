package com.ipledge.rules.params;

import com.ipledge.rules.IpType;
import com.ipledge.rules.engine.Checks;
import com.ipledge.rules.sme.IndustryCode;
import com.ipledge.rules.params.IndustryAssumptions.LifeRange;
import com.ipledge.rules.params.IndustryAssumptions.RateRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Valuation policy: which valuation a decision lends against (issue 15), the desk valuation's assumptions by
 * GB/T 4754-2017 industry and IP type, and the value score's finance-scenario weights (GB/T 42748-2023 weights its
 * indicators per use scenario) (issue 16).
 *
 * @param freshDays         a bank's or desk valuation dated within this many days is reused; an older one is valued
 *                          again (180 days, the freshness the service used in code before it was policy data)
 * @param deskAssumptions   rows by (industry, ipType); the most specific row for a borrower's industry code wins:
 *                          its division (C27), else its section (C), else {@code *}. Every IP type has a {@code *} row
 *                          but the wider types, whose fallback is {@code widerCollateral.deskDefaults}
 * @param scoreWeights      {@code PATENT} and {@code MARK}: each third-level indicator id (the valuation engine's
 *                          {@code ScoreWeights}) and its share of the total; each tree adds up to 1
 * @param scoreWeightsSource where the weights come from, in words
 */
public record ValuationPolicy(int freshDays, List<IndustryAssumptions> deskAssumptions,
                              Map<String, Map<String, BigDecimal>> scoreWeights, String scoreWeightsSource) {

    public static final String ANY_INDUSTRY = "*";
    static final String DEFAULT_SOURCE = "ipledge project default, not a published statistic";
    static final String CNIPA_NOTE = "; to be replaced by the CNIPA 十三五 royalty statistics by national-economy "
            + "industry (11,371 licence contracts recorded 2016-2020) once their figures are entered";

    /** The most specific row for {@code industryCode} and {@code ipType}: division, then section, then {@code *}. */
    public Optional<IndustryAssumptions> deskAssumptionsFor(String industryCode, String ipType) {
        List<String> keys = new ArrayList<>(IndustryCode.divisionThenSection(industryCode));
        keys.add(ANY_INDUSTRY);
        for (String key : keys) {
            for (IndustryAssumptions row : deskAssumptions) {
                if (key.equals(row.industry()) && ipType.equals(row.ipType())) {
                    return Optional.of(row);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The defaults. The {@code *} rows are the desk's former single assumptions per IP type; the few industry rows
     * differ where the industry plainly raises the answer (pharmaceutical inventions license at high running
     * royalties and keep their value longer; an agricultural geographical indication carries much of a regional
     * product's premium). No default row lowers a value below the former desk's: without published figures, a
     * guess that cuts existing borrowers' limits is the bureau's call, not the software's. All rows are the
     * project's defaults: the CNIPA statistics by industry exist (the 十三五 release) but their figures were not at
     * hand, so none is cited as published.
     */
    public static ValuationPolicy defaults() {
        List<IndustryAssumptions> rows = List.of(
                row("*", "INVENTION_PATENT", "0.02", "0.06", "0.25", "4", "7", "10",
                        "every industry without its own row"),
                row("*", "UTILITY_MODEL", "0.01", "0.04", "0.10", "3", "5", "7", "every industry without its own row"),
                row("*", "DESIGN_PATENT", "0.005", "0.025", "0.05", "2", "4", "6",
                        "every industry without its own row"),
                row("*", "TRADEMARK", "0.005", "0.025", "0.15", "5", "8", "12", "every industry without its own row"),
                row("*", "GEOGRAPHICAL_INDICATION", "0.004", "0.016", "0.10", "8", "10", "15",
                        "every industry without its own row"),
                row("A01", "GEOGRAPHICAL_INDICATION", "0.01", "0.03", "0.25", "8", "12", "18",
                        "crop farming: a regional product's name carries much of its premium"),
                row("C27", "INVENTION_PATENT", "0.04", "0.10", "0.35", "6", "9", "12",
                        "pharmaceuticals: high running royalties, value kept late in the term"),
                row("C27", "UTILITY_MODEL", "0.015", "0.05", "0.10", "3", "5", "7",
                        "pharmaceuticals: devices and packaging"),
                row("C27", "TRADEMARK", "0.01", "0.04", "0.20", "6", "10", "15",
                        "pharmaceuticals: brands of over-the-counter medicines"));
        Map<String, Map<String, BigDecimal>> weights = new LinkedHashMap<>();
        weights.put("PATENT", weights(
                "L.STABILITY.STATUS", "0.16", "L.TERM.REMAINING", "0.14", "L.SCOPE.CLAIMS", "0.04",
                "L.ENFORCEMENT.LITIGATION", "0.06", "T.ADVANCE.TYPE", "0.09", "T.INFLUENCE.CITATIONS", "0.12",
                "T.APPLICABILITY.CLAIMS", "0.045", "T.COVERAGE.FAMILY", "0.045", "E.APPLICATION.ATTRIBUTION", "0.12",
                "E.TRANSFER.LICENCES", "0.09", "E.MARKET.SCALE", "0.09"));
        weights.put("MARK", weights(
                "L.STABILITY.STATUS", "0.12", "L.TERM.RENEWABLE", "0.075", "L.TERM.REMAINING", "0.03",
                "L.SCOPE.CLASSES", "0.03", "L.ENFORCEMENT.LITIGATION", "0.045", "T.REPUTATION.AGE", "0.08",
                "T.COVERAGE.INTERNATIONAL", "0.06", "T.COVERAGE.CLASSES", "0.06", "E.APPLICATION.ATTRIBUTION", "0.2",
                "E.TRANSFER.LICENCES", "0.15", "E.MARKET.SCALE", "0.15"));
        return new ValuationPolicy(180, rows, weights, "ipledge project default for the finance scenario: legal 0.4, "
                + "technical 0.3, economic 0.3 for patents (0.3 / 0.2 / 0.5 for marks), shared among the observable "
                + "indicators; GB/T 42748-2023 leaves the finance scenario's weights to the user");
    }

    /** Checks into {@code checks}, field paths after {@code p} (e.g. "valuation."). */
    void check(String p, Checks checks) {
        if (freshDays < 1 || freshDays > 3660) {
            checks.add(p + "freshDays", "must be between 1 and 3660");
        }
        if (checks.present(p + "deskAssumptions", deskAssumptions)) {
            Set<String> seen = new HashSet<>();
            Set<String> typesWithDefault = new HashSet<>();
            for (int i = 0; i < deskAssumptions.size(); i++) {
                String r = p + "deskAssumptions[" + i + "]";
                IndustryAssumptions row = deskAssumptions.get(i);
                if (!checks.present(r, row)) {
                    continue;
                }
                checkRow(r + ".", row, checks);
                if (!seen.add(row.industry() + "/" + row.ipType())) {
                    checks.add(r, "a second row for industry " + row.industry() + " and " + row.ipType());
                }
                if (ANY_INDUSTRY.equals(row.industry())) {
                    typesWithDefault.add(row.ipType());
                }
            }
            for (IpType type : IpType.values()) {
                if (!WiderCollateralPolicy.covers(type) && !typesWithDefault.contains(type.name())) {
                    checks.add(p + "deskAssumptions", "needs a row with industry * for " + type.name());
                }
            }
        }
        if (checks.present(p + "scoreWeights", scoreWeights)) {
            for (String tree : List.of("PATENT", "MARK")) {
                Map<String, BigDecimal> w = scoreWeights.get(tree);
                if (!checks.present(p + "scoreWeights." + tree, w)) {
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (Map.Entry<String, BigDecimal> e : w.entrySet()) {
                    checks.fraction(p + "scoreWeights." + tree + "." + e.getKey(), e.getValue());
                    sum = e.getValue() == null ? sum : sum.add(e.getValue());
                }
                if (sum.compareTo(BigDecimal.ONE) != 0) {
                    checks.add(p + "scoreWeights." + tree, "must add up to 1 (they add up to "
                            + sum.toPlainString() + ")");
                }
            }
            scoreWeights.keySet().stream().filter(k -> !Set.of("PATENT", "MARK").contains(k))
                    .forEach(k -> checks.add(p + "scoreWeights." + k, "is not a tree (PATENT or MARK)"));
        }
        checks.notBlank(p + "scoreWeightsSource", scoreWeightsSource);
    }

    private static void checkRow(String r, IndustryAssumptions row, Checks checks) {
        String industry = row.industry();
        if (checks.present(r + "industry", industry) && !ANY_INDUSTRY.equals(industry)
                && (industry.length() > 3 || IndustryCode.problem(industry).isPresent())) {
            checks.add(r + "industry", "must be *, a GB/T 4754-2017 section letter (A-T) or a division of it "
                    + "(e.g. C27)" + IndustryCode.problem(industry).map(m -> ": " + m).orElse(""));
        }
        if (checks.present(r + "ipType", row.ipType())
                && Arrays.stream(IpType.values()).noneMatch(t -> t.name().equals(row.ipType()))) {
            checks.add(r + "ipType", "is not an IP type");
        }
        RateRange royalty = row.royaltyRate();
        if (checks.present(r + "royaltyRate", royalty)) {
            checks.fraction(r + "royaltyRate.low", royalty.low());
            checks.fraction(r + "royaltyRate.high", royalty.high());
            if (royalty.low() != null && royalty.high() != null && royalty.low().compareTo(royalty.high()) > 0) {
                checks.add(r + "royaltyRate.high", "must not be below low");
            }
        }
        checks.fraction(r + "revenueShare", row.revenueShare());
        LifeRange life = row.economicLifeYears();
        if (checks.present(r + "economicLifeYears", life)) {
            for (String part : List.of("min", "mode", "max")) {
                BigDecimal years = switch (part) {
                    case "min" -> life.min();
                    case "mode" -> life.mode();
                    default -> life.max();
                };
                if (checks.present(r + "economicLifeYears." + part, years)
                        && (years.signum() <= 0 || years.compareTo(MAX_LIFE_YEARS) > 0)) {
                    checks.add(r + "economicLifeYears." + part, "must be greater than 0 and at most 100");
                }
            }
            if (life.min() != null && life.mode() != null && life.min().compareTo(life.mode()) > 0) {
                checks.add(r + "economicLifeYears.mode", "must not be below min");
            }
            if (life.mode() != null && life.max() != null && life.mode().compareTo(life.max()) > 0) {
                checks.add(r + "economicLifeYears.max", "must not be below mode");
            }
        }
        checks.notBlank(r + "source", row.source());
        if (row.source() != null && row.source().length() > 1000) {
            checks.add(r + "source", "must be at most 1000 characters");
        }
    }

    private static final BigDecimal MAX_LIFE_YEARS = new BigDecimal("100");

    private static IndustryAssumptions row(String industry, String type, String low, String high, String share,
                                           String min, String mode, String max, String why) {
        return new IndustryAssumptions(industry, type, new RateRange(new BigDecimal(low), new BigDecimal(high)),
                new BigDecimal(share), new LifeRange(new BigDecimal(min), new BigDecimal(mode), new BigDecimal(max)),
                DEFAULT_SOURCE + " (" + why + ")" + CNIPA_NOTE);
    }

    private static Map<String, BigDecimal> weights(String... idAndWeight) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < idAndWeight.length; i += 2) {
            m.put(idAndWeight[i], new BigDecimal(idAndWeight[i + 1]));
        }
        return m;
    }
}
