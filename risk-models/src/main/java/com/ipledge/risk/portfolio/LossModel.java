package com.ipledge.risk.portfolio;

import com.ipledge.risk.Money;
import com.ipledge.risk.math.BinomialSampler;
import com.ipledge.risk.math.Normal;
import com.ipledge.risk.math.Xoshiro256;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A request turned into flat arrays for the scenario loop. A borrower defaults when
 * sqrt(R) Y + sqrt(1 - R) e < G(PD), Y its industry factor (the global factor Z in the one-factor model), so given
 * Y its default probability is N((G(PD) - sqrt(R) Y) / sqrt(1 - R)).
 */
final class LossModel {
    private static final int BLOCK = 256;

    private final long seed;
    private final double sqrtR;
    private final double sqrt1mR;
    private final boolean multiFactor;
    private final double sqrtRho;
    private final double sqrt1mRho;
    private final int sectorCount;

    // groups
    private final long[] gCount;
    private final double[] gThreshold;
    private final double[] gLossPerDefault;
    private final int[] gSector;
    private final int[][] gTagLevel;
    // distinct exposures, sorted by industry then PD descending, in blocks of one industry
    private final double[] eThreshold;
    private final double[] eLoss;
    private final int[][] eTagLevel;
    private final int[] blockStart;
    private final int[] blockSector;
    private final double[] blockThreshold;

    private final List<Map<String, Integer>> levelIndex;
    private final double[][] levelExposure;
    private final double[][] levelExpectedLoss;
    private final double totalExposure;
    private final double analyticExpectedLoss;

    private LossModel(Builder b) {
        this.seed = b.seed;
        this.sqrtR = Math.sqrt(b.correlation);
        this.sqrt1mR = Math.sqrt(1.0 - b.correlation);
        this.multiFactor = b.rho != null;
        this.sqrtRho = multiFactor ? Math.sqrt(b.rho) : 1.0;
        this.sqrt1mRho = multiFactor ? Math.sqrt(1.0 - b.rho) : 0.0;
        this.sectorCount = b.sectors.size();
        this.gCount = b.gCount;
        this.gThreshold = b.gThreshold;
        this.gLossPerDefault = b.gLossPerDefault;
        this.gSector = b.gSector;
        this.gTagLevel = b.gTagLevel;
        this.eThreshold = b.eThreshold;
        this.eLoss = b.eLoss;
        this.eTagLevel = b.eTagLevel;
        this.blockStart = b.blockStart;
        this.blockSector = b.blockSector;
        this.blockThreshold = b.blockThreshold;
        this.levelIndex = b.levelIndex;
        this.levelExposure = b.levelExposure;
        this.levelExpectedLoss = b.levelExpectedLoss;
        this.totalExposure = b.totalExposure;
        this.analyticExpectedLoss = b.analyticExpectedLoss;
    }

    static LossModel prepare(PortfolioRequest request, StressScenario stress) {
        return new Builder(request, stress).build();
    }

    String factorModelName() {
        return multiFactor ? "MULTI_FACTOR" : "ONE_FACTOR";
    }

    double totalExposure() {
        return totalExposure;
    }

    double analyticExpectedLoss() {
        return analyticExpectedLoss;
    }

    void simulateRange(int from, int to, double[] losses) {
        double[] factors = new double[sectorCount];
        for (int s = from; s < to; s++) {
            losses[s] = scenarioLoss(s, factors, null);
        }
    }

    double[][] newTagAccumulator() {
        double[][] acc = new double[Tag.values().length][];
        for (Tag tag : Tag.values()) {
            acc[tag.ordinal()] = new double[levelIndex.get(tag.ordinal()).size()];
        }
        return acc;
    }

    /** Recomputes scenario {@code s} exactly, adding each default's loss to its tag levels. */
    void replay(int s, double[][] byLevel) {
        scenarioLoss(s, new double[sectorCount], byLevel);
    }

