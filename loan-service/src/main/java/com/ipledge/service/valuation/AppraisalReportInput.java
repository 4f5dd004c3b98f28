package com.ipledge.service.valuation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The body of {@code POST /ip-assets/{id}/appraisal-reports}: the report's figures and the report itself as base64
 * (JSON rather than multipart, so that a bank's integration sends it like every other call: one body, one
 * Idempotency-Key, field-level errors).
 */
@Introspected
public record AppraisalReportInput(
        @Nullable @Schema(description = "the appraisal firm (评估机构)", example = "甘肃中天资产评估有限公司") String firm,
        @Nullable @Schema(description = "the report's number as printed on it", example = "甘中天评报字〔2026〕第118号")
        String reportNumber,
        @Nullable @Schema(description = "the valuation base date (评估基准日); not in the future") LocalDate reportDate,
        @Nullable @Schema(description = "INCOME, MARKET or COST") AppraisalMethod method,
        @Nullable @Schema(description = "the appraised value in yuan, at most 2 decimals") BigDecimal appraisedValue,
        @Nullable @Schema(description = "the validity the report states; at most (and by default) the policy's "
                + "appraisalValidityMonths from reportDate, less a day") LocalDate validUntil,
        @Nullable @Schema(description = "the file's name, e.g. report.pdf") String fileName,
        @Nullable @Schema(description = "the report as a PDF, standard base64 (RFC 4648, no line breaks), at most "
                + "10 MB decoded") String fileBase64,
        @Nullable @Schema(description = "the income approach's key assumptions as the report states them; the "
                + "plausibility rules check those given") Assumptions assumptions) {

    /** The income approach's key assumptions as the report states them; each optional. */
    @Introspected
    public record Assumptions(@Nullable @Schema(description = "revenue attributed to the asset, first year, yuan")
                              BigDecimal baseRevenue,
                              @Nullable @Schema(description = "royalty rate, 0.04 = 4 %") BigDecimal royaltyRate,
                              @Nullable @Schema(description = "economic life in years") BigDecimal economicLifeYears) {
    }
}
