package com.ipledge.valuation;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One 10,000-path valuation against its baseline: drawing the same random numbers (four uniforms per path, three
 * of them turned into truncated-normal draws by the same inverse-CDF sampler, one into a triangular life) and
 * nothing else. Run with {@code ./mvnw -B -pl valuation -Pbench verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValuationBenchmark {
    private final ValuationEngine engine = new ValuationEngine();
    private ValuationRequest request;
    private PreparedAsset asset;

    @Setup
    public void setUp() {
        request = ValuationRequest.income(Fixtures.richInvention(), Fixtures.uncertain()).withPathsAndSeed(10_000, 1L);
        asset = PreparedAsset.prepare("", request.asset(), request.assumptions(), request.marketComparables(), null,
                ScoreWeights.FINANCE_DEFAULT,
                new Problems());
    }

    /** The whole engine: validation, simulation, quantiles, reconciliation, score and tornado. */
    @Benchmark
    public ValuationResult valuation10kPaths() {
        return engine.value(request);
    }

    /** Baseline: the same 40,000 uniforms and the same 30,000 truncated-normal and 10,000 triangular draws. */
    @Benchmark
    public double drawsOnly10kPaths() {
        RandomStream random = new RandomStream(1L);
        double sum = 0;
        for (int i = 0; i < 10_000; i++) {
            sum += asset.growth.at(random.nextOpenUnit()) + asset.royalty.at(random.nextOpenUnit())
                    + asset.discount.at(random.nextOpenUnit()) + asset.life.quantile(random.nextOpenUnit());
        }
        return sum;
    }

    /** The generator alone: 40,000 uniforms. */
    @Benchmark
    public double uniformsOnly10kPaths() {
        RandomStream random = new RandomStream(1L);
        double sum = 0;
        for (int i = 0; i < 40_000; i++) {
            sum += random.nextOpenUnit();
        }
        return sum;
    }
}
