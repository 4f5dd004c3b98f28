package com.ipledge.risk.portfolio;

import com.ipledge.risk.EngineInfo;
import com.ipledge.risk.Money;
import com.ipledge.risk.Problems;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gaussian copula Monte Carlo of a credit portfolio's loss (one-factor, or industry multi-factor).
 *
 * <p>Design for size. Each scenario draws its own random stream from (seed, scenario index), so results do not
 * depend on how scenarios are split across threads, and any scenario can be replayed (that is how tail
 * contributions are computed without storing per-loan losses). A group of identical loans costs O(1) per
 * scenario: given the factor its default count is Binomial(count, p(z)), sampled exactly. Distinct exposures are
 * sorted by PD into blocks of one industry; per block the largest conditional PD p_max is an upper bound, the
 * candidates for default are visited by geometric skips at rate p_max, and each candidate defaults with
 * probability p_i / p_max (thinning, exact). So a scenario costs about sum(p_i) candidate visits instead of one
 * Gaussian per loan.
 */
public final class PortfolioSimulator {
    /**
     * The most loan-scenarios (exposures x scenarios; each group counts as one) the service answers
     * synchronously. The engine enforces the limit it is constructed with; the default constructor uses this.
     */
    public static final long MAX_LOAN_SCENARIOS = 10_000_000L;
    public static final int MAX_SCENARIOS = 5_000_000;
    public static final List<Double> DEFAULT_CONFIDENCE_LEVELS = List.of(0.99, 0.999);
    public static final int DEFAULT_HISTOGRAM_BINS = 50;

    private final int threads;
    private final long maxLoanScenarios;

    /** Both cores (at most 2 threads) and the service's synchronous limit. */
    public PortfolioSimulator() {
        this(Math.min(2, Runtime.getRuntime().availableProcessors()), MAX_LOAN_SCENARIOS);
    }

