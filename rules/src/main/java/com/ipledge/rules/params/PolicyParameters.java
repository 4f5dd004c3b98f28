package com.ipledge.rules.params;

import com.ipledge.rules.EcoIndustry;
import com.ipledge.rules.IpType;
import com.ipledge.rules.Problem;
import com.ipledge.rules.engine.Checks;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every number a policy officer may change, as data the rules read: no policy number is a literal in DRL. Plain
 * records of BigDecimal, int, String, List and Map so that loan-service can store them as JSON (version-numbered)
 * and hand them back; {@code version} is echoed in every decision as {@code parametersVersion}.
 */
public record PolicyParameters(String version, EligibilityPolicy eligibility, CollateralPolicy collateral,
                               LimitPolicy limits, PricingPolicy pricing, RiskSharingPolicy riskSharing,
                               MonitoringThresholds monitoring, ClassificationPolicy classification,
                               LgdAssumptions lgd, ValuationPolicy valuation, PortfolioRiskPolicy portfolioRisk,
                               ApprovalPolicy approval, NplPolicy npl, WiderCollateralPolicy widerCollateral,
                               RegistryPolicy registry, ValuationGovernancePolicy valuationGovernance,
                               ScorecardPolicy scorecard) {

    public static final Set<String> COVERAGES = Set.of("GUARANTEE_INSURANCE", "RISK_COMPENSATION_POOL",
            "GUARANTEE_FUND");

    /**
     * Market-practice defaults (DESIGN.md section 3): LTV caps 25-30% for inventions, ~15% for utility models, 30-50%
     * for trademarks; >= 8 / >= 4 years of remaining life; loss sharing pool 54 : bank 26 : insurer 16 : appraiser
     * 4 with insurance, bank 60 : pool 40 without; the national financing-guarantee "4-3-2-1" split for favoured
     * eco-industry borrowers; LPR 3.00% (1-year, 2025).
     */
    public static PolicyParameters defaults() {
        EligibilityPolicy eligibility = new EligibilityPolicy("DECLINE", 2, 3, new BigDecimal("0.05"),
                new BigDecimal("0.15"), 36, Arrays.stream(EcoIndustry.values()).map(Enum::name).toList());
        CollateralPolicy collateral = new CollateralPolicy(new BigDecimal("2"), Map.of(
                "INVENTION_PATENT", new BigDecimal("8"),
                "UTILITY_MODEL", new BigDecimal("4"),
                "DESIGN_PATENT", new BigDecimal("4")));
        List<ValueGradeBand> grades = List.of(new ValueGradeBand("A", new BigDecimal("80")),
                new ValueGradeBand("B", new BigDecimal("60")), new ValueGradeBand("C", new BigDecimal("40")),
                new ValueGradeBand("D", BigDecimal.ZERO));
        Map<String, Map<String, BigDecimal>> caps = new LinkedHashMap<>();
        caps.put("INVENTION_PATENT", grades("0.30", "0.25", "0.20", "0.10"));
        caps.put("UTILITY_MODEL", grades("0.15", "0.15", "0.10", "0.05"));
        caps.put("DESIGN_PATENT", grades("0.15", "0.10", "0.10", "0.05"));
        caps.put("TRADEMARK", grades("0.50", "0.40", "0.30", "0.15"));
        caps.put("GEOGRAPHICAL_INDICATION", grades("0.40", "0.30", "0.25", "0.10"));
        LimitPolicy limits = new LimitPolicy(grades, caps, new BigDecimal("0.05"), new BigDecimal("0.60"), 2,
                "REFER", new BigDecimal("10000000.00"));
        Map<String, BigDecimal> spreads = new LinkedHashMap<>();
        String[] gradeNames = {"A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3"};
        String[] spreadValues = {"0.0050", "0.0075", "0.0100", "0.0125", "0.0150", "0.0200", "0.0250", "0.0300",
            "0.0350"};
        for (int i = 0; i < gradeNames.length; i++) {
            spreads.put(gradeNames[i], new BigDecimal(spreadValues[i]));
        }
        PricingPolicy pricing = new PricingPolicy(new BigDecimal("0.0300"), spreads, new BigDecimal("0.0025"));
        RiskSharingPolicy sharing = new RiskSharingPolicy(List.of(
                new RiskShareScheme("INSURED_POOL_54_26_16_4", "GUARANTEE_INSURANCE", 1, true, false, null,
                        shares("RISK_COMPENSATION_POOL", "0.54", "BANK", "0.26", "INSURER", "0.16",
                                "APPRAISER", "0.04")),
                new RiskShareScheme("GUARANTEE_4321", "GUARANTEE_FUND", 2, false, true,
                        new BigDecimal("10000000.00"),
                        shares("GUARANTOR", "0.40", "GUARANTEE_FUND", "0.30", "BANK", "0.20",
                                "LOCAL_GOVERNMENT", "0.10")),
                new RiskShareScheme("POOL_60_40", "RISK_COMPENSATION_POOL", 3, false, false, null,
                        shares("BANK", "0.60", "RISK_COMPENSATION_POOL", "0.40"))));
        MonitoringThresholds monitoring = new MonitoringThresholds(new BigDecimal("0.20"), new BigDecimal("0.40"),
                new BigDecimal("0.10"));
        return new PolicyParameters("defaults-2026.1", eligibility, collateral, limits, pricing, sharing,
                monitoring, ClassificationPolicy.defaults(), LgdAssumptions.defaults(), ValuationPolicy.defaults(),
                PortfolioRiskPolicy.defaults(), ApprovalPolicy.defaults(), NplPolicy.defaults(),
                WiderCollateralPolicy.defaults(), RegistryPolicy.defaults(),
                ValuationGovernancePolicy.defaults(), ScorecardPolicy.defaults());
    }

    /** Versions stored before classification was policy data have none: they meant the regulator's floors. */
    public ClassificationPolicy classificationOrDefaults() {
        return classification == null ? ClassificationPolicy.defaults() : classification;
    }

    // Versions stored before these numbers were policy data have none: they meant the values then in code.

    public LgdAssumptions lgdOrDefaults() {
        return lgd == null ? LgdAssumptions.defaults() : lgd;
    }

    public ValuationPolicy valuationOrDefaults() {
        return valuation == null ? ValuationPolicy.defaults() : valuation;
    }

    public PortfolioRiskPolicy portfolioRiskOrDefaults() {
        return portfolioRisk == null ? PortfolioRiskPolicy.defaults() : portfolioRisk;
    }

    public ApprovalPolicy approvalOrDefaults() {
        return approval == null ? ApprovalPolicy.defaults() : approval;
    }

    public NplPolicy nplOrDefaults() {
        return npl == null ? NplPolicy.defaults() : npl;
    }

    /** Versions stored before copyrights and data IP were collateral have none: the market-practice defaults. */
    public WiderCollateralPolicy widerCollateralOrDefaults() {
        return widerCollateral == null ? WiderCollateralPolicy.defaults() : widerCollateral;
    }

    /** The limits the rules read: {@code limits} with the new types' LTV caps from {@code widerCollateral}. */
    public LimitPolicy effectiveLimits() {
        Map<String, Map<String, BigDecimal>> caps = new LinkedHashMap<>(limits.ltvCaps());
        caps.putAll(widerCollateralOrDefaults().ltvCaps());
        return new LimitPolicy(limits.valueGrades(), caps, limits.ecoLtvBonus(), limits.maxSingleAssetShare(),
                limits.concentrationMinAssets(), limits.concentrationAction(), limits.maxLoanAmount());
    }

    /** Versions stored before the pre-filing checks were policy data have none: the registries' own rule. */
    public RegistryPolicy registryOrDefaults() {
        return registry == null ? RegistryPolicy.defaults() : registry;
    }

    /** Versions stored before valuation governance was policy data have none: they meant these defaults. */
    public ValuationGovernancePolicy valuationGovernanceOrDefaults() {
        return valuationGovernance == null ? ValuationGovernancePolicy.defaults() : valuationGovernance;
    }

    /** Versions stored before the bank scorecard was policy data have none: they meant these defaults. */
    public ScorecardPolicy scorecardOrDefaults() {
        return scorecard == null ? ScorecardPolicy.defaults() : scorecard;
    }

    private static Map<String, BigDecimal> grades(String a, String b, String c, String d) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("A", new BigDecimal(a));
        m.put("B", new BigDecimal(b));
        m.put("C", new BigDecimal(c));
        m.put("D", new BigDecimal(d));
        return m;
    }

    private static Map<String, BigDecimal> shares(String... partyAndShare) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < partyAndShare.length; i += 2) {
            m.put(partyAndShare[i], new BigDecimal(partyAndShare[i + 1]));
        }
        return m;
    }

    /** Every problem with these parameters; field paths are relative to the parameters' JSON root. */
    public List<Problem> problems() {
        Checks checks = new Checks();
        check("", checks);
        return List.copyOf(checks.problems());
    }

    /** Checks into {@code checks} with {@code prefix} (e.g. "parameters.") before every field path. */
    public void check(String prefix, Checks checks) {
        checks.notBlank(prefix + "version", version);
        if (checks.present(prefix + "eligibility", eligibility)) {
            checkEligibility(prefix + "eligibility.", checks);
        }
        if (checks.present(prefix + "collateral", collateral)) {
            checkCollateral(prefix + "collateral.", checks);
        }
        if (checks.present(prefix + "limits", limits)) {
            checkLimits(prefix + "limits.", checks);
        }
        if (checks.present(prefix + "pricing", pricing)) {
            checkPricing(prefix + "pricing.", checks);
        }
        if (checks.present(prefix + "riskSharing", riskSharing)) {
            checkRiskSharing(prefix + "riskSharing.", checks);
        }
        if (checks.present(prefix + "monitoring", monitoring)) {
            checkMonitoring(prefix + "monitoring.", checks);
        }
        if (classification != null) {
            checkClassification(prefix + "classification.", checks);
        }
        if (lgd != null) {
            lgd.check(prefix + "lgd.", checks);
        }
        if (valuation != null) {
            valuation.check(prefix + "valuation.", checks);
        }
        if (portfolioRisk != null) {
            portfolioRisk.check(prefix + "portfolioRisk.", checks);
        }
        if (approval != null) {
            checks.money(prefix + "approval.twoApproverThreshold", approval.twoApproverThreshold(), false);
        }
        if (npl != null) {
            checks.fraction(prefix + "npl.tolerance", npl.tolerance());
        }
        if (widerCollateral != null) {
            List<String> gradeNames = limits == null || limits.valueGrades() == null ? List.of()
                    : limits.valueGrades().stream().map(ValueGradeBand::grade).toList();
            widerCollateral.check(prefix + "widerCollateral.", checks, gradeNames,
                    limits == null ? null : limits.ecoLtvBonus());
        }
        if (registry != null) {
            checks.atLeast(prefix + "registry.debtTermMarginDays", registry.debtTermMarginDays(), 0);
            if (registry.debtTermMarginDays() > 3660) {
                checks.add(prefix + "registry.debtTermMarginDays", "must be at most 3660");
            }
        }
        if (valuationGovernance != null) {
            valuationGovernance.check(prefix + "valuationGovernance.", checks);
        }
        if (scorecard != null) {
            scorecard.check(prefix + "scorecard.", checks);
        }
    }

    private void checkEligibility(String p, Checks checks) {
        EligibilityPolicy e = eligibility;
        if (!Set.of("DECLINE", "REFER").contains(e.largeFirmAction())) {
            checks.add(p + "largeFirmAction", "must be DECLINE or REFER");
        }
        checks.atLeast(p + "minYearsInBusiness", e.minYearsInBusiness(), 0);
        checks.atLeast(p + "defaultLookbackYears", e.defaultLookbackYears(), 0);
        checks.fraction(p + "referPd", e.referPd());
        checks.fraction(p + "maxPd", e.maxPd());
        if (e.referPd() != null && e.maxPd() != null && e.referPd().compareTo(e.maxPd()) > 0) {
            checks.add(p + "referPd", "must not exceed maxPd");
        }
        checks.atLeast(p + "maxTermMonths", e.maxTermMonths(), 1);
        if (checks.present(p + "favouredEcoIndustries", e.favouredEcoIndustries())) {
            for (int i = 0; i < e.favouredEcoIndustries().size(); i++) {
                String name = e.favouredEcoIndustries().get(i);
                if (Arrays.stream(EcoIndustry.values()).noneMatch(x -> x.name().equals(name))) {
                    checks.add(p + "favouredEcoIndustries[" + i + "]", "is not one of the ten ecological industries");
                }
            }
        }
    }

    private void checkCollateral(String p, Checks checks) {
        checks.nonNegative(p + "lifeMarginYears", collateral.lifeMarginYears());
        if (checks.present(p + "minRemainingLifeYears", collateral.minRemainingLifeYears())) {
            collateral.minRemainingLifeYears().forEach((type, years) -> {
                if (!isIpType(type)) {
                    checks.add(p + "minRemainingLifeYears." + type, "is not an IP type");
                } else if (WiderCollateralPolicy.covers(IpType.valueOf(type))) {
                    checks.add(p + "minRemainingLifeYears." + type, "is set in widerCollateral.minRemainingLifeYears");
                }
                checks.nonNegative(p + "minRemainingLifeYears." + type, years);
            });
        }
    }

    private void checkLimits(String p, Checks checks) {
        LimitPolicy l = limits;
        List<String> gradeNames = List.of();
        if (checks.present(p + "valueGrades", l.valueGrades()) && !l.valueGrades().isEmpty()) {
            gradeNames = l.valueGrades().stream().map(ValueGradeBand::grade).toList();
            BigDecimal previous = null;
            for (int i = 0; i < l.valueGrades().size(); i++) {
                ValueGradeBand band = l.valueGrades().get(i);
                checks.notBlank(p + "valueGrades[" + i + "].grade", band.grade());
                if (checks.present(p + "valueGrades[" + i + "].minScore", band.minScore())
                        && previous != null && band.minScore().compareTo(previous) >= 0) {
                    checks.add(p + "valueGrades[" + i + "].minScore", "must be below the previous band's minimum");
                }
                previous = band.minScore();
            }
            if (new HashSet<>(gradeNames).size() != gradeNames.size()) {
                checks.add(p + "valueGrades", "grades must be unique");
            }
        } else if (l.valueGrades() != null) {
            checks.add(p + "valueGrades", "must name at least one grade");
        }
        checks.nonNegative(p + "ecoLtvBonus", l.ecoLtvBonus());
        if (checks.present(p + "ltvCaps", l.ltvCaps())) {
            for (IpType type : IpType.values()) {
                if (WiderCollateralPolicy.covers(type)) {
                    continue;
                }
                Map<String, BigDecimal> byGrade = l.ltvCaps().get(type.name());
                if (byGrade == null) {
                    checks.add(p + "ltvCaps." + type.name(), "is required");
                    continue;
                }
                for (String grade : gradeNames) {
                    String field = p + "ltvCaps." + type.name() + "." + grade;
                    checks.fraction(field, byGrade.get(grade));
                    if (byGrade.get(grade) != null && l.ecoLtvBonus() != null
                            && byGrade.get(grade).add(l.ecoLtvBonus()).compareTo(BigDecimal.ONE) > 0) {
                        checks.add(field, "plus ecoLtvBonus must not exceed 1");
                    }
                }
            }
            l.ltvCaps().keySet().stream().filter(k -> !isIpType(k))
                    .forEach(k -> checks.add(p + "ltvCaps." + k, "is not an IP type"));
            l.ltvCaps().keySet().stream().filter(k -> isIpType(k) && WiderCollateralPolicy.covers(IpType.valueOf(k)))
                    .forEach(k -> checks.add(p + "ltvCaps." + k, "is set in widerCollateral.ltvCaps"));
        }
        if (checks.present(p + "maxSingleAssetShare", l.maxSingleAssetShare())
                && (l.maxSingleAssetShare().signum() <= 0 || l.maxSingleAssetShare().compareTo(BigDecimal.ONE) > 0)) {
            checks.add(p + "maxSingleAssetShare", "must be greater than 0 and at most 1");
        }
        checks.atLeast(p + "concentrationMinAssets", l.concentrationMinAssets(), 2);
        if (!Set.of("REFER", "CAP").contains(l.concentrationAction())) {
            checks.add(p + "concentrationAction", "must be REFER or CAP");
        }
        checks.money(p + "maxLoanAmount", l.maxLoanAmount(), true);
    }

    private void checkPricing(String p, Checks checks) {
        checks.fraction(p + "referenceRate", pricing.referenceRate());
        checks.nonNegative(p + "ecoRateDiscount", pricing.ecoRateDiscount());
        if (checks.present(p + "spreadByGrade", pricing.spreadByGrade())) {
            pricing.spreadByGrade().forEach((grade, spread) -> checks.fraction(p + "spreadByGrade." + grade, spread));
        }
    }

    private void checkRiskSharing(String p, Checks checks) {
        if (!checks.present(p + "schemes", riskSharing.schemes())) {
            return;
        }
        Set<String> names = new HashSet<>();
        Set<Integer> priorities = new HashSet<>();
        for (int i = 0; i < riskSharing.schemes().size(); i++) {
            String s = p + "schemes[" + i + "].";
            RiskShareScheme scheme = riskSharing.schemes().get(i);
            if (scheme == null) {
                checks.add(p + "schemes[" + i + "]", "is required");
                continue;
            }
            checks.notBlank(s + "name", scheme.name());
            if (scheme.name() != null && !names.add(scheme.name())) {
                checks.add(s + "name", "must be unique");
            }
            if (!COVERAGES.contains(scheme.coverage())) {
                checks.add(s + "coverage", "must be one of " + String.join(", ", COVERAGES.stream().sorted().toList()));
            }
            if (!priorities.add(scheme.priority())) {
                checks.add(s + "priority", "must be unique");
            }
            if (scheme.maxLoanAmount() != null) {
                checks.money(s + "maxLoanAmount", scheme.maxLoanAmount(), true);
            }
            if (!checks.present(s + "shares", scheme.shares()) || scheme.shares().isEmpty()) {
                if (scheme.shares() != null) {
                    checks.add(s + "shares", "must name at least one party");
                }
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> share : scheme.shares().entrySet()) {
                checks.fraction(s + "shares." + share.getKey(), share.getValue());
                sum = share.getValue() == null ? sum : sum.add(share.getValue());
            }
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                checks.add(s + "shares", "must add up to 1 (they add up to " + sum.toPlainString() + ")");
            }
        }
    }

    private void checkMonitoring(String p, Checks checks) {
        checks.fraction(p + "valueDropWarning", monitoring.valueDropWarning());
        checks.fraction(p + "valueDropCritical", monitoring.valueDropCritical());
        if (monitoring.valueDropWarning() != null && monitoring.valueDropCritical() != null
                && monitoring.valueDropWarning().compareTo(monitoring.valueDropCritical()) > 0) {
            checks.add(p + "valueDropWarning", "must not exceed valueDropCritical");
        }
        checks.nonNegative(p + "ltvTolerance", monitoring.ltvTolerance());
    }

    private void checkClassification(String p, Checks checks) {
        ClassificationPolicy c = classification;
        checks.atLeast(p + "technicalDelayDays", c.technicalDelayDays(), 0);
        if (c.substandardAfterDays() <= c.technicalDelayDays()) {
            checks.add(p + "substandardAfterDays", "must exceed technicalDelayDays");
        }
        if (c.doubtfulAfterDays() <= c.substandardAfterDays()) {
            checks.add(p + "doubtfulAfterDays", "must exceed substandardAfterDays");
        }
        if (c.lossAfterDays() <= c.doubtfulAfterDays()) {
            checks.add(p + "lossAfterDays", "must exceed doubtfulAfterDays");
        }
        if (c.lossAfterDays() > 3660) {
            checks.add(p + "lossAfterDays", "must be at most 3660");
        }
        if (checks.present(p + "penaltyRateMarkup", c.penaltyRateMarkup())) {
            checks.fraction(p + "penaltyRateMarkup", c.penaltyRateMarkup());
        }
    }

    static boolean isIpType(String name) {
        return Arrays.stream(IpType.values()).anyMatch(t -> t.name().equals(name));
    }
}
