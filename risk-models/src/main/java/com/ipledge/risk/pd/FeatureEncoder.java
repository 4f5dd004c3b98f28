package com.ipledge.risk.pd;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a borrower's raw columns into the model's feature vector, with parameters fitted on the training split
 * only (so the held-out figures are honest).
 *
 * <ul>
 *   <li>Numeric columns: a heavily right-skewed non-negative column (skewness above 3, e.g. revenue or a
 *   coverage ratio) is log1p-transformed; then every numeric column is winsorised at its training p1 and p99
 *   (extreme ratios from tiny denominators stop dominating), a missing value is imputed with the training median
 *   and flagged by a {@code <column>:missing} indicator (when the training data had any), and the value is
 *   standardised to mean 0, sd 1 (needed by the SGD logistic regression; harmless for trees).</li>
 *   <li>Categorical columns (any column with a non-numeric value, or named as categorical): one-hot over the
 *   training levels (at most {@value #MAX_LEVELS} most frequent, the rest pooled as OTHER) with a MISSING level;
 *   a level never seen in training sets no indicator.</li>
 * </ul>
 */
public final class FeatureEncoder {
    static final int MAX_LEVELS = 30;
    private static final String MISSING = "MISSING";
    private static final String OTHER = "OTHER";

    private final List<Column> columns;
    private final String[] featureNames;
    private final int[] featureColumn;

    private FeatureEncoder(List<Column> columns) {
        this.columns = List.copyOf(columns);
        List<String> names = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            col.offset = names.size();
            if (col.numeric) {
                names.add(col.name);
                owner.add(c);
                if (col.missingIndicator) {
                    names.add(col.name + ":missing");
                    owner.add(c);
                }
            } else {
                for (String level : col.levels) {
                    names.add(col.name + "=" + level);
                    owner.add(c);
                }
            }
        }
        this.featureNames = names.toArray(String[]::new);
        this.featureColumn = owner.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Fits on the given rows of {@code table}, using the columns named in {@code inputs}. */
    public static FeatureEncoder fit(CsvTable table, List<String> inputs, Set<String> forcedCategorical, int[] rows) {
        List<Column> columns = new ArrayList<>();
        for (String name : inputs) {
            int idx = table.column(name);
            String[] values = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                values[i] = table.rows().get(rows[i])[idx];
            }
            boolean numeric = !forcedCategorical.contains(name) && allNumeric(values);
            columns.add(numeric ? fitNumeric(name, values) : fitCategorical(name, values));
        }
        return new FeatureEncoder(columns);
    }

    public List<String> inputColumns() {
        return columns.stream().map(c -> c.name).toList();
    }

    public boolean isNumeric(int column) {
        return columns.get(column).numeric;
    }

    public String[] featureNames() {
        return featureNames.clone();
    }

    public int featureCount() {
        return featureNames.length;
    }

    /** The input column that feature {@code f} comes from (several one-hot features share one column). */
    public int columnOf(int feature) {
        return featureColumn[feature];
    }

    /**
     * Encodes one borrower. {@code raw[c]} is the value of input column c: a Double (or numeric String) for a
     * numeric column, a String for a categorical one, null when missing.
     */
    public void encode(Object[] raw, double[] out) {
        Arrays.fill(out, 0.0);
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            Object value = raw[c];
            if (col.numeric) {
                double x = toDouble(value);
                boolean missing = Double.isNaN(x);
                double t = missing ? col.median : col.transform(x);
                t = Math.max(col.low, Math.min(col.high, t));
                out[col.offset] = col.sd > 0 ? (t - col.mean) / col.sd : 0.0;
                if (col.missingIndicator && missing) {
                    out[col.offset + 1] = 1.0;
                }
            } else {
                String level = value == null ? MISSING : value.toString();
                Integer at = col.levelIndex.get(level);
                if (at == null && col.levels.contains(OTHER)) {
                    at = col.levelIndex.get(OTHER);
                }
                if (at != null) {
                    out[col.offset + at] = 1.0;
                }
            }
        }
    }

    /** How each column was prepared, for the training report. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Column col : columns) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("column", col.name);
            if (col.numeric) {
                d.put("type", "numeric");
                d.put("transform", col.log ? "log1p" : "none");
                d.put("winsorised", List.of(col.low, col.high));
                d.put("missing", col.missingIndicator
                        ? "imputed with training median " + col.median + " plus a missing indicator"
                        : "imputed with training median " + col.median + " (none in training data)");
                d.put("standardised", List.of(col.mean, col.sd));
            } else {
                d.put("type", "categorical");
                d.put("levels", col.levels);
                d.put("missing", "one-hot level MISSING");
            }
            out.add(d);
        }
        return out;
    }

    static double toDouble(Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean allNumeric(String[] values) {
        boolean any = false;
        for (String v : values) {
            if (v == null) {
                continue;
            }
            any = true;
            try {
                if (!Double.isFinite(Double.parseDouble(v))) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return any;
    }

    private static Column fitNumeric(String name, String[] values) {
        double[] xs = Arrays.stream(values).filter(v -> v != null).mapToDouble(Double::parseDouble).toArray();
        Column col = new Column(name, true);
        col.missingIndicator = xs.length < values.length;
        col.log = Arrays.stream(xs).min().orElse(0) >= 0 && skewness(xs) > 3.0;
        double[] t = Arrays.stream(xs).map(col::transform).sorted().toArray();
        col.low = quantile(t, 0.01);
        col.high = quantile(t, 0.99);
        col.median = quantile(t, 0.5);
        double sum = 0;
        double sumSq = 0;
        for (String v : values) {
            double x = v == null ? col.median : Math.max(col.low, Math.min(col.high, col.transform(Double.parseDouble(v))));
            sum += x;
            sumSq += x * x;
        }
        col.mean = sum / values.length;
        col.sd = Math.sqrt(Math.max(0, sumSq / values.length - col.mean * col.mean));
        return col;
    }

    private static Column fitCategorical(String name, String[] values) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) {
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<String> levels = counts.keySet().stream()
                .sorted(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()))
                .limit(MAX_LEVELS).sorted().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        if (counts.size() > MAX_LEVELS) {
            levels.add(OTHER);
        }
        levels.add(MISSING);
        Column col = new Column(name, false);
        col.setLevels(levels);
        return col;
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0.0;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double skewness(double[] xs) {
        if (xs.length < 3) {
            return 0;
        }
        double mean = Arrays.stream(xs).average().orElse(0);
        double m2 = 0;
        double m3 = 0;
        for (double x : xs) {
            double d = x - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= xs.length;
        m3 /= xs.length;
        return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(columns.size());
        for (Column c : columns) {
            out.writeUTF(c.name);
            out.writeBoolean(c.numeric);
            if (c.numeric) {
                out.writeBoolean(c.log);
                out.writeBoolean(c.missingIndicator);
                for (double v : new double[] {c.low, c.high, c.median, c.mean, c.sd}) {
                    out.writeDouble(v);
                }
            } else {
                out.writeInt(c.levels.size());
                for (String level : c.levels) {
                    out.writeUTF(level);
                }
            }
        }
    }

    static FeatureEncoder read(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Column c = new Column(in.readUTF(), in.readBoolean());
            if (c.numeric) {
                c.log = in.readBoolean();
                c.missingIndicator = in.readBoolean();
                c.low = in.readDouble();
                c.high = in.readDouble();
                c.median = in.readDouble();
                c.mean = in.readDouble();
                c.sd = in.readDouble();
            } else {
                int levels = in.readInt();
                List<String> names = new ArrayList<>();
                for (int l = 0; l < levels; l++) {
                    names.add(in.readUTF());
                }
                c.setLevels(names);
            }
            columns.add(c);
        }
        return new FeatureEncoder(columns);
    }

    private static final class Column {
        final String name;
        final boolean numeric;
        boolean log;
        boolean missingIndicator;
        double low;
        double high;
        double median;
        double mean;
        double sd;
        List<String> levels = List.of();
        Map<String, Integer> levelIndex = Map.of();
        int offset;

        Column(String name, boolean numeric) {
            this.name = name;
            this.numeric = numeric;
        }

        double transform(double x) {
            return log ? Math.log1p(Math.max(0, x)) : x;
        }

        void setLevels(List<String> names) {
            levels = List.copyOf(names);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
            levelIndex = index;
        }
    }
}
