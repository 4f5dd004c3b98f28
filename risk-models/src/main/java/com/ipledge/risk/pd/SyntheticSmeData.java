package com.ipledge.risk.pd;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic book of SME borrowers, used only to ship a working model; it is not evidence about real
 * IP-pledge borrowers. Assumptions (all stated in the module README):
 * <ul>
 *   <li>industry (GB/T 4754 section): C manufacturing 45%, I information technology 20%, M research 12%,
 *   G trade 10%, R culture 8%, F construction 5%; 3% missing;</li>
 *   <li>firm age: 1 + lognormal(median 6 years, sigma 0.7); revenue: lognormal(median 20 million yuan,
 *   sigma 1.2);</li>
 *   <li>leverage: Beta(2.5, 3) (mean 0.45); current ratio: lognormal(median 1.4, sigma 0.45), 5% missing;
 *   return on assets: normal(0.04, 0.07); interest cover: lognormal whose median rises with ROA (e^(1.2 + 6 ROA),
 *   sigma 0.8), 8% missing;</li>
 *   <li>past delinquency 8% (more likely with high leverage), court enforcement 3%; IP value score normal(60, 15)
 *   clipped to [0, 100]; collateral coverage lognormal(median 2.5, sigma 0.4);</li>
 *   <li>default: Bernoulli(logistic(b0 + 3 (leverage - 0.45) - 0.6 ln(current ratio) - 8 ROA
 *   - 0.35 ln(max(interest cover, 0.1)) - 0.04 age - 0.25 ln(revenue / 20m) + 1.2 delinquency + 1.0 court
 *   - 0.015 (IP score - 60) - 0.5 ln(coverage) + industry effect)), industry effects F +0.5, R +0.3, G +0.2,
 *   C 0, I -0.1, M -0.2; b0 is solved so that the expected default rate is {@value #TARGET_DEFAULT_RATE}.</li>
 * </ul>
 */
public final class SyntheticSmeData {
    public static final double TARGET_DEFAULT_RATE = 0.045;
    public static final String TARGET = "defaulted";
    private static final String[] INDUSTRIES = {"C", "I", "M", "G", "R", "F"};
    private static final double[] INDUSTRY_SHARE = {0.45, 0.20, 0.12, 0.10, 0.08, 0.05};
    private static final double[] INDUSTRY_EFFECT = {0.0, -0.1, -0.2, 0.2, 0.3, 0.5};

    private SyntheticSmeData() {
    }

    public static CsvTable generate(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][];
        double[] score = new double[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = borrower(random);
            score[i] = riskScore(x[i]);
        }
        double intercept = solveIntercept(score);
        List<String> header = new ArrayList<>(BorrowerFeatures.COLUMNS);
        header.add(TARGET);
        List<String[]> table = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            double p = 1.0 / (1.0 + Math.exp(-(intercept + score[i])));
            boolean defaulted = random.nextDouble() < p;
            table.add(cells(x[i], random, defaulted));
        }
        return new CsvTable(header, table);
    }

    // x: leverage, currentRatio, roa, interestCover, age, revenue, industryIndex, delinquency, court, ipScore, coverage
    private static double[] borrower(SplittableRandom r) {
        double leverage = beta(r, 2.5, 3.0);
        double currentRatio = Math.exp(Math.log(1.4) + 0.45 * r.nextGaussian());
        double roa = 0.04 + 0.07 * r.nextGaussian();
        double interestCover = Math.exp(1.2 + 6.0 * roa + 0.8 * r.nextGaussian());
        double age = 1.0 + Math.exp(Math.log(6.0) + 0.7 * r.nextGaussian());
        double revenue = Math.exp(Math.log(2.0e7) + 1.2 * r.nextGaussian());
        double u = r.nextDouble();
        int industry = 0;
        double cumulative = INDUSTRY_SHARE[0];
        while (u > cumulative && industry < INDUSTRIES.length - 1) {
            industry++;
            cumulative += INDUSTRY_SHARE[industry];
        }
        double delinquency = r.nextDouble() < 0.04 + 0.09 * leverage ? 1.0 : 0.0;
        double court = r.nextDouble() < 0.03 ? 1.0 : 0.0;
        double ipScore = Math.max(0.0, Math.min(100.0, 60.0 + 15.0 * r.nextGaussian()));
        double coverage = Math.exp(Math.log(2.5) + 0.4 * r.nextGaussian());
        return new double[] {leverage, currentRatio, roa, interestCover, age, revenue, industry, delinquency, court,
                ipScore, coverage};
    }

    private static double riskScore(double[] x) {
        return 3.0 * (x[0] - 0.45) - 0.6 * Math.log(x[1]) - 8.0 * x[2] - 0.35 * Math.log(Math.max(x[3], 0.1))
                - 0.04 * x[4] - 0.25 * Math.log(x[5] / 2.0e7) + 1.2 * x[7] + 1.0 * x[8] - 0.015 * (x[9] - 60.0)
                - 0.5 * Math.log(x[10]) + INDUSTRY_EFFECT[(int) x[6]];
    }

    private static double solveIntercept(double[] score) {
        double lo = -15;
        double hi = 5;
        for (int it = 0; it < 80; it++) {
            double mid = (lo + hi) / 2;
            double mean = 0;
            for (double s : score) {
                mean += 1.0 / (1.0 + Math.exp(-(mid + s)));
            }
            if (mean / score.length > TARGET_DEFAULT_RATE) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static String[] cells(double[] x, SplittableRandom r, boolean defaulted) {
        String[] c = new String[12];
        c[0] = fmt(x[0]);
        c[1] = r.nextDouble() < 0.05 ? null : fmt(x[1]);
        c[2] = fmt(x[2]);
        c[3] = r.nextDouble() < 0.08 ? null : fmt(x[3]);
        c[4] = fmt(x[4]);
        c[5] = String.valueOf(Math.round(x[5]));
        c[6] = r.nextDouble() < 0.03 ? null : INDUSTRIES[(int) x[6]];
        c[7] = x[7] > 0 ? "1" : "0";
        c[8] = x[8] > 0 ? "1" : "0";
        c[9] = fmt(x[9]);
        c[10] = fmt(x[10]);
        c[11] = defaulted ? "1" : "0";
        return c;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private static double beta(SplittableRandom r, double a, double b) {
        double x = gamma(r, a);
        double y = gamma(r, b);
        return x / (x + y);
    }

    /** Marsaglia and Tsang (2000) for shape >= 1. */
    private static double gamma(SplittableRandom r, double shape) {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = r.nextGaussian();
            double v = 1.0 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
