package com.ipledge.valuation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value score as an indicator tree in the shape of GB/T 42748-2023 专利评估指引 (first-level legal, technical and
 * economic value; second-level groups; third-level indicators), weighted for one use scenario
 * ({@link ScoreWeights}; the lender's is the finance scenario, {@link ScoreWeights#FINANCE_DEFAULT} unless the
 * policy says otherwise). Every third-level indicator scores 0..100 from a fact the engine can observe; a degree is
 * the weighted mean of its indicators' points, the total the weighted sum of all of them. The standard's own 27
 * third-level indicators are not reproduced: the engine scores the 11 it can observe (README, "Value score").
 *
 * <p>Patents:
 * <ul>
 * <li>legal: status (in force 100, fee overdue 50, pending application 37.5, invalidation filed 25, lost 0);
 * remaining legal life 100 x min(1, years/10); claims 100 x min(1, claims/10); litigation (none or upheld 100,
 * pending 33.3, lost 0)</li>
 * <li>technical: type (invention 100, utility model 66.7, design 33.3); forward citations
 * 100 x min(1, ln(1+c)/ln 11); claims 100 x min(1, claims/20); family 100 x min(1, (family-1)/4)</li>
 * <li>economic: revenue attribution 100 x share; licences 100 x min(1, licences/3);
 * revenue scale 100 x clamp(log10(baseRevenue / 100,000) / 3, 0, 1), i.e. full at 100 million yuan</li>
 * </ul>
 * Marks: legal: status as above; renewable 100; years left in the current term 100 x min(1, years/10); Nice
 * classes 100 x min(1, classes/5); litigation as above. Technical, read as mark strength: years since registration
 * 100 x min(1, years/15); international registrations 100 x min(1, (family-1)/4); Nice classes
 * 100 x min(1, classes/10). Economic: as for patents.
 */
final class ValueScorer {
    private ValueScorer() {
    }

    static ValueScore score(AssetFacts asset, LegalLife life, double baseRevenue, LocalDate valuationDate,
                            ScoreWeights scenario) {
        Map<String, Double> weights = (scenario == null ? ScoreWeights.FINANCE_DEFAULT : scenario).of(asset.type());
        List<Indicator> indicators = new ArrayList<>();
        Tree tree = new Tree(weights, indicators);
        LegalStatus status = asset.legalStatusOrDefault();
        tree.add("L.STABILITY.STATUS", "权利稳定性: 法律状态 (legal status)", status.name(),
                statusPoints(status) / 40 * 100, asset.legalStatus() == null ? FactSource.DEFAULT : FactSource.ASSET);
        double family = Math.max(1, count(asset.familySize()));
        double remaining = life.remainingLegalLifeYears();
        if (asset.type().isMark()) {
            double classes = asset.niceClasses().size();
            FactSource classSource = asset.niceClasses().isEmpty() ? FactSource.DEFAULT : FactSource.ASSET;
            tree.add("L.TERM.RENEWABLE", "有效期: 可续展 (renewable without limit)", "true", 100, FactSource.ASSET);
            tree.add("L.TERM.REMAINING", "有效期: 本期剩余年限 (years left in the current term)", years(remaining),
                    100 * share(remaining, 10), FactSource.ASSET);
            tree.add("L.SCOPE.CLASSES", "保护范围: 核定类别 (Nice classes)", fmt(classes), 100 * share(classes, 5),
                    classSource);
            litigation(tree, asset);
            double age = asset.registrationDate() == null ? 0
                    : LegalTerms.yearsBetween(asset.registrationDate(), valuationDate);
            tree.add("T.REPUTATION.AGE", "商标显著性与知名度: 注册年限 (years since registration)",
                    years(age), 100 * share(age, 15),
                    asset.registrationDate() == null ? FactSource.DEFAULT : FactSource.ASSET);
            tree.add("T.COVERAGE.INTERNATIONAL", "地域范围: 国际注册 (registrations, home one included)",
                    fmt(family), 100 * share(family - 1, 4), source(asset.familySize(), FactSource.ASSET));
            tree.add("T.COVERAGE.CLASSES", "使用范围: 核定类别 (Nice classes)", fmt(classes),
                    100 * share(classes, 10), classSource);
        } else {
            double claims = count(asset.claims());
            double citations = count(asset.forwardCitations());
            tree.add("L.TERM.REMAINING", "有效期: 剩余保护期 (remaining legal life, years)", years(remaining),
                    100 * share(remaining, 10), FactSource.ASSET);
            tree.add("L.SCOPE.CLAIMS", "保护范围: 权利要求数 (claims)", text(asset.claims()), 100 * share(claims, 10),
                    source(asset.claims(), FactSource.ASSET));
            litigation(tree, asset);
            tree.add("T.ADVANCE.TYPE", "技术先进性: 专利类型 (patent type)", asset.type().name(),
                    typePoints(asset.type()) / 30 * 100, FactSource.ASSET);
            tree.add("T.INFLUENCE.CITATIONS", "技术影响力: 被引次数 (forward citations)",
                    text(asset.forwardCitations()), 100 * share(Math.log1p(citations), Math.log(11)),
                    source(asset.forwardCitations(), FactSource.ASSET));
            tree.add("T.APPLICABILITY.CLAIMS", "适用范围: 权利要求数 (claims)", text(asset.claims()),
                    100 * share(claims, 20), source(asset.claims(), FactSource.ASSET));
            tree.add("T.COVERAGE.FAMILY", "多国申请: 同族规模 (family size)", fmt(family),
                    100 * share(family - 1, 4), source(asset.familySize(), FactSource.ASSET));
        }
        double attribution = asset.revenueAttribution() == null ? 0 : asset.revenueAttribution();
        tree.add("E.APPLICATION.ATTRIBUTION", "市场应用: 收入贡献率 (share of product revenue)",
                fmt(attribution), 100 * attribution,
                source(asset.revenueAttribution(), FactSource.OFFICER));
        tree.add("E.TRANSFER.LICENCES", "转化运用: 许可数 (licences)", text(asset.licences()),
                100 * share(count(asset.licences()), 3), source(asset.licences(), FactSource.OFFICER));
        double scale = baseRevenue <= 0 ? 0 : Math.min(1, Math.max(0, Math.log10(baseRevenue / 100_000) / 3));
        tree.add("E.MARKET.SCALE", "市场规模: 基期收入 (base revenue, yuan)",
                BigDecimal.valueOf(baseRevenue).setScale(2, RoundingMode.HALF_EVEN).toPlainString(), 100 * scale,
                FactSource.OFFICER);
        return new ValueScore(round1(tree.degree('L')), round1(tree.degree('T')), round1(tree.degree('E')),
                round1(tree.total()), indicators);
    }

