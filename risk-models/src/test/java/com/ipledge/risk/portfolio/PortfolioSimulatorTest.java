package com.ipledge.risk.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.risk.RiskInputException;
import com.ipledge.risk.math.Normal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioSimulatorTest {
    private static final List<Double> LEVELS = List.of(0.99, 0.999);
    /** Tests run sizes above the service's synchronous limit; the limit itself is tested on its own. */
    private final PortfolioSimulator simulator = new PortfolioSimulator(2, 1_000_000_000L);

    /**
     * A large homogeneous group against Vasicek's limit P(L <= x) = N((sqrt(1-R) G(x) - G(PD)) / sqrt(R)).
     * With 200,000 scenarios the empirical CDF has a standard error sqrt(F(1-F)/n) <= 0.0011; we allow 5 of
     * them plus 0.002 for the finite portfolio (100,000 loans add binomial noise of sd sqrt(p/N) ~ 0.0005 to the
     * loss fraction, which shifts the CDF by well under 0.002).
     */
    @Test
    void largeHomogeneousGroupAgreesWithVasicek() {
        double pd = 0.02;
        double r = 0.12;
        int n = 200_000;
        PortfolioRequest request = new PortfolioRequest(
                List.of(new LoanGroup(100_000, BigDecimal.ONE, pd, 1.0, null)), null, r, null, n, 42L,
                List.of(0.5, 0.9, 0.99, 0.999), null, 1000);
        PortfolioResult result = simulator.simulate(request);
        for (double x : new double[] {0.005, 0.01, 0.02, 0.04, 0.08, 0.12}) {
            double vasicek = Normal.cdf((Math.sqrt(1 - r) * Normal.inverse(x) - Normal.inverse(pd)) / Math.sqrt(r));
            double empirical = empiricalCdf(result.histogram(), x * 100_000);
            double tolerance = 5 * Math.sqrt(vasicek * (1 - vasicek) / n) + 0.002;
            assertEquals(vasicek, empirical, tolerance + 0.001, "P(L <= " + x + ")");
        }
        for (double alpha : new double[] {0.9, 0.99, 0.999}) {
            double xAlpha = Normal.cdf((Normal.inverse(pd) + Math.sqrt(r) * Normal.inverse(alpha)) / Math.sqrt(1 - r));
            double simulated = result.lossQuantiles().get(PortfolioSimulator.levelKey(alpha)).doubleValue() / 100_000;
            // quantile tolerance: 3% relative (the 0.999 quantile rests on 200 tail scenarios)
            assertEquals(xAlpha, simulated, 0.03 * xAlpha, "quantile " + alpha);
        }
        assertEquals(pd * 100_000, result.expectedLoss().doubleValue(), 0.01 * pd * 100_000);
        assertEquals(new BigDecimal("2000.00"), result.analyticExpectedLoss());
    }

    /** The histogram has 1000 bins; interpolate the CDF inside a bin linearly. */
    private static double empiricalCdf(List<HistogramBin> bins, double loss) {
        long total = bins.stream().mapToLong(HistogramBin::count).sum();
        long below = 0;
        for (HistogramBin bin : bins) {
            double from = bin.from().doubleValue();
            double to = bin.to().doubleValue();
            if (loss >= to) {
                below += bin.count();
            } else {
                if (loss > from) {
                    below += Math.round(bin.count() * (loss - from) / (to - from));
                }
                break;
            }
        }
        return (double) below / total;
    }

    @Test
    void sameSeedSameResultWhateverTheThreads() {
        PortfolioRequest request = mixedRequest(20_000);
        PortfolioResult one = new PortfolioSimulator(1, 1_000_000_000L).simulate(request);
        PortfolioResult two = new PortfolioSimulator(2, 1_000_000_000L).simulate(request);
        assertEquals(one.lossQuantiles(), two.lossQuantiles());
        assertEquals(one.expectedShortfall(), two.expectedShortfall());
        assertEquals(one.contributions(), two.contributions());
        assertEquals(one.histogram(), two.histogram());
    }

    @Test
    void distinctExposuresMatchTheEquivalentGroup() {
        List<Exposure> exposures = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            exposures.add(new Exposure("e" + i, new BigDecimal("1000"), 0.03, 0.5, "B1", "C", "610100", "PATENT"));
        }
        int n = 40_000;
        PortfolioResult distinct = simulator.simulate(PortfolioRequest.ofExposures(exposures, 0.15, n, 7L, LEVELS));
        PortfolioResult group = simulator.simulate(PortfolioRequest.ofGroups(
                List.of(new LoanGroup(2000, new BigDecimal("1000"), 0.03, 0.5, "C")), 0.15, n, 8L, LEVELS));
        assertEquals(group.expectedLoss().doubleValue(), distinct.expectedLoss().doubleValue(), 0.03 * 30_000);
        assertEquals(30_000.0, distinct.expectedLoss().doubleValue(), 0.03 * 30_000);
        double g99 = group.lossQuantiles().get("0.99").doubleValue();
        double d99 = distinct.lossQuantiles().get("0.99").doubleValue();
        assertEquals(g99, d99, 0.06 * g99);
    }

    @Test
    void heterogeneousExposuresEstimateTheAnalyticExpectedLoss() {
        PortfolioResult r = simulator.simulate(mixedRequest(20_000));
        double analytic = r.analyticExpectedLoss().doubleValue();
        assertEquals(analytic, r.expectedLoss().doubleValue(), 0.04 * analytic);
        double es999 = r.expectedShortfall().get("0.999").doubleValue();
        assertTrue(es999 >= r.lossQuantiles().get("0.999").doubleValue());
        assertTrue(r.lossQuantiles().get("0.999").doubleValue() >= r.lossQuantiles().get("0.99").doubleValue());
        for (List<TagContribution> byLevel : r.contributions().values()) {
            double sum = byLevel.stream().mapToDouble(c -> c.expectedShortfallContribution().doubleValue()).sum();
            assertEquals(es999, sum, 0.01 * byLevel.size() + 1e-6, "ES contributions add up to ES");
            double elSum = byLevel.stream().mapToDouble(c -> c.expectedLoss().doubleValue()).sum();
            assertEquals(analytic, elSum, 0.01 * byLevel.size());
        }
    }

    @Test
    void herfindahlOfExposure() {
        List<Exposure> exposures = List.of(
                new Exposure("a", new BigDecimal("600"), 0.01, 0.5, "B1", "C", "R1", "PATENT"),
                new Exposure("b", new BigDecimal("200"), 0.01, 0.5, "B2", "C", "R1", "TRADEMARK"),
                new Exposure("c", new BigDecimal("200"), 0.01, 0.5, "B3", "I", "R1", null));
        assertEquals(0.36 + 0.04 + 0.04, Concentration.herfindahl(exposures, Tag.BANK), 1e-12);
        assertEquals(0.64 + 0.04, Concentration.herfindahl(exposures, Tag.INDUSTRY), 1e-12);
        assertEquals(1.0, Concentration.herfindahl(exposures, Tag.REGION), 1e-12);
        PortfolioResult r = simulator.simulate(PortfolioRequest.ofExposures(exposures, 0.1, 1000, 1L, LEVELS));
        assertEquals(0.44, r.herfindahl().get("bank"), 1e-12);
        assertEquals(List.of("PATENT", "TRADEMARK", "UNSPECIFIED"),
                r.contributions().get("ipType").stream().map(TagContribution::level).toList());
    }

    @Test
    void stressesRaiseLosses() {
        PortfolioRequest base = mixedRequest(20_000);
        PortfolioResult plain = simulator.simulate(base);
        PortfolioResult pdStress = simulator.simulate(base.withStress(StressScenario.pdMultiplier(2.0)));
        PortfolioResult haircut = simulator.simulate(base.withStress(StressScenario.collateralHaircut(0.5)));
        PortfolioResult shock = simulator.simulate(base.withStress(StressScenario.industryShock("F", 3.0)));
        double el = plain.analyticExpectedLoss().doubleValue();
        assertTrue(pdStress.analyticExpectedLoss().doubleValue() > 1.8 * el);
        assertTrue(haircut.analyticExpectedLoss().doubleValue() > el);
        assertTrue(pdStress.lossQuantiles().get("0.999").compareTo(plain.lossQuantiles().get("0.999")) > 0);
        assertEquals(3.0 * industryEl(plain, "F"), industryEl(shock, "F"), 0.02);
        assertEquals(industryEl(plain, "C"), industryEl(shock, "C"), 0.001);
        // LGD' = 1 - (1 - LGD)(1 - h): LGD 0.4 with h = 0.5 becomes 0.7
        PortfolioResult one = simulator.simulate(PortfolioRequest.ofGroups(
                List.of(new LoanGroup(10, new BigDecimal("100"), 0.1, 0.4, null)), 0.1, 100, 1L, LEVELS)
                .withStress(StressScenario.collateralHaircut(0.5)));
        assertEquals(new BigDecimal("70.00"), one.analyticExpectedLoss());
    }

    @Test
    void industryFactorsDiversifyTheTail() {
        List<LoanGroup> groups = new ArrayList<>();
        for (String sector : List.of("C", "I", "M", "F", "G", "R")) {
            groups.add(new LoanGroup(5000, new BigDecimal("1000"), 0.02, 0.5, sector));
        }
        PortfolioRequest oneFactor = PortfolioRequest.ofGroups(groups, 0.2, 50_000, 3L, LEVELS);
        PortfolioResult single = simulator.simulate(oneFactor);
        PortfolioResult multi = simulator.simulate(oneFactor.withSectorCorrelation(0.5));
        assertEquals("MULTI_FACTOR", multi.factorModel());
        assertTrue(multi.lossQuantiles().get("0.999").doubleValue()
                < 0.9 * single.lossQuantiles().get("0.999").doubleValue());
        assertEquals(single.expectedLoss().doubleValue(), multi.expectedLoss().doubleValue(),
                0.05 * single.expectedLoss().doubleValue());
    }

    @Test
    void badInputNamesTheField() {
        List<LoanGroup> groups = List.of(new LoanGroup(10, BigDecimal.TEN, 0.01, 0.5, null),
                new LoanGroup(10, BigDecimal.TEN, 0.01, 0.5, null),
                new LoanGroup(0, new BigDecimal("-1"), 1.2, -0.1, null));
        RiskInputException e = assertThrows(RiskInputException.class, () -> simulator.simulate(
                new PortfolioRequest(groups, null, 1.0, null, 0, 1L, List.of(0.99, 1.0), null, null)));
        assertEquals(List.of("groups[2].count", "groups[2].ead", "groups[2].pd", "groups[2].lgd", "correlation",
                "scenarios", "confidenceLevels[1]"),
                e.problems().stream().map(RiskInputException.Problem::field).toList());

        List<Exposure> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(new Exposure("e" + i, BigDecimal.ONE, 0.01, 0.5, null, null, null, null));
        }
        RiskInputException tooBig = assertThrows(RiskInputException.class, () -> new PortfolioSimulator().simulate(
                PortfolioRequest.ofExposures(many, 0.1, 10_000, 1L, LEVELS)));
        assertEquals("exposures", tooBig.problems().get(0).field());
        assertThrows(RiskInputException.class, () -> simulator.simulate(
                PortfolioRequest.ofGroups(List.of(), 0.1, 10, 1L, LEVELS)));
    }

    private static double industryEl(PortfolioResult r, String industry) {
        return r.contributions().get("industry").stream().filter(c -> c.level().equals(industry))
                .findFirst().orElseThrow().expectedLoss().doubleValue();
    }

    /** 1,000 exposures across banks, industries and PDs from 0.3% to 8%, plus two groups. */
    private static PortfolioRequest mixedRequest(int scenarios) {
        List<Exposure> exposures = new ArrayList<>();
        String[] industries = {"C", "I", "M", "F"};
        for (int i = 0; i < 1000; i++) {
            double pd = 0.003 + 0.077 * ((i * 37) % 1000) / 1000.0;
            exposures.add(new Exposure("e" + i, new BigDecimal(100_000 + 1000 * (i % 50)), pd, 0.3 + 0.4 * (i % 3) / 2.0,
                    "B" + (i % 3), industries[i % 4], "R" + (i % 5), i % 2 == 0 ? "PATENT" : "TRADEMARK"));
        }
        List<LoanGroup> groups = List.of(new LoanGroup(500, new BigDecimal("50000"), 0.02, 0.6, "C"),
                new LoanGroup(200, new BigDecimal("80000"), 0.05, 0.5, "F"));
        return new PortfolioRequest(groups, exposures, 0.15, null, scenarios, 99L, LEVELS, null, null);
    }
}