    public PortfolioSimulator(int threads, long maxLoanScenarios) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        this.maxLoanScenarios = maxLoanScenarios;
    }

    /** Told how many scenarios are done, from the simulating threads, every {@value #PROGRESS_CHUNK} or so. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void scenariosDone(long done, long total);
    }

    static final int PROGRESS_CHUNK = 2_000;

    public PortfolioResult simulate(PortfolioRequest request) {
        return simulate(request, Progress.NONE);
    }

    /** As {@link #simulate(PortfolioRequest)}, reporting progress (the answer does not depend on it). */
    public PortfolioResult simulate(PortfolioRequest request, Progress progress) {
        long started = System.nanoTime();
        validate(request);
        StressScenario stress = request.stress() == null ? StressScenario.NONE : request.stress();
        LossModel model = LossModel.prepare(request, stress);
        int n = request.scenarios();
        double[] losses = new double[n];
        runScenarios(model, losses, progress);

        double[] sorted = losses.clone();
        Arrays.sort(sorted);
        List<Double> levels = confidenceLevels(request);
        Map<String, BigDecimal> quantiles = new LinkedHashMap<>();
        Map<String, BigDecimal> shortfalls = new LinkedHashMap<>();
        double highest = 0.0;
        for (double level : levels) {
            int idx = quantileIndex(level, n);
            quantiles.put(levelKey(level), Money.yuan(sorted[idx]));
            shortfalls.put(levelKey(level), Money.yuan(tailMean(sorted, idx)));
            highest = Math.max(highest, level);
        }
        double mean = 0.0;
        for (double loss : sorted) {
            mean += loss;
        }
        mean /= n;

        double[][] tailByLevel = tailContributions(model, losses, sorted, quantileIndex(highest, n));
        Map<String, List<TagContribution>> contributions = new LinkedHashMap<>();
        Map<String, Double> herfindahl = new LinkedHashMap<>();
        for (Tag tag : Tag.values()) {
            contributions.put(tag.jsonName(), model.contributions(tag, tailByLevel[tag.ordinal()]));
            herfindahl.put(tag.jsonName(), model.herfindahl(tag));
        }
        int bins = request.histogramBins() == null ? DEFAULT_HISTOGRAM_BINS : request.histogramBins();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000L;
        return new PortfolioResult(Money.yuan(model.totalExposure()), Money.yuan(mean),
                Money.yuan(model.analyticExpectedLoss()), quantiles, shortfalls, contributions, herfindahl,
                histogram(sorted, bins), model.factorModelName(), n, request.seed(), elapsedMs, EngineInfo.VERSION);
    }

    private void runScenarios(LossModel model, double[] losses, Progress progress) {
        int n = losses.length;
        int workers = (int) Math.min(threads, Math.max(1, n / 64));
        AtomicLong done = new AtomicLong();
        if (workers == 1) {
            simulateInChunks(model, 0, n, losses, done, progress);
            return;
        }
        Thread[] pool = new Thread[workers];
        RuntimeException[] failure = new RuntimeException[1];
        for (int w = 0; w < workers; w++) {
            int from = (int) ((long) n * w / workers);
            int to = (int) ((long) n * (w + 1) / workers);
            pool[w] = new Thread(() -> {
                try {
                    simulateInChunks(model, from, to, losses, done, progress);
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "portfolio-mc-" + w);
            pool[w].start();
        }
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("portfolio simulation interrupted", e);
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void simulateInChunks(LossModel model, int from, int to, double[] losses, AtomicLong done,
                                         Progress progress) {
        for (int start = from; start < to; start += PROGRESS_CHUNK) {
            int end = Math.min(to, start + PROGRESS_CHUNK);
            model.simulateRange(start, end, losses);
            progress.scenariosDone(done.addAndGet(end - start), losses.length);
        }
    }

    /** Replays the scenarios at or beyond the highest quantile, attributing their losses to tag levels. */
    private static double[][] tailContributions(LossModel model, double[] losses, double[] sorted, int idx) {
        int tailCount = sorted.length - idx;
        double threshold = sorted[idx];
        int above = sorted.length - upperBound(sorted, threshold);
        int tiesNeeded = tailCount - above;
        double[][] byLevel = model.newTagAccumulator();
        for (int s = 0; s < losses.length; s++) {
            boolean inTail = losses[s] > threshold;
            if (!inTail && losses[s] == threshold && tiesNeeded > 0) {
                inTail = true;
                tiesNeeded--;
            }
            if (inTail) {
                model.replay(s, byLevel);
            }
        }
        for (double[] levels : byLevel) {
            for (int i = 0; i < levels.length; i++) {
                levels[i] /= tailCount;
            }
        }
        return byLevel;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int quantileIndex(double level, int n) {
        // the smallest k with (k + 1) / n >= level; the epsilon keeps 0.99 x 10000 from rounding up to 9901
        int k = (int) Math.ceil(level * n - 1e-9) - 1;
        return Math.max(0, Math.min(n - 1, k));
    }

    private static double tailMean(double[] sorted, int from) {
        double sum = 0.0;
        for (int i = from; i < sorted.length; i++) {
            sum += sorted[i];
        }
        return sum / (sorted.length - from);
    }

    private static List<HistogramBin> histogram(double[] sorted, int bins) {
        double max = sorted[sorted.length - 1];
        List<HistogramBin> result = new ArrayList<>(bins);
        if (max <= 0.0) {
            result.add(new HistogramBin(Money.yuan(0), Money.yuan(0), sorted.length));
            return result;
        }
        long[] counts = new long[bins];
        double width = max / bins;
        for (double loss : sorted) {
            counts[Math.min(bins - 1, (int) (loss / width))]++;
        }
        for (int b = 0; b < bins; b++) {
            result.add(new HistogramBin(Money.yuan(b * width), Money.yuan((b + 1) * width), counts[b]));
        }
        return result;
    }

    private static List<Double> confidenceLevels(PortfolioRequest request) {
        return request.confidenceLevels() == null || request.confidenceLevels().isEmpty()
                ? DEFAULT_CONFIDENCE_LEVELS : request.confidenceLevels();
    }

    static String levelKey(double level) {
        return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }

    private void validate(PortfolioRequest r) {
        Problems problems = new Problems();
        List<LoanGroup> groups = r.groups() == null ? List.of() : r.groups();
        List<Exposure> exposures = r.exposures() == null ? List.of() : r.exposures();
        if (groups.isEmpty() && exposures.isEmpty()) {
            problems.add("groups", "give at least one group or one exposure");
        }
        for (int i = 0; i < groups.size(); i++) {
            String field = "groups[" + i + "]";
            LoanGroup g = groups.get(i);
            if (g == null) {
                problems.add(field, "is required");
                continue;
            }
            if (g.count() < 1) {
                problems.add(field + ".count", "must be at least 1, was " + g.count());
            }
            problems.nonNegativeMoney(field + ".ead", g.ead())
                    .unitInterval(field + ".pd", g.pd())
                    .unitInterval(field + ".lgd", g.lgd());
        }
        for (int i = 0; i < exposures.size(); i++) {
            String field = "exposures[" + i + "]";
            Exposure e = exposures.get(i);
            if (e == null) {
                problems.add(field, "is required");
                continue;
            }
            problems.nonNegativeMoney(field + ".ead", e.ead())
                    .unitInterval(field + ".pd", e.pd())
                    .unitInterval(field + ".lgd", e.lgd());
        }
        if (!Double.isFinite(r.correlation()) || r.correlation() < 0.0 || r.correlation() >= 1.0) {
            problems.add("correlation", "must be at least 0 and below 1, was " + r.correlation());
        }
        if (r.sectorCorrelation() != null && !(r.sectorCorrelation() >= 0.0 && r.sectorCorrelation() <= 1.0)) {
            problems.add("sectorCorrelation", "must be between 0 and 1, was " + r.sectorCorrelation());
        }
        if (r.scenarios() < 1) {
            problems.add("scenarios", "must be at least 1, was " + r.scenarios());
        } else if (r.scenarios() > MAX_SCENARIOS) {
            problems.add("scenarios", "must be at most " + MAX_SCENARIOS + ", was " + r.scenarios());
        } else {
            long loanScenarios = ((long) exposures.size() + groups.size()) * r.scenarios();
            if (loanScenarios > maxLoanScenarios) {
                problems.add(exposures.isEmpty() ? "scenarios" : "exposures",
                        "exposures x scenarios = " + loanScenarios + " exceeds the limit of " + maxLoanScenarios
                                + " loan-scenarios (groups count as one each)");
            }
        }
        List<Double> levels = r.confidenceLevels() == null ? List.of() : r.confidenceLevels();
        for (int i = 0; i < levels.size(); i++) {
            Double level = levels.get(i);
            if (level == null || !(level > 0.0 && level < 1.0)) {
                problems.add("confidenceLevels[" + i + "]", "must be strictly between 0 and 1, was " + level);
            }
        }
        if (r.histogramBins() != null && (r.histogramBins() < 1 || r.histogramBins() > 1000)) {
            problems.add("histogramBins", "must be between 1 and 1000, was " + r.histogramBins());
        }
        StressScenario s = r.stress();
        if (s != null) {
            if (!Double.isFinite(s.pdMultiplier()) || s.pdMultiplier() < 0.0) {
                problems.add("stress.pdMultiplier", "must be a non-negative number, was " + s.pdMultiplier());
            }
            problems.unitInterval("stress.collateralHaircut", s.collateralHaircut());
            if (!Double.isFinite(s.industryPdMultiplier()) || s.industryPdMultiplier() < 0.0) {
                problems.add("stress.industryPdMultiplier",
                        "must be a non-negative number, was " + s.industryPdMultiplier());
            }
        }
        problems.throwIfAny();
    }
}
