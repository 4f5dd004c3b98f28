package com.ipledge.service.risk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ipledge.risk.portfolio.HistogramBin;
import com.ipledge.risk.portfolio.PortfolioResult;
import com.ipledge.risk.portfolio.TagContribution;
import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /risk/portfolio-simulations}. Money in yuan. {@code lossQuantiles} and
 * {@code expectedShortfall} map a confidence level ("0.999") to a loss (not net of EL); {@code var} repeats
 * {@code lossQuantiles} under the name API.md's resource table uses. {@code contributions} and {@code herfindahl}
 * are keyed by bank / industry / region / ipType.
 */
@Introspected
public record PortfolioSimulationAnswer(BigDecimal totalExposure, BigDecimal expectedLoss,
                                        BigDecimal analyticExpectedLoss, Map<String, BigDecimal> lossQuantiles,
                                        @JsonProperty("var") Map<String, BigDecimal> valueAtRisk,
                                        Map<String, BigDecimal> expectedShortfall,
                                        Map<String, List<Contribution>> contributions,
                                        Map<String, Double> herfindahl, List<Bin> histogram, String factorModel,
                                        int scenarios, long seed, long elapsedMs, String engineVersion) {

    /** One level of a tag: its exposure, share, EL and contribution to the expected shortfall at the top level. */
    @Introspected
    public record Contribution(String level, BigDecimal exposure, double exposureShare, BigDecimal expectedLoss,
                               BigDecimal expectedShortfallContribution) {
        static Contribution of(TagContribution c) {
            return new Contribution(c.level(), c.exposure(), c.exposureShare(), c.expectedLoss(),
                    c.expectedShortfallContribution());
        }
    }

    /** Scenarios whose loss fell in [from, to). */
    @Introspected
    public record Bin(BigDecimal from, BigDecimal to, long count) {
        static Bin of(HistogramBin b) {
            return new Bin(b.from(), b.to(), b.count());
        }
    }

    static PortfolioSimulationAnswer of(PortfolioResult r) {
        Map<String, List<Contribution>> contributions = new LinkedHashMap<>();
        r.contributions().forEach((tag, levels) ->
                contributions.put(tag, levels.stream().map(Contribution::of).toList()));
        return new PortfolioSimulationAnswer(r.totalExposure(), r.expectedLoss(), r.analyticExpectedLoss(),
                r.lossQuantiles(), r.lossQuantiles(), r.expectedShortfall(), contributions, r.herfindahl(),
                r.histogram().stream().map(Bin::of).toList(), r.factorModel(), r.scenarios(), r.seed(),
                r.elapsedMs(), r.engineVersion());
    }
}
