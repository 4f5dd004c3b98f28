package com.ipledge.valuation;

/**
 * One third-level indicator of the value score (GB/T 42748-2023 shape: first-level legal / technical / economic,
 * second-level group, third-level indicator).
 *
 * @param id     dotted path, e.g. {@code L.STABILITY.STATUS}; its first letter is the first-level indicator
 * @param name   Chinese and English name
 * @param value  the fact as scored, as text (e.g. {@code IN_FORCE}, {@code 12}, {@code 7.35}); with source
 *               {@code DEFAULT}, the default the engine assumed (a missing count is 0, missing litigation NONE)
 * @param points 0..100
 * @param weight the indicator's share of the total (all weights of a tree add up to 1)
 * @param source where the fact came from
 */
public record Indicator(String id, String name, String value, double points, double weight, FactSource source) {
}
