package com.ipledge.valuation;

/**
 * Value degrees 0..100 (one decimal) in the spirit of China's patent value analysis index (专利价值分析指标体系):
 * legal (法律价值度), technical (技术价值度; for marks: mark strength), economic (经济价值度) and their weighted
 * total. See {@code ValueScorer} and the module README for the indicators and weights.
 */
public record ValueScore(double legal, double technical, double economic, double total) {
}
