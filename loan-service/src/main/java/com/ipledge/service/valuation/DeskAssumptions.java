package com.ipledge.service.valuation;

import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.ipasset.LegalTerm;
import com.ipledge.service.valuation.ValuationInput.AssetInput;
import com.ipledge.service.valuation.ValuationInput.AssumptionsInput;
import com.ipledge.service.valuation.ValuationInput.LifeInput;
import com.ipledge.service.valuation.ValuationInput.RateInput;
import com.ipledge.rules.params.WiderCollateralPolicy;
import com.ipledge.valuation.Discounting;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The assumptions of a desk valuation: what the service values an asset with when no bank valuation younger than
 * 180 days exists. Deliberately plain and conservative, derived from the facts on file only:
 * <ul>
 *   <li>baseRevenue = the borrower's operating revenue x the share of revenue attributed to the IP type
 *       (invention 25 %, utility model 10 %, design 5 %, trademark 15 %, geographical indication 10 %); not divided
 *       across the borrower's other pledged assets (the lead's bundle logic owns overlap);</li>
 *   <li>revenue growth 3 % (sd 5 %); discount rate 15 % (sd 2 %); tax 25 %; END_YEAR discounting;</li>
 *   <li>royalty rate by type: invention 4 % (sd 1 %), utility model 2.5 % (sd 0.75 %), design 1.5 % (sd 0.5 %),
 *       trademark 1.5 % (sd 0.5 %), geographical indication 1 % (sd 0.3 %);</li>
 *   <li>economic life triangular(min, mode, max) by type: invention (4, 7, 10), utility model (3, 5, 7), design
 *       (2, 4, 6), trademark (5, 8, 12), geographical indication (8, 10, 15) years; for patents each capped at the
 *       remaining legal life (rounded down to 0.01 year); marks renew, so the engine discounts renewals instead;</li>
 *   <li>the value score adjusts royalty and discount (engine default); collateral quantile 0.10 (engine default);
 *       10,000 paths; seed = the asset id's two halves XORed, so a desk valuation of an asset is reproducible.</li>
 * </ul>
 * Copyrights, software copyrights and data-IP certificates take revenue share, royalty and life from the policy
 * parameters ({@code widerCollateral.deskDefaults}), each life capped at the protection or validity left.
 * A patent, copyright or data-IP certificate with less than 0.01 year of legal life left gets no desk valuation.
 */
final class DeskAssumptions {
    static final int PATHS = 10_000;
    static final double GROWTH_MEAN = 0.03;
    static final double GROWTH_SD = 0.05;
    static final double DISCOUNT_MEAN = 0.15;
    static final double DISCOUNT_SD = 0.02;
    static final double TAX_RATE = 0.25;

    /** Revenue share, royalty (mean, sd) and economic life (min, mode, max) of one IP type. */
    private record TypeDefaults(String revenueShare, double royaltyMean, double royaltySd, double lifeMin,
                                double lifeMode, double lifeMax) {
    }

    private DeskAssumptions() {
    }

    private static TypeDefaults defaults(IpType type) {
        return switch (type) {
            case INVENTION_PATENT -> new TypeDefaults("0.25", 0.04, 0.01, 4, 7, 10);
            case UTILITY_MODEL -> new TypeDefaults("0.10", 0.025, 0.0075, 3, 5, 7);
            case DESIGN_PATENT -> new TypeDefaults("0.05", 0.015, 0.005, 2, 4, 6);
            case TRADEMARK -> new TypeDefaults("0.15", 0.015, 0.005, 5, 8, 12);
            case GEOGRAPHICAL_INDICATION -> new TypeDefaults("0.10", 0.01, 0.003, 8, 10, 15);
            case COPYRIGHT, SOFTWARE_COPYRIGHT, DATA_IP -> throw new IllegalArgumentException(
                    type + "'s desk defaults are policy data");
        };
    }

    /** The policy's desk defaults for a copyright, software copyright or data-IP certificate. */
    private static TypeDefaults defaults(WiderCollateralPolicy.DeskDefaults d) {
        return new TypeDefaults(d.revenueShare().toPlainString(), d.royaltyRate().doubleValue(),
                d.royaltySd().doubleValue(), d.lifeMin().doubleValue(), d.lifeMode().doubleValue(),
                d.lifeMax().doubleValue());
    }

    /** The desk request for {@code asset} (facts inline) on {@code today}; empty when a patent's term is over. */
    static Optional<ValuationInput> request(IpAsset asset, AssetInput facts, Borrower borrower, LocalDate today,
                                            WiderCollateralPolicy policy) {
        boolean wider = WiderCollateralPolicy.covers(com.ipledge.rules.IpType.valueOf(asset.type().name()));
        TypeDefaults d = wider ? defaults(policy.deskDefaults(com.ipledge.rules.IpType.valueOf(asset.type().name())))
                : defaults(asset.type());
        double cap = Double.POSITIVE_INFINITY;
        if (asset.type().isPatent() || wider) {
            // a copyright's term and a data-IP certificate's validity are on file; a patent's follows its filing
            LocalDate termEnds = (wider ? asset.expiresOn()
                    : LegalTerm.expiresOn(asset.type(), asset.filingDate(), asset.registrationDate())).plusDays(1);
            cap = Math.floor(yearsBetween(today, termEnds) * 100) / 100;
            if (cap < 0.01) {
                return Optional.empty();
            }
        }
        BigDecimal revenue = borrower.operatingRevenue() == null ? BigDecimal.ZERO : borrower.operatingRevenue();
        BigDecimal baseRevenue = revenue.multiply(new BigDecimal(d.revenueShare())).setScale(2, RoundingMode.HALF_EVEN);
        AssumptionsInput assumptions = new AssumptionsInput(today, baseRevenue,
                new RateInput(GROWTH_MEAN, GROWTH_SD), new RateInput(d.royaltyMean(), d.royaltySd()),
                new RateInput(DISCOUNT_MEAN, DISCOUNT_SD), TAX_RATE,
                new LifeInput(Math.min(d.lifeMin(), cap), Math.min(d.lifeMode(), cap), Math.min(d.lifeMax(), cap)),
                Discounting.END_YEAR, null, null, null);
        return Optional.of(new ValuationInput(null, facts, assumptions, BigInteger.valueOf(PATHS),
                BigInteger.valueOf(seed(asset)), List.of(), null, null));
    }

    /** Stable per asset: the same asset always draws the same paths. */
    static long seed(IpAsset asset) {
        return asset.id().getMostSignificantBits() ^ asset.id().getLeastSignificantBits();
    }

    /** The engine's measure of legal life: whole anniversary years plus the elapsed share of the last one. */
    private static double yearsBetween(LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            return 0;
        }
        long whole = ChronoUnit.YEARS.between(from, to);
        LocalDate anchor = from.plusYears(whole);
        long daysIn = ChronoUnit.DAYS.between(anchor, to);
        long yearLength = ChronoUnit.DAYS.between(anchor, from.plusYears(whole + 1));
        return whole + (double) daysIn / yearLength;
    }
}
