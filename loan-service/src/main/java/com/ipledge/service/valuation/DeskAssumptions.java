package com.ipledge.service.valuation;

import com.ipledge.rules.params.IndustryAssumptions;
import com.ipledge.rules.params.ValuationPolicy;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.ipasset.IpAsset;
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
 * 180 days exists. Deliberately plain and conservative, derived from the facts on file and the policy's table of
 * assumptions by industry ({@link ValuationPolicy#deskAssumptionsFor}: the borrower's GB/T 4754 division, else its
 * section, else the IP type's default row):
 * <ul>
 *   <li>baseRevenue = the borrower's operating revenue x the row's revenue share; not divided across the
 *       borrower's other pledged assets (the lead's bundle logic owns overlap);</li>
 *   <li>royalty rate truncated normal with mean = the midpoint of the row's range and sd = a quarter of its
 *       width (the range is about +-2 sd);</li>
 *   <li>economic life triangular (min, mode, max) from the row; for patents each capped at the remaining legal
 *       life (rounded down to 0.01 year); marks renew, so the engine discounts renewals instead;</li>
 *   <li>revenue growth 3 % (sd 5 %); discount rate 15 % (sd 2 %); tax 25 %; END_YEAR discounting;</li>
 *   <li>the value score adjusts royalty and discount (engine default); collateral quantile 0.10 (engine default);
 *       10,000 paths; seed = the asset id's two halves XORed, so a desk valuation of an asset is reproducible.</li>
 * </ul>
 * The default rows for {@code *} are the desk's former single assumptions per IP type (invention 4 % +- 1 %, 25 %
 * of revenue, life (4, 7, 10); utility model 2.5 % +- 0.75 %, 10 %, (3, 5, 7); design 1.5 % +- 0.5 %, 5 %,
 * (2, 4, 6); trademark 1.5 % +- 0.5 %, 15 %, (5, 8, 12); geographical indication 1 % +- 0.3 %, 10 %, (8, 10, 15)).
 * Copyrights, software copyrights and data-IP certificates without a row of their own in that table take revenue
 * share, royalty and life from the policy parameters ({@code widerCollateral.deskDefaults}), each life capped at
 * the protection or validity left. A patent, copyright or data-IP certificate with less than 0.01 year of legal
 * life left gets no desk valuation.
 */
final class DeskAssumptions {
    static final int PATHS = 10_000;
    static final double GROWTH_MEAN = 0.03;
    static final double GROWTH_SD = 0.05;
    static final double DISCOUNT_MEAN = 0.15;
    static final double DISCOUNT_SD = 0.02;
    static final double TAX_RATE = 0.25;

    /** The desk request and what it assumed. */
    record Desk(ValuationInput input, DeskBasis basis) {
    }

    private DeskAssumptions() {
    }

    /**
     * The desk request for {@code asset} (facts inline) on {@code today} under {@code policy} and {@code wider}
     * (version {@code version}); empty when a patent's term is over.
     */
    static Optional<Desk> request(IpAsset asset, AssetInput facts, Borrower borrower, LocalDate today,
                                  ValuationPolicy policy, WiderCollateralPolicy widerPolicy, String version) {
        com.ipledge.rules.IpType type = com.ipledge.rules.IpType.valueOf(asset.type().name());
        boolean wider = WiderCollateralPolicy.covers(type);
        Optional<IndustryAssumptions> own = policy.deskAssumptionsFor(borrower.industryCode(), asset.type().name());
        IndustryAssumptions row = own.isPresent() || !wider ? own.orElseThrow(
                () -> new IllegalStateException("policy has no * row for " + asset.type()))
                : fromDeskDefaults(type, widerPolicy.deskDefaults(type));
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
        BigDecimal baseRevenue = revenue.multiply(row.revenueShare()).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal low = row.royaltyRate().low();
        BigDecimal high = row.royaltyRate().high();
        double royaltyMean = low.add(high).divide(BigDecimal.valueOf(2)).doubleValue();
        double royaltySd = high.subtract(low).divide(BigDecimal.valueOf(4)).doubleValue();
        double lifeMin = Math.min(row.economicLifeYears().min().doubleValue(), cap);
        double lifeMode = Math.min(row.economicLifeYears().mode().doubleValue(), cap);
        double lifeMax = Math.min(row.economicLifeYears().max().doubleValue(), cap);
        AssumptionsInput assumptions = new AssumptionsInput(today, baseRevenue,
                new RateInput(GROWTH_MEAN, GROWTH_SD), new RateInput(royaltyMean, royaltySd),
                new RateInput(DISCOUNT_MEAN, DISCOUNT_SD), TAX_RATE, new LifeInput(lifeMin, lifeMode, lifeMax),
                Discounting.END_YEAR, null, null, null);
        ValuationInput input = new ValuationInput(null, facts, assumptions, BigInteger.valueOf(PATHS),
                BigInteger.valueOf(seed(asset)), List.of(), null, null);
        DeskBasis basis = new DeskBasis(borrower.industryCode(), row.industry(), row.ipType(), low, high,
                royaltyMean, royaltySd, row.revenueShare(), revenue, baseRevenue, lifeMin, lifeMode, lifeMax,
                row.source(), version);
        return Optional.of(new Desk(input, basis));
    }

    /**
     * The wider types' desk defaults as a table row: a royalty mean and sd give the range mean +- 2 sd (the inverse
     * of how a row's range becomes a mean and an sd below).
     */
    private static IndustryAssumptions fromDeskDefaults(com.ipledge.rules.IpType type,
                                                        WiderCollateralPolicy.DeskDefaults d) {
        BigDecimal twoSd = d.royaltySd().multiply(BigDecimal.valueOf(2));
        return new IndustryAssumptions(ValuationPolicy.ANY_INDUSTRY, type.name(),
                new IndustryAssumptions.RateRange(d.royaltyRate().subtract(twoSd), d.royaltyRate().add(twoSd)),
                d.revenueShare(), new IndustryAssumptions.LifeRange(d.lifeMin(), d.lifeMode(), d.lifeMax()),
                "policy parameters widerCollateral.deskDefaults." + type.name());
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
