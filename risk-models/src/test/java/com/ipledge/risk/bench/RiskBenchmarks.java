package com.ipledge.risk.bench;

import com.ipledge.risk.math.Normal;
import com.ipledge.risk.pd.BorrowerFeatures;
import com.ipledge.risk.pd.PdModel;
import com.ipledge.risk.pd.PdScore;
import com.ipledge.risk.portfolio.Exposure;
import com.ipledge.risk.portfolio.LoanGroup;
import com.ipledge.risk.portfolio.PortfolioRequest;
import com.ipledge.risk.portfolio.PortfolioResult;
import com.ipledge.risk.portfolio.PortfolioSimulator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Speed of the risk engine: PD scoring, a 100,000-loan group x 200,000 scenarios, 100,000 distinct exposures x
 * 10,000 scenarios, and the per-loan java.util.Random Gaussian baseline (measured at 10,000 loans x 2,000
 * scenarios; it is linear in loans x scenarios, so BENCHMARKS.md scales it to the full sizes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class RiskBenchmarks {
    static final int BASELINE_LOANS = 10_000;
    static final int BASELINE_SCENARIOS = 2_000;
    private static final double PD = 0.02;
    private static final double R = 0.12;

    private final PortfolioSimulator simulator = new PortfolioSimulator(2, Long.MAX_VALUE);
    private PdModel model;
    private BorrowerFeatures borrower;
    private PortfolioRequest group;
    private PortfolioRequest distinct;
    private long seed;

    @Setup(Level.Trial)
    public void setUp() {
        model = PdModel.shipped();
        borrower = new BorrowerFeatures(0.6, 1.1, 0.02, 2.5, 6.0, 1.5e7, "C", false, false, 55.0, 2.0);
        group = PortfolioRequest.ofGroups(List.of(new LoanGroup(100_000, new BigDecimal("1000000"), PD, 0.45, null)),
                R, 200_000, 1L, List.of(0.99, 0.999));
        List<Exposure> exposures = new ArrayList<>();
        Random random = new Random(5);
        String[] industries = {"C", "I", "M", "F", "G", "R"};
        for (int i = 0; i < 100_000; i++) {
            exposures.add(new Exposure("e" + i, new BigDecimal(200_000 + random.nextInt(5_000_000)),
                    0.003 + 0.05 * random.nextDouble(), 0.3 + 0.5 * random.nextDouble(), "B" + (i % 12),
                    industries[i % 6], "R" + (i % 11), i % 3 == 0 ? "TRADEMARK" : "INVENTION_PATENT"));
        }
        distinct = PortfolioRequest.ofExposures(exposures, R, 10_000, 1L, List.of(0.99, 0.999));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public PdScore pdScore() {
        return model.score(borrower);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PortfolioResult group100kLoansX200kScenarios() {
        return simulator.simulate(group);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PortfolioResult distinct100kExposuresX10kScenarios() {
        return simulator.simulate(distinct);
    }

    /** The naive way: one java.util.Random Gaussian per loan per scenario, single thread. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double baselinePerLoanRandom10kX2k() {
        Random random = new Random(++seed);
        double threshold = Normal.inverse(PD);
        double sqrtR = Math.sqrt(R);
        double sqrt1mR = Math.sqrt(1 - R);
        double[] losses = new double[BASELINE_SCENARIOS];
        for (int s = 0; s < BASELINE_SCENARIOS; s++) {
            double z = random.nextGaussian();
            double loss = 0;
            for (int i = 0; i < BASELINE_LOANS; i++) {
                if (sqrtR * z + sqrt1mR * random.nextGaussian() < threshold) {
                    loss += 450_000.0;
                }
            }
            losses[s] = loss;
        }
        java.util.Arrays.sort(losses);
        return losses[(int) (0.999 * BASELINE_SCENARIOS)];
    }
}
