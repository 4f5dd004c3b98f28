package com.ipledge.valuation;

import java.time.LocalDate;

/**
 * A value score in the spirit of China's patent value analysis index (专利价值分析指标体系, CNIPA / China
 * Technology Exchange, 2012): three degrees scored 0..100 from the indicators we can observe, and a weighted total.
 * The indicators and points are this engine's choice (the index leaves scoring of each indicator to experts);
 * they are documented in the README and fixed per engine version.
 *
 * <p>Patents (total = 0.4 legal + 0.3 technical + 0.3 economic; legal first because a pledge is only as good as
 * the right behind it):
 * <ul>
 * <li>legal (稳定性, 有效期, 不可规避性, 诉讼): status 40 (in force 40, fee overdue 20, pending application 15,
 * invalidation filed 10); remaining legal life 35 x min(1, years/10); claims 10 x min(1, claims/10);
 * litigation 15 (none or upheld 15, pending 5, lost 0)</li>
 * <li>technical (先进性, 适用范围, 多国申请): type 30 (invention 30, utility model 20, design 10); forward citations
 * 40 x min(1, ln(1+c)/ln 11); claims 15 x min(1, claims/20); family 15 x min(1, (family-1)/4)</li>
 * <li>economic (市场应用, 许可, 市场规模): revenue attribution 40 x share; licences 30 x min(1, licences/3);
 * revenue scale 30 x clamp(log10(baseRevenue / 100,000) / 3, 0, 1), i.e. full at 100 million yuan</li>
 * </ul>
 * Marks (total = 0.3 legal + 0.2 strength + 0.5 economic: a mark's worth is mostly its market):
 * <ul>
 * <li>legal: status 40 as above; term 35 = 25 for being renewable + 10 x min(1, years left in current term/10);
 * Nice classes 10 x min(1, classes/5); litigation 15 as above</li>
 * <li>technical, read as mark strength for marks: years since registration 40 x min(1, years/15);
 * international registrations 30 x min(1, (family-1)/4); Nice classes 30 x min(1, classes/10)</li>
 * <li>economic: as for patents</li>
 * </ul>
 */
final class ValueScorer {
    private ValueScorer() {
    }

    static ValueScore score(AssetFacts asset, LegalLife life, double baseRevenue, LocalDate valuationDate) {
        double status = statusPoints(asset.legalStatusOrDefault());
        double litigation = litigationPoints(asset.litigation());
        double claims = count(asset.claims());
        double family = Math.max(1, count(asset.familySize()));
        double economic = economic(asset, baseRevenue);
        double legal;
        double technical;
        double total;
        if (asset.type().isMark()) {
            double classes = asset.niceClasses().size();
            legal = status + 25 + 10 * share(life.remainingLegalLifeYears(), 10) + 10 * share(classes, 5) + litigation;
            double age = asset.registrationDate() == null ? 0
                    : LegalTerms.yearsBetween(asset.registrationDate(), valuationDate);
            technical = 40 * share(age, 15) + 30 * share(family - 1, 4) + 30 * share(classes, 10);
            total = 0.3 * legal + 0.2 * technical + 0.5 * economic;
        } else {
            legal = status + 35 * share(life.remainingLegalLifeYears(), 10) + 10 * share(claims, 10) + litigation;
            double citations = count(asset.forwardCitations());
            technical = typePoints(asset.type()) + 40 * share(Math.log1p(citations), Math.log(11))
                    + 15 * share(claims, 20) + 15 * share(family - 1, 4);
            total = 0.4 * legal + 0.3 * technical + 0.3 * economic;
        }
        return new ValueScore(round1(legal), round1(technical), round1(economic), round1(total));
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

    private static double economic(AssetFacts asset, double baseRevenue) {
        double attribution = asset.revenueAttribution() == null ? 0 : asset.revenueAttribution();
        double scale = baseRevenue <= 0 ? 0 : Math.min(1, Math.max(0, Math.log10(baseRevenue / 100_000) / 3));
        return 40 * attribution + 30 * share(count(asset.licences()), 3) + 30 * scale;
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