    private double scenarioLoss(int s, double[] factors, double[][] byLevel) {
        RandomGenerator rng = Xoshiro256.forStream(seed, s);
        double z = rng.nextGaussian();
        for (int k = 0; k < sectorCount; k++) {
            factors[k] = multiFactor ? sqrtRho * z + sqrt1mRho * rng.nextGaussian() : z;
        }
        double loss = 0.0;
        for (int g = 0; g < gCount.length; g++) {
            double p = Normal.cdf((gThreshold[g] - sqrtR * factors[gSector[g]]) / sqrt1mR);
            long defaults = BinomialSampler.sample(rng, gCount[g], p);
            if (defaults > 0) {
                double groupLoss = defaults * gLossPerDefault[g];
                loss += groupLoss;
                if (byLevel != null) {
                    attribute(byLevel, gTagLevel, g, groupLoss);
                }
            }
        }
        for (int b = 0; b < blockSector.length; b++) {
            double shift = sqrtR * factors[blockSector[b]];
            double pMax = Normal.cdf((blockThreshold[b] - shift) / sqrt1mR);
            if (pMax <= 0.0) {
                continue;
            }
            int end = blockStart[b + 1];
            long i = blockStart[b] - 1L;
            // geometric skips visit each loan with probability pMax; pMax = 1 visits every loan
            double inverseLogMiss = pMax >= 1.0 ? 0.0 : 1.0 / Math.log1p(-pMax);
            while (true) {
                double jump = Math.log(1.0 - rng.nextDouble()) * inverseLogMiss;
                if (jump >= end - i - 1) {
                    break;
                }
                i += 1 + (long) jump;
                int k = (int) i;
                double p = Normal.cdf((eThreshold[k] - shift) / sqrt1mR);
                if (rng.nextDouble() * pMax < p) {
                    loss += eLoss[k];
                    if (byLevel != null) {
                        attribute(byLevel, eTagLevel, k, eLoss[k]);
                    }
                }
            }
        }
        return loss;
    }

    private static void attribute(double[][] byLevel, int[][] tagLevel, int unit, double amount) {
        for (int t = 0; t < byLevel.length; t++) {
            byLevel[t][tagLevel[t][unit]] += amount;
        }
    }

    List<TagContribution> contributions(Tag tag, double[] tailLoss) {
        int t = tag.ordinal();
        List<TagContribution> result = new ArrayList<>();
        for (Map.Entry<String, Integer> level : levelIndex.get(t).entrySet()) {
            int i = level.getValue();
            double share = totalExposure > 0 ? levelExposure[t][i] / totalExposure : 0.0;
            result.add(new TagContribution(level.getKey(), Money.yuan(levelExposure[t][i]), share,
                    Money.yuan(levelExpectedLoss[t][i]), Money.yuan(tailLoss[i])));
        }
        return result;
    }

    double herfindahl(Tag tag) {
        List<BigDecimal> parts = new ArrayList<>();
        for (double e : levelExposure[tag.ordinal()]) {
            parts.add(BigDecimal.valueOf(e));
        }
        return Concentration.herfindahl(parts);
    }

    private static final class Builder {
        final long seed;
        final double correlation;
        final Double rho;
        final Map<String, Integer> sectors = new LinkedHashMap<>();
        final List<Map<String, Integer>> levelIndex = new ArrayList<>();
        long[] gCount;
        double[] gThreshold;
        double[] gLossPerDefault;
        int[] gSector;
        int[][] gTagLevel;
        double[] eThreshold;
        double[] eLoss;
        int[][] eTagLevel;
        int[] blockStart;
        int[] blockSector;
        double[] blockThreshold;
        double[][] levelExposure;
        double[][] levelExpectedLoss;
        double totalExposure;
        double analyticExpectedLoss;
        private final List<LoanGroup> groups;
        private final List<Exposure> exposures;
        private final StressScenario stress;

        Builder(PortfolioRequest r, StressScenario stress) {
            this.seed = r.seed();
            this.correlation = r.correlation();
            this.rho = r.sectorCorrelation();
            this.groups = r.groups() == null ? List.of() : r.groups();
            this.exposures = r.exposures() == null ? List.of() : r.exposures();
            this.stress = stress;
            for (int t = 0; t < Tag.values().length; t++) {
                levelIndex.add(new LinkedHashMap<>());
            }
        }

