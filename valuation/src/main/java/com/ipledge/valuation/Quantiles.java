package com.ipledge.valuation;

/**
 * Mean and quantiles of simulated values without a full sort: quickselect finds each order statistic in linear
 * time (sorting 10,000 doubles would cost as much as the simulation itself). Quantiles use linear interpolation
 * between order statistics (Hyndman and Fan type 7, the R and NumPy default): h = (n-1) p.
 */
final class Quantiles {
    private Quantiles() {
    }

    /**
     * The mean as first + sum(x - first)/n: exactly the common value when all values are equal (a plain sum/n
     * need not be), and less cancellation otherwise.
     */
    static double mean(double[] values) {
        double first = values[0];
        double sum = 0;
        for (double v : values) {
            sum += v - first;
        }
        return first + sum / values.length;
    }

    /**
     * Quantiles at ascending {@code levels}; reorders {@code values} (partially sorts them). Every result is an
     * interpolation x_k + (x_(k+1) - x_k) frac, which is exactly x_k when neighbours are equal.
     */
    static double[] at(double[] values, double... levels) {
        int n = values.length;
        double[] result = new double[levels.length];
        int from = 0;
        for (int i = 0; i < levels.length; i++) {
            double h = (n - 1) * levels[i];
            int k = (int) Math.floor(h);
            double frac = h - k;
            select(values, from, n - 1, k);
            double low = values[k];
            if (frac > 0 && k + 1 < n) {
                double high = values[k + 1];
                for (int j = k + 2; j < n; j++) {
                    if (values[j] < high) {
                        high = values[j];
                    }
                }
                result[i] = low + (high - low) * frac;
            } else {
                result[i] = low;
            }
            from = k; // everything left of k is <= values[k]: the next, higher order statistic lies in [k, n)
        }
        return result;
    }

    /** Puts the k-th smallest of values[lo..hi] at k, smaller-or-equal values left of it, larger-or-equal right. */
    static void select(double[] a, int lo, int hi, int k) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            double pivot = medianOf3(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return; // j < k < i: a[k] equals the pivot and sits between the two partitions
            }
        }
    }

    private static double medianOf3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
