package com.ipledge.valuation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One asset's validated inputs, turned into what the simulation needs: its legal life, value score, the
 * score-adjusted input distributions and the closed-form income model. Built by {@link #prepare}, which reports
 * every bad field and returns null instead of a half-valid object.
 */
final class PreparedAsset {
    private static final double MAX_LIFE_YEARS = 100;
    private static final double MAX_MONEY = 1e14; // 100 trillion yuan: anything above is a unit mistake
    private static final double SENSITIVITY_REVENUE_STEP = 0.10;
    private static final double SENSITIVITY_GROWTH_STEP = 0.02;
    private static final double SENSITIVITY_ROYALTY_RELATIVE_STEP = 0.10;
    private static final double SENSITIVITY_DISCOUNT_STEP = 0.01;
    private static final double SENSITIVITY_LIFE_STEP = 1.0;

    final LegalLife legalLife;
    final ValueScore valueScore;
    final ScoreAdjustment scoreAdjustment;
    final TruncatedNormal growth;
    final TruncatedNormal royalty;
    final TruncatedNormal discount;
    final TriangularLife life;
    final IncomeModel model;
    final double collateralQuantile;
    final MarketResult market;
    final double marketValue;
    final CostResult cost;
    final double costValue;
    private final double baseRevenue;

    private PreparedAsset(LegalLife legalLife, ValueScore valueScore, ScoreAdjustment scoreAdjustment,
            TruncatedNormal growth, TruncatedNormal royalty, TruncatedNormal discount, TriangularLife life,
            IncomeModel model, double collateralQuantile, MarketResult market, double marketValue, CostResult cost,
            double costValue, double baseRevenue) {
        this.legalLife = legalLife;
        this.valueScore = valueScore;
        this.scoreAdjustment = scoreAdjustment;
        this.growth = growth;
        this.royalty = royalty;
        this.discount = discount;
        this.life = life;
        this.model = model;
        this.collateralQuantile = collateralQuantile;
        this.market = market;
        this.marketValue = marketValue;
        this.cost = cost;
        this.costValue = costValue;
        this.baseRevenue = baseRevenue;
    }

    /** The income value of one path, from four uniforms (growth, royalty, discount, life). */
    double pathValue(double uGrowth, double uRoyalty, double uDiscount, double uLife) {
        return model.presentValue(growth.at(uGrowth), royalty.at(uRoyalty), discount.at(uDiscount),
                life.quantile(uLife));
    }

    /** The income value at the means: what every path gives when nothing is uncertain. */
    double closedForm() {
        return model.presentValue(growth.mean(), royalty.mean(), discount.mean(), life.expected());
    }

    boolean hasMarket() {
        return market != null;
    }

    boolean hasCost() {
        return cost != null;
    }

    /** Tornado rows: each input moved by -/+ 1 sd (or the documented step when it is certain), largest swing first. */
    List<SensitivityRow> sensitivity() {
        double g = growth.mean();
        double rho = royalty.mean();
        double r = discount.mean();
        double l = life.expected();
        double base = closedForm();
        List<double[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        // revenue enters linearly, so +-10 % of base revenue is +-10 % of value
        names.add("assumptions.baseRevenue");
        rows.add(new double[] {baseRevenue * (1 - SENSITIVITY_REVENUE_STEP), baseRevenue * (1 + SENSITIVITY_REVENUE_STEP),
                base * (1 - SENSITIVITY_REVENUE_STEP), base * (1 + SENSITIVITY_REVENUE_STEP)});
        double gStep = growth.sd() > 0 ? growth.sd() : SENSITIVITY_GROWTH_STEP;
        double gLow = Math.max(g - gStep, growth.lower());
        double gHigh = g + gStep;
        names.add("assumptions.revenueGrowth");
        rows.add(new double[] {gLow, gHigh, model.presentValue(gLow, rho, r, l), model.presentValue(gHigh, rho, r, l)});
        double rhoStep = royalty.sd() > 0 ? royalty.sd() : rho * SENSITIVITY_ROYALTY_RELATIVE_STEP;
        double rhoLow = Math.max(rho - rhoStep, royalty.lower());
        double rhoHigh = Math.min(rho + rhoStep, royalty.upper());
        names.add("assumptions.royaltyRate");
        rows.add(new double[] {rhoLow, rhoHigh, model.presentValue(g, rhoLow, r, l), model.presentValue(g, rhoHigh, r, l)});
        double rStep = discount.sd() > 0 ? discount.sd() : SENSITIVITY_DISCOUNT_STEP;
        double rLow = Math.max(r - rStep, discount.lower());
        double rHigh = r + rStep;
        names.add("assumptions.discountRate");
        rows.add(new double[] {rLow, rHigh, model.presentValue(g, rho, rLow, l), model.presentValue(g, rho, rHigh, l)});
        double lStep = life.standardDeviation() > 0 ? life.standardDeviation() : SENSITIVITY_LIFE_STEP;
        double lLow = Math.max(l - lStep, 0);
        double lHigh = l + lStep;
        names.add("assumptions.economicLifeYears");
        rows.add(new double[] {lLow, lHigh, model.presentValue(g, rho, r, lLow), model.presentValue(g, rho, r, lHigh)});
        List<SensitivityRow> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            result.add(new SensitivityRow(names.get(i), row[0], row[1], Money.yuan(row[2]), Money.yuan(row[3]),
                    Money.yuan(Math.abs(row[3] - row[2]))));
        }
        result.sort(Comparator.comparing(SensitivityRow::swing).reversed().thenComparing(SensitivityRow::input));
        return result;
    }

    /** Validates one asset's inputs (field paths prefixed, e.g. "assets[2].") and prepares it, or returns null. */
    static PreparedAsset prepare(String prefix, AssetFacts asset, IncomeAssumptions assumptions,
            List<MarketComparable> comparables, CostInputs costInputs, ScoreWeights scoreWeights, Problems problems) {
        int before = problems.size();
        checkAsset(prefix, asset, problems);
        checkAssumptions(prefix, assumptions, problems);
        double marketValue = market(prefix, comparables, problems);
        double costValue = cost(prefix, costInputs, problems);
        LegalLife legalLife = null;
        if (asset != null && asset.type() != null && assumptions != null && assumptions.valuationDate() != null) {
            legalLife = LegalTerms.legalLife(prefix, asset, assumptions.valuationDate(),
                    assumptions.renewalSurvivalOrDefault(), problems);
        }
        if (problems.size() > before) {
            return null;
        }
        double revenue = assumptions.baseRevenue().doubleValue();
        LocalDate valuationDate = assumptions.valuationDate();
        ValueScore score = ValueScorer.score(asset, legalLife, revenue, valuationDate, scoreWeights);
        ScoreAdjustment adjustment = ValueScorer.adjustment(score, assumptions.applyValueScoreOrDefault());
        Distribution g = assumptions.revenueGrowth();
        Distribution rho = assumptions.royaltyRate();
        Distribution r = assumptions.discountRate();
        TruncatedNormal growth = new TruncatedNormal(g.mean(), g.sd(), -1, Double.POSITIVE_INFINITY);
        TruncatedNormal royalty = new TruncatedNormal(rho.mean() * adjustment.royaltyMultiplier(),
                rho.sd() * adjustment.royaltyMultiplier(), 0, 1);
        TruncatedNormal discount = new TruncatedNormal(r.mean() + adjustment.discountPremium(), r.sd(), 0,
                Double.POSITIVE_INFINITY);
        boolean renewable = legalLife.renewable();
        IncomeModel model = new IncomeModel(revenue, assumptions.taxRate(), assumptions.discountingOrDefault(),
                renewable ? Double.POSITIVE_INFINITY : legalLife.remainingLegalLifeYears(), renewable,
                legalLife.remainingLegalLifeYears(), legalLife.renewalSurvivalProbability());
        MarketResult market = Double.isNaN(marketValue) ? null : new MarketResult(Money.yuan(marketValue),
                comparables.stream().map(c -> Money.yuan(adjustedPrice(c))).toList());
        CostResult cost = Double.isNaN(costValue) ? null : new CostResult(Money.yuan(costValue),
                costInputs.reproductionCost().setScale(2, java.math.RoundingMode.HALF_UP), remainingFraction(costInputs));
        return new PreparedAsset(legalLife, score, adjustment, growth, royalty, discount,
                assumptions.economicLifeYears(), model, assumptions.collateralQuantileOrDefault(), market,
                marketValue, cost, costValue, revenue);
    }

    private static void checkAsset(String prefix, AssetFacts asset, Problems problems) {
        String p = prefix + "asset";
        if (!problems.checkRequired(p, asset)) {
            return;
        }
        problems.checkRequired(p + ".type", asset.type());
        if (!asset.legalStatusOrDefault().isValuable()) {
            problems.add(p + ".legalStatus", "a " + asset.legalStatus() + " right is lost collateral and has no value to assess");
        }
        nonNegative(problems, p + ".claims", asset.claims());
        nonNegative(problems, p + ".forwardCitations", asset.forwardCitations());
        nonNegative(problems, p + ".licences", asset.licences());
        if (asset.familySize() != null && asset.familySize() < 1) {
            problems.add(p + ".familySize", "must be at least 1 (the asset itself)");
        }
        if (asset.revenueAttribution() != null) {
            problems.checkRange(p + ".revenueAttribution", asset.revenueAttribution(), 0, false, 1, false);
        }
        List<Integer> classes = asset.niceClasses();
        for (int i = 0; i < classes.size(); i++) {
            Integer c = classes.get(i);
            if (c == null || c < 1 || c > 45) {
                problems.add(p + ".niceClasses[" + i + "]", "must be a Nice class 1..45");
            }
        }
    }

    private static void nonNegative(Problems problems, String field, Integer value) {
        if (value != null && value < 0) {
            problems.add(field, "must not be negative");
        }
    }

    private static void checkAssumptions(String prefix, IncomeAssumptions a, Problems problems) {
        String p = prefix + "assumptions";
        if (!problems.checkRequired(p, a)) {
            return;
        }
        problems.checkRequired(p + ".valuationDate", a.valuationDate());
        if (problems.checkRequired(p + ".baseRevenue", a.baseRevenue())) {
            problems.checkRange(p + ".baseRevenue", a.baseRevenue().doubleValue(), 0, false, MAX_MONEY, false);
        }
        checkDistribution(problems, p + ".revenueGrowth", a.revenueGrowth(), -1, 1, false);
        checkDistribution(problems, p + ".royaltyRate", a.royaltyRate(), 0, 1, true);
        checkDistribution(problems, p + ".discountRate", a.discountRate(), 0, 1, true);
        if (problems.checkRequired(p + ".taxRate", a.taxRate())) {
            problems.checkRange(p + ".taxRate", a.taxRate(), 0, false, 1, true);
        }
        TriangularLife life = a.economicLifeYears();
        String l = p + ".economicLifeYears";
        if (problems.checkRequired(l, life)) {
            boolean ok = problems.checkRange(l + ".min", life.min(), 0, true, MAX_LIFE_YEARS, false);
            ok &= problems.checkRange(l + ".mode", life.mode(), 0, true, MAX_LIFE_YEARS, false);
            ok &= problems.checkRange(l + ".max", life.max(), 0, true, MAX_LIFE_YEARS, false);
            if (ok && life.mode() < life.min()) {
                problems.add(l + ".mode", "must not be below min (min <= mode <= max)");
            }
            if (ok && life.max() < life.mode()) {
                problems.add(l + ".max", "must not be below mode (min <= mode <= max)");
            }
        }
        if (a.collateralQuantile() != null) {
            problems.checkRange(p + ".collateralQuantile", a.collateralQuantile(), 0, true, 0.5, false);
        }
        if (a.renewalSurvivalProbability() != null) {
            problems.checkRange(p + ".renewalSurvivalProbability", a.renewalSurvivalProbability(), 0, true, 1, false);
        }
    }

    /** Mean inside (lower, upper) (upper closed when !upperOpen); sd finite and >= 0. */
    private static void checkDistribution(Problems problems, String field, Distribution d, double lower, double upper,
            boolean upperOpen) {
        if (!problems.checkRequired(field, d)) {
            return;
        }
        problems.checkRange(field + ".mean", d.mean(), lower, true, upper, upperOpen);
        problems.checkRange(field + ".sd", d.sd(), 0, false, Double.POSITIVE_INFINITY, true);
    }

    /** The weighted mean of adjusted prices, NaN when there are no comparables (or they are bad). */
    private static double market(String prefix, List<MarketComparable> comparables, Problems problems) {
        if (comparables == null || comparables.isEmpty()) {
            return Double.NaN;
        }
        int before = problems.size();
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < comparables.size(); i++) {
            String p = prefix + "marketComparables[" + i + "]";
            MarketComparable c = comparables.get(i);
            if (!problems.checkRequired(p, c)) {
                continue;
            }
            if (problems.checkRequired(p + ".price", c.price())) {
                problems.checkRange(p + ".price", c.price().doubleValue(), 0, true, MAX_MONEY, false);
            }
            for (int j = 0; j < c.adjustmentFactors().size(); j++) {
                Double f = c.adjustmentFactors().get(j);
                if (problems.checkRequired(p + ".adjustmentFactors[" + j + "]", f)) {
                    problems.checkRange(p + ".adjustmentFactors[" + j + "]", f, 0, true, 100, false);
                }
            }
            if (c.weight() != null) {
                problems.checkRange(p + ".weight", c.weight(), 0, true, Double.POSITIVE_INFINITY, true);
            }
            if (problems.size() == before) {
                double w = c.weight() == null ? 1 : c.weight();
                weighted += w * adjustedPrice(c);
                weights += w;
            }
        }
        return problems.size() > before ? Double.NaN : weighted / weights;
    }

    private static double adjustedPrice(MarketComparable c) {
        double price = c.price().doubleValue();
        for (Double f : c.adjustmentFactors()) {
            price *= f;
        }
        return price;
    }

    private static double cost(String prefix, CostInputs c, Problems problems) {
        if (c == null) {
            return Double.NaN;
        }
        String p = prefix + "cost";
        int before = problems.size();
        if (problems.checkRequired(p + ".reproductionCost", c.reproductionCost())) {
            problems.checkRange(p + ".reproductionCost", c.reproductionCost().doubleValue(), 0, false, MAX_MONEY, false);
        }
        problems.checkRange(p + ".physicalObsolescence", c.physicalObsolescence(), 0, false, 1, true);
        problems.checkRange(p + ".functionalObsolescence", c.functionalObsolescence(), 0, false, 1, true);
        problems.checkRange(p + ".economicObsolescence", c.economicObsolescence(), 0, false, 1, true);
        return problems.size() > before ? Double.NaN : c.reproductionCost().doubleValue() * remainingFraction(c);
    }

    private static double remainingFraction(CostInputs c) {
        return (1 - c.physicalObsolescence()) * (1 - c.functionalObsolescence()) * (1 - c.economicObsolescence());
    }

    BigDecimal closedFormYuan() {
        return Money.yuan(closedForm());
    }
}