        LossModel build() {
            int nTags = Tag.values().length;
            int ng = groups.size();
            gCount = new long[ng];
            gThreshold = new double[ng];
            gLossPerDefault = new double[ng];
            gSector = new int[ng];
            gTagLevel = new int[nTags][ng];
            List<double[]> unitFigures = new ArrayList<>();
            for (int g = 0; g < ng; g++) {
                LoanGroup group = groups.get(g);
                double pd = stress.stressedPd(group.pd(), group.sector());
                double lgd = stress.stressedLgd(group.lgd());
                double ead = group.ead().doubleValue();
                gCount[g] = group.count();
                gThreshold[g] = Normal.inverse(pd);
                gLossPerDefault[g] = ead * lgd;
                gSector[g] = sectorOf(group.sector());
                for (Tag tag : Tag.values()) {
                    gTagLevel[tag.ordinal()][g] = level(tag, tag == Tag.INDUSTRY ? group.sector() : null);
                }
                unitFigures.add(new double[] {ead * group.count(), pd * lgd * ead * group.count()});
            }

            int ne = exposures.size();
            Integer[] order = new Integer[ne];
            double[] pds = new double[ne];
            int[] sectorOfExposure = new int[ne];
            for (int i = 0; i < ne; i++) {
                order[i] = i;
                Exposure e = exposures.get(i);
                pds[i] = stress.stressedPd(e.pd(), e.industry());
                sectorOfExposure[i] = sectorOf(e.industry());
            }
            // one industry per block, PD descending so that a block's first loan bounds the others
            Arrays.sort(order, Comparator.<Integer>comparingInt(i -> sectorOfExposure[i])
                    .thenComparing(i -> -pds[i]));
            eThreshold = new double[ne];
            eLoss = new double[ne];
            eTagLevel = new int[nTags][ne];
            List<Integer> starts = new ArrayList<>();
            List<Integer> blockSectors = new ArrayList<>();
            for (int k = 0; k < ne; k++) {
                int i = order[k];
                Exposure e = exposures.get(i);
                double lgd = stress.stressedLgd(e.lgd());
                double ead = e.ead().doubleValue();
                eThreshold[k] = Normal.inverse(pds[i]);
                eLoss[k] = ead * lgd;
                for (Tag tag : Tag.values()) {
                    eTagLevel[tag.ordinal()][k] = level(tag, e.tag(tag));
                }
                boolean newSector = k == 0 || sectorOfExposure[order[k - 1]] != sectorOfExposure[i];
                if (newSector || k - starts.get(starts.size() - 1) == BLOCK) {
                    starts.add(k);
                    blockSectors.add(sectorOfExposure[i]);
                }
            }
            blockStart = new int[starts.size() + 1];
            blockSector = new int[starts.size()];
            blockThreshold = new double[starts.size()];
            for (int b = 0; b < starts.size(); b++) {
                blockStart[b] = starts.get(b);
                blockSector[b] = blockSectors.get(b);
                blockThreshold[b] = eThreshold[starts.get(b)];
            }
            blockStart[starts.size()] = ne;
            if (sectors.isEmpty()) {
                sectors.put(Concentration.UNSPECIFIED, 0);
            }

            levelExposure = new double[nTags][];
            levelExpectedLoss = new double[nTags][];
            for (Tag tag : Tag.values()) {
                levelExposure[tag.ordinal()] = new double[levelIndex.get(tag.ordinal()).size()];
                levelExpectedLoss[tag.ordinal()] = new double[levelIndex.get(tag.ordinal()).size()];
            }
            for (int g = 0; g < ng; g++) {
                addFigures(gTagLevel, g, unitFigures.get(g)[0], unitFigures.get(g)[1]);
            }
            for (int k = 0; k < ne; k++) {
                double ead = exposures.get(order[k]).ead().doubleValue();
                addFigures(eTagLevel, k, ead, pds[order[k]] * eLoss[k]);
            }
            return new LossModel(this);
        }

        private void addFigures(int[][] tagLevel, int unit, double exposure, double expectedLoss) {
            for (int t = 0; t < tagLevel.length; t++) {
                levelExposure[t][tagLevel[t][unit]] += exposure;
                levelExpectedLoss[t][tagLevel[t][unit]] += expectedLoss;
            }
            totalExposure += exposure;
            analyticExpectedLoss += expectedLoss;
        }

        private int sectorOf(String industry) {
            String key = industry == null ? Concentration.UNSPECIFIED : industry;
            return sectors.computeIfAbsent(key, k -> sectors.size());
        }

        private int level(Tag tag, String value) {
            Map<String, Integer> index = levelIndex.get(tag.ordinal());
            String key = value == null ? Concentration.UNSPECIFIED : value;
            return index.computeIfAbsent(key, k -> index.size());
        }
    }
}
