package com.ipledge.valuation;

import java.util.List;

/**
 * Value degrees 0..100 (one decimal): legal (法律价值), technical (技术价值; for marks: mark strength), economic
 * (经济价值) and their weighted total, with every third-level indicator that went into them (its fact, points,
 * weight and where the fact came from). See {@code ValueScorer} and the module README for the tree and weights.
 */
public record ValueScore(double legal, double technical, double economic, double total, List<Indicator> indicators) {
    public ValueScore {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