    /** Collects indicators with their scenario weights and sums them by first-level indicator. */
    private static final class Tree {
        private final Map<String, Double> weights;
        private final List<Indicator> indicators;
        /** Unrounded points, in step with {@code indicators}: degrees are computed before any rounding. */
        private final List<Double> exact = new ArrayList<>();

        Tree(Map<String, Double> weights, List<Indicator> indicators) {
            this.weights = weights;
            this.indicators = indicators;
        }

        void add(String id, String name, String value, double points, FactSource source) {
            double bounded = Math.min(100, Math.max(0, points));
            exact.add(bounded);
            indicators.add(new Indicator(id, name, value, Math.round(bounded * 100) / 100.0,
                    weights.getOrDefault(id, 0.0), source));
        }

        /** Weighted mean of the first-level indicator's points. */
        double degree(char level) {
            double sum = 0;
            double weight = 0;
            for (int i = 0; i < indicators.size(); i++) {
                if (indicators.get(i).id().charAt(0) == level) {
                    sum += indicators.get(i).weight() * exact.get(i);
                    weight += indicators.get(i).weight();
                }
            }
            return weight == 0 ? 0 : sum / weight;
        }

        double total() {
            double sum = 0;
            for (int i = 0; i < indicators.size(); i++) {
                sum += indicators.get(i).weight() * exact.get(i);
            }
            return sum;
        }
    }

    private static void litigation(Tree tree, AssetFacts asset) {
        tree.add("L.ENFORCEMENT.LITIGATION", "侵权可判定性: 诉讼记录 (litigation)",
                asset.litigation() == null ? Litigation.NONE.name() : asset.litigation().name(),
                litigationPoints(asset.litigation()) / 15 * 100, source(asset.litigation(), FactSource.OFFICER));
    }

    private static FactSource source(Object fact, FactSource given) {
        return fact == null ? FactSource.DEFAULT : given;
    }

    /** The count as scored: a missing count scores as 0. */
    private static String text(Integer value) {
        return value == null ? "0" : value.toString();
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String years(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The band of a total and the conservative adjustment it brings (see {@link ScoreAdjustment}). */
    static ScoreAdjustment adjustment(ValueScore score, boolean apply) {
        double total = score.total();
        String band;
        double multiplier;
        double premium;
        if (total >= 80) {
            band = "A";
            multiplier = 1.00;
            premium = 0.00;
        } else if (total >= 60) {
            band = "B";
            multiplier = 0.95;
            premium = 0.01;
        } else if (total >= 40) {
            band = "C";
            multiplier = 0.85;
            premium = 0.02;
        } else {
            band = "D";
            multiplier = 0.70;
            premium = 0.04;
        }
        return apply ? new ScoreAdjustment(band, multiplier, premium, true) : new ScoreAdjustment(band, 1.0, 0.0, false);
    }

    private static double statusPoints(LegalStatus status) {
        return switch (status) {
            case IN_FORCE -> 40;
            case FEE_OVERDUE -> 20;
            case PENDING -> 15;
            case INVALIDATION_FILED -> 10;
            case LAPSED, INVALIDATED -> 0;
        };
    }

    private static double litigationPoints(Litigation litigation) {
        if (litigation == null) {
            return 15;
        }
        return switch (litigation) {
            case NONE, UPHELD -> 15;
            case PENDING -> 5;
            case LOST -> 0;
        };
    }

    private static double typePoints(AssetType type) {
        return switch (type) {
            case INVENTION_PATENT -> 30;
            case UTILITY_MODEL -> 20;
            default -> 10;
        };
    }

    private static double count(Integer value) {
        return value == null ? 0 : value;
    }

    private static double share(double value, double full) {
        return Math.min(1, Math.max(0, value / full));
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
