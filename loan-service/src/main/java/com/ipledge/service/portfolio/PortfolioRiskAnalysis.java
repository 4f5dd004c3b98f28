package com.ipledge.service.portfolio;

import static com.ipledge.service.portfolio.Amounts.money;

import com.ipledge.risk.EngineInfo;
import com.ipledge.risk.portfolio.Exposure;
import com.ipledge.risk.portfolio.HistogramBin;
import com.ipledge.risk.portfolio.PortfolioRequest;
import com.ipledge.risk.portfolio.PortfolioResult;
import com.ipledge.risk.portfolio.PortfolioSimulator;
import com.ipledge.risk.portfolio.TagContribution;
import com.ipledge.rules.params.PortfolioRiskPolicy;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.portfolio.PortfolioBook.BookLoan;
import com.ipledge.service.risk.PortfolioRisk;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated loss distribution of the live book (one-factor Monte Carlo) with the policy's stresses, for the
 * bureau (every bank) or one bank. The asset correlation and the stresses are policy parameters
 * ({@code portfolioRisk}: by default the Basel corporate floor R = 0.12, and PD x2, collateral -30 %, PD x3 in the
 * biggest industry).
 */
@Singleton
public class PortfolioRiskAnalysis {
    private final PortfolioBook book;
    private final PortfolioRisk portfolioRisk;
    private final PolicyParameterStore parameters;
    private final Clock clock;

    PortfolioRiskAnalysis(PortfolioBook book, PortfolioRisk portfolioRisk, PolicyParameterStore parameters,
                          Clock clock) {
        this.book = book;
        this.portfolioRisk = portfolioRisk;
        this.parameters = parameters;
        this.clock = clock;
    }

    public PortfolioRiskView risk(Caller caller, RiskOptions options) {
        return risk(caller.bankScope(), options);
    }

    public PortfolioRiskView risk(Optional<UUID> bankScope, RiskOptions options) {
        return simulate(bankScope, book.loans(bankScope), options);
    }

    /** The simulation of {@code loans} (the book in scope, or a filtered part of it: {@link PortfolioSelection}). */
    PortfolioRiskView simulate(Optional<UUID> bankScope, List<BookLoan> loans, RiskOptions options) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        List<BookLoan> live = loans.stream().filter(BookLoan::live).toList();
        Map<String, Double> hhi = BookSlices.of(loans).herfindahl();
        List<Double> levels = options.confidenceLevels();
        String biggestIndustry = biggestIndustry(live);
        PortfolioRiskPolicy policy = parameters.current().portfolioRiskOrDefaults();
        double correlation = policy.correlation().doubleValue();
        List<Stress> stresses = Stress.of(policy);

        if (live.isEmpty()) {
            Map<String, BigDecimal> zeros = new LinkedHashMap<>();
            levels.forEach(level -> zeros.put(levelKey(level), money(BigDecimal.ZERO)));
            List<PortfolioRiskView.StressResult> stress = stresses.stream()
                    .map(s -> s.result(biggestIndustry, money(BigDecimal.ZERO), money(BigDecimal.ZERO), zeros,
                            zeros))
                    .toList();
            return new PortfolioRiskView(today, PortfolioBook.scopeName(bankScope), 0, money(BigDecimal.ZERO),
                    money(BigDecimal.ZERO), money(BigDecimal.ZERO), zeros, zeros, zeros, Map.of(), hhi, List.of(),
                    stress, correlation, "one-factor", options.scenarios(), 0, false, options.seed(), levels,
                    elapsed(started), EngineInfo.VERSION);
        }

        List<Exposure> exposures = live.stream()
                .map(l -> new Exposure(l.row().loanId().toString(), l.outstanding(), l.pd().doubleValue(),
                        l.lgd().doubleValue(), l.row().bankCode(), l.section(), l.row().regionCode(),
                        l.dominantIpType()))
                .toList();
        long budget = PortfolioSimulator.MAX_LOAN_SCENARIOS / exposures.size();
        int scenarios = (int) Math.max(1, Math.min(options.scenarios(), budget));
        PortfolioRequest base = new PortfolioRequest(null, exposures, correlation, null, scenarios, options.seed(),
                levels, null, null);
        PortfolioResult r = portfolioRisk.simulate(base);
        List<PortfolioRiskView.StressResult> stress = new ArrayList<>();
        for (Stress s : stresses) {
            PortfolioResult sr = portfolioRisk.simulate(base.withStress(s.scenario(biggestIndustry)));
            stress.add(s.result(biggestIndustry, sr.expectedLoss(), sr.analyticExpectedLoss(), sr.lossQuantiles(),
                    sr.expectedShortfall()));
        }
        Map<String, List<PortfolioRiskView.Contribution>> contributions = new LinkedHashMap<>();
        r.contributions().forEach((tag, list) -> contributions.put(tag, list.stream()
                .map(PortfolioRiskAnalysis::contribution).toList()));
        List<PortfolioRiskView.Bin> bins = r.histogram().stream().map(PortfolioRiskAnalysis::bin).toList();
        return new PortfolioRiskView(today, PortfolioBook.scopeName(bankScope), exposures.size(), r.totalExposure(),
                r.expectedLoss(), r.analyticExpectedLoss(), r.lossQuantiles(), r.lossQuantiles(),
                r.expectedShortfall(), contributions, hhi, bins, stress, correlation, r.factorModel(),
                options.scenarios(), r.scenarios(), scenarios < options.scenarios(), r.seed(), levels,
                elapsed(started), r.engineVersion());
    }

    /** The industry section with the largest live exposure (ties: the first by code); null for an empty book. */
    private static String biggestIndustry(List<BookLoan> live) {
        Map<String, BigDecimal> sectionExposure = new LinkedHashMap<>();
        for (BookLoan l : live) {
            sectionExposure.merge(l.section(), l.outstanding(), BigDecimal::add);
        }
        return sectionExposure.entrySet().stream()
                .max(Map.Entry.<String, BigDecimal>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static PortfolioRiskView.Contribution contribution(TagContribution c) {
        return new PortfolioRiskView.Contribution(c.level(), c.exposure(), c.exposureShare(), c.expectedLoss(),
                c.expectedShortfallContribution());
    }

    private static PortfolioRiskView.Bin bin(HistogramBin b) {
        return new PortfolioRiskView.Bin(b.from(), b.to(), b.count());
    }

    /** The engine's key for a confidence level ("0.99", "0.999"). */
    static String levelKey(double level) {
        return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000L;
    }
}
