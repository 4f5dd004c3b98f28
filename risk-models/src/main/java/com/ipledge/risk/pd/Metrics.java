package com.ipledge.risk.pd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Discrimination and calibration of predicted default probabilities against observed outcomes. */
public final class Metrics {
    private Metrics() {
    }

    /** Area under the ROC curve: the Mann-Whitney probability that a default scores above a non-default (ties 1/2). */
    public static double auc(double[] score, boolean[] defaulted) {
        Integer[] order = sortedIndex(score);
        double rankSumPositives = 0.0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                if (defaulted[order[k]]) {
                    rankSumPositives += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = score.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Kolmogorov-Smirnov statistic: the largest gap between the score CDFs of defaults and non-defaults. */
    public static double ks(double[] score, boolean[] defaulted) {
        Integer[] order = sortedIndex(score);
        long positives = 0;
        for (boolean d : defaulted) {
            positives += d ? 1 : 0;
        }
        long negatives = score.length - positives;
        double cumPos = 0;
        double cumNeg = 0;
        double best = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                if (defaulted[order[j]]) {
                    cumPos++;
                } else {
                    cumNeg++;
                }
                j++;
            }
            best = Math.max(best, Math.abs(cumPos / positives - cumNeg / negatives));
            i = j;
        }
        return best;
    }

    /** Mean squared error of the probability. */
    public static double brier(double[] pd, boolean[] defaulted) {
        double sum = 0;
        for (int i = 0; i < pd.length; i++) {
            double err = pd[i] - (defaulted[i] ? 1.0 : 0.0);
            sum += err * err;
        }
        return sum / pd.length;
    }

    /** Calibration by deciles of predicted PD: count, mean predicted PD and observed default rate in each. */
    public static List<Map<String, Object>> calibration(double[] pd, boolean[] defaulted, int bins) {
        Integer[] order = sortedIndex(pd);
        List<Map<String, Object>> table = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) order.length * b / bins);
            int to = (int) ((long) order.length * (b + 1) / bins);
            if (to <= from) {
                continue;
            }
            double predicted = 0;
            int observed = 0;
            for (int k = from; k < to; k++) {
                predicted += pd[order[k]];
                observed += defaulted[order[k]] ? 1 : 0;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("decile", b + 1);
            row.put("count", to - from);
            row.put("minPd", pd[order[from]]);
            row.put("maxPd", pd[order[to - 1]]);
            row.put("meanPd", predicted / (to - from));
            row.put("observedRate", (double) observed / (to - from));
            table.add(row);
        }
        return table;
    }

    private static Integer[] sortedIndex(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        return order;
    }
}
