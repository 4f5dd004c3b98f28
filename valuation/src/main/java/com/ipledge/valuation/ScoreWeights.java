package com.ipledge.valuation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value score's weights for one use scenario (GB/T 42748-2023 weights its indicators per scenario; a lender's
 * is the finance scenario): per third-level indicator id, its share of the total, one map for patents and one for
 * marks. Each map names every indicator of its tree ({@link #PATENT_INDICATORS}, {@link #MARK_INDICATORS}), each
 * weight is in [0, 1], they add up to 1, and each first-level indicator (legal, technical, economic) keeps some
 * weight so that its degree is defined.
 *
 * <p>{@link #FINANCE_DEFAULT} reproduces the engine's earlier fixed weights exactly (patents: legal 0.4, technical
 * 0.3, economic 0.3; marks 0.3 / 0.2 / 0.5, split inside each level as the README's points table says).
 */
public record ScoreWeights(Map<String, Double> patent, Map<String, Double> mark) {
    public static final List<String> PATENT_INDICATORS = List.of(
            "L.STABILITY.STATUS", "L.TERM.REMAINING", "L.SCOPE.CLAIMS", "L.ENFORCEMENT.LITIGATION",
            "T.ADVANCE.TYPE", "T.INFLUENCE.CITATIONS", "T.APPLICABILITY.CLAIMS", "T.COVERAGE.FAMILY",
            "E.APPLICATION.ATTRIBUTION", "E.TRANSFER.LICENCES", "E.MARKET.SCALE");
    public static final List<String> MARK_INDICATORS = List.of(
            "L.STABILITY.STATUS", "L.TERM.RENEWABLE", "L.TERM.REMAINING", "L.SCOPE.CLASSES",
            "L.ENFORCEMENT.LITIGATION",
            "T.REPUTATION.AGE", "T.COVERAGE.INTERNATIONAL", "T.COVERAGE.CLASSES",
            "E.APPLICATION.ATTRIBUTION", "E.TRANSFER.LICENCES", "E.MARKET.SCALE");

    public static final ScoreWeights FINANCE_DEFAULT = new ScoreWeights(
            weights(PATENT_INDICATORS, 0.16, 0.14, 0.04, 0.06, 0.09, 0.12, 0.045, 0.045, 0.12, 0.09, 0.09),
            weights(MARK_INDICATORS, 0.12, 0.075, 0.03, 0.03, 0.045, 0.08, 0.06, 0.06, 0.2, 0.15, 0.15));

    /** Sums may differ from 1 by this much (decimal weights typed by people, read as doubles). */
    static final double TOLERANCE = 1e-9;

    public ScoreWeights {
        patent = patent == null ? null : Map.copyOf(patent);
        mark = mark == null ? null : Map.copyOf(mark);
    }

    /** Every problem with these weights, field paths relative to {@code prefix} (e.g. "scoreWeights."). */
    public List<FieldProblem> problems(String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        check(prefix + "PATENT", patent, PATENT_INDICATORS, problems);
        check(prefix + "MARK", mark, MARK_INDICATORS, problems);
        return problems;
    }

    /** The weights of the tree for {@code type}. */
    Map<String, Double> of(AssetType type) {
        return type.isMark() ? mark : patent;
    }

    private static void check(String field, Map<String, Double> weights, List<String> ids,
                              List<FieldProblem> problems) {
        if (weights == null) {
            problems.add(new FieldProblem(field, "is required"));
            return;
        }
        for (String key : weights.keySet()) {
            if (!ids.contains(key)) {
                problems.add(new FieldProblem(field + "." + key, "is not an indicator of this tree (indicators: "
                        + String.join(", ", ids) + ")"));
            }
        }
        double sum = 0;
        Map<Character, Double> byLevel = new LinkedHashMap<>();
        for (String id : ids) {
            Double w = weights.get(id);
            if (w == null) {
                problems.add(new FieldProblem(field + "." + id, "is required"));
                continue;
            }
            if (!Double.isFinite(w) || w < 0 || w > 1) {
                problems.add(new FieldProblem(field + "." + id, "must be in [0, 1]"));
                continue;
            }
            sum += w;
            byLevel.merge(id.charAt(0), w, Double::sum);
        }
        if (problems.stream().anyMatch(p -> p.field().startsWith(field))) {
            return;
        }
        if (Math.abs(sum - 1) > TOLERANCE) {
            problems.add(new FieldProblem(field, "weights must add up to 1 (they add up to " + sum + ")"));
        }
        byLevel.forEach((level, w) -> {
            if (w <= 0) {
                problems.add(new FieldProblem(field, "first-level indicator " + level + " needs some weight"));
            }
        });
    }

    private static Map<String, Double> weights(List<String> ids, double... values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            m.put(ids.get(i), values[i]);
        }
        return m;
    }
}
