package com.ipledge.service.valuation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An external appraisal report (资产评估报告) a bank posted for one of its assets, without its file: who appraised
 * it, when, how, to what value, until when it may be lent against, and whether the bank still stands by it.
 */
public record AppraisalReport(UUID id, UUID bankId, UUID assetId, UUID valuationId, String firm, String reportNumber,
                              LocalDate reportDate, AppraisalMethod method, BigDecimal appraisedValue,
                              LocalDate validUntil, Status status, String fileName, int fileSize, String fileSha256,
                              AppraisalReportInput.Assumptions assumptions, UUID createdBy, OffsetDateTime createdAt,
                              UUID withdrawnBy, OffsetDateTime withdrawnAt, String withdrawalReason) {

    /** ACCEPTED: posted by the bank and lent against while valid; WITHDRAWN: the bank no longer stands by it. */
    public enum Status {
        ACCEPTED, WITHDRAWN
    }

    /** Whether a decision on {@code today} may lend against it. */
    boolean usableOn(LocalDate today) {
        return status == Status.ACCEPTED && !validUntil.isBefore(today) && !reportDate.isAfter(today);
    }

    /** Why a decision on {@code today} may not lend against it; null when it may. */
    String unusableBecause(LocalDate today) {
        if (status == Status.WITHDRAWN) {
            return "it was withdrawn by the bank on " + withdrawnAt.toLocalDate();
        }
        if (validUntil.isBefore(today)) {
            return "it expired on " + validUntil;
        }
        return null;
    }
}
