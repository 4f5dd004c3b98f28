package com.ipledge.service.valuation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An appraisal report as the API shows it: its figures, its file's name, size and SHA-256, never the bytes. */
@Introspected
public record AppraisalReportView(
        UUID id, UUID assetId,
        @Schema(description = "the stored valuation (source APPRAISER) that decisions name") UUID valuationId,
        String firm, String reportNumber, LocalDate reportDate, AppraisalMethod method, BigDecimal appraisedValue,
        LocalDate validUntil,
        @Schema(description = "ACCEPTED (lent against while valid) or WITHDRAWN") AppraisalReport.Status status,
        @Schema(description = "whether a decision today may lend against it: ACCEPTED and not past validUntil")
        boolean usable,
        @Schema(description = "the value score the decision's LTV cap reads: the desk's score of the asset, as a "
                + "report gives none") BigDecimal valueScore,
        String fileName, int fileSize, String fileSha256,
        @Nullable AppraisalReportInput.Assumptions assumptions, OffsetDateTime createdAt,
        @Nullable OffsetDateTime withdrawnAt, @Nullable String withdrawalReason) {

    static AppraisalReportView of(AppraisalReport r, BigDecimal valueScore, LocalDate today) {
        return new AppraisalReportView(r.id(), r.assetId(), r.valuationId(), r.firm(), r.reportNumber(),
                r.reportDate(), r.method(), r.appraisedValue(), r.validUntil(), r.status(), r.usableOn(today),
                valueScore, r.fileName(), r.fileSize(), r.fileSha256(), r.assumptions(), r.createdAt(),
                r.withdrawnAt(), r.withdrawalReason());
    }
}
