package com.ipledge.service.batch;

import java.util.List;
import java.util.Map;

/**
 * What a batch does with each row, and the CSV columns it reads (header names are exact and case-sensitive; the
 * order is free; a required column must be in the header, though a row may leave its cell empty and is then told
 * what its single-item request would say). {@code keyColumn} is echoed in the results to join them to the input.
 */
public enum BatchKind {
    /** Each row is {@code POST /api/v1/valuations} with {@code assetId} and its assumptions. */
    VALUATION("assetId",
            List.of("assetId", "valuationDate", "baseRevenue", "revenueGrowthMean", "revenueGrowthSd",
                    "royaltyRateMean", "royaltyRateSd", "discountRateMean", "discountRateSd", "taxRate",
                    "economicLifeMin", "economicLifeMode", "economicLifeMax"),
            List.of("discounting", "collateralQuantile", "renewalSurvivalProbability", "applyValueScore", "paths",
                    "seed"),
            List.of("valuationId", "reconciledValue", "collateralValue")),
    /** Each row is {@code POST /api/v1/applications}; {@code assetIds} lists the pledged assets separated by ';'. */
    APPLICATION("borrowerId",
            List.of("borrowerId", "requestedAmount", "termMonths", "purpose", "assetIds"),
            List.of("insurance", "currentlyOverdue", "yearsSinceLastDefault", "onDishonestyList"),
            List.of("applicationId", "applicationStatus"));

    /** Separates the asset ids in an application row's {@code assetIds} cell. */
    public static final String ASSET_ID_SEPARATOR = ";";

    /** The request field path (as the single-item API names it) -> the CSV column that carried it. */
    private static final Map<String, String> VALUATION_FIELDS = Map.ofEntries(
            Map.entry("asset", "assetId"),
            Map.entry("assumptions", "valuationDate"),
            Map.entry("assumptions.valuationDate", "valuationDate"),
            Map.entry("assumptions.baseRevenue", "baseRevenue"),
            Map.entry("assumptions.revenueGrowth", "revenueGrowthMean"),
            Map.entry("assumptions.revenueGrowth.mean", "revenueGrowthMean"),
            Map.entry("assumptions.revenueGrowth.sd", "revenueGrowthSd"),
            Map.entry("assumptions.royaltyRate", "royaltyRateMean"),
            Map.entry("assumptions.royaltyRate.mean", "royaltyRateMean"),
            Map.entry("assumptions.royaltyRate.sd", "royaltyRateSd"),
            Map.entry("assumptions.discountRate", "discountRateMean"),
            Map.entry("assumptions.discountRate.mean", "discountRateMean"),
            Map.entry("assumptions.discountRate.sd", "discountRateSd"),
            Map.entry("assumptions.taxRate", "taxRate"),
            Map.entry("assumptions.economicLifeYears", "economicLifeMin"),
            Map.entry("assumptions.economicLifeYears.min", "economicLifeMin"),
            Map.entry("assumptions.economicLifeYears.mode", "economicLifeMode"),
            Map.entry("assumptions.economicLifeYears.max", "economicLifeMax"),
            Map.entry("assumptions.discounting", "discounting"),
            Map.entry("assumptions.collateralQuantile", "collateralQuantile"),
            Map.entry("assumptions.renewalSurvivalProbability", "renewalSurvivalProbability"),
            Map.entry("assumptions.applyValueScore", "applyValueScore"));

    private final String keyColumn;
    private final List<String> required;
    private final List<String> optional;
    private final List<String> resultColumns;

    BatchKind(String keyColumn, List<String> required, List<String> optional, List<String> resultColumns) {
        this.keyColumn = keyColumn;
        this.required = required;
        this.optional = optional;
        this.resultColumns = resultColumns;
    }

    public String keyColumn() {
        return keyColumn;
    }

    public List<String> requiredColumns() {
        return required;
    }

    public List<String> optionalColumns() {
        return optional;
    }

    boolean knows(String column) {
        return required.contains(column) || optional.contains(column);
    }

    /** The results CSV header. */
    List<String> resultHeader() {
        List<String> header = new java.util.ArrayList<>(List.of("line", "status", keyColumn));
        header.addAll(resultColumns);
        header.addAll(List.of("errorField", "errorMessage"));
        return header;
    }

    /** The CSV column a request field path stands for: {@code collateral[2].assetId} -> {@code assetIds[2]}. */
    String column(String field) {
        if (field == null) {
            return null;
        }
        if (this == VALUATION) {
            return VALUATION_FIELDS.getOrDefault(field, field);
        }
        if (field.startsWith("collateral")) {
            String rest = field.substring("collateral".length());
            return "assetIds" + (rest.endsWith(".assetId") ? rest.substring(0, rest.length() - ".assetId".length())
                    : rest);
        }
        if (field.startsWith("creditHistory.")) {
            return field.substring("creditHistory.".length());
        }
        return field;
    }
}
