package com.ipledge.service.intake;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A document a firm uploaded for its intake, without its bytes: {@code contentType} is what its first bytes say it
 * is (PDF, JPEG or PNG), {@code sha256} lets the bank's officer check a download.
 */
public record IntakeDocument(UUID id, UUID intakeId, Kind kind, String fileName, String contentType, int fileSize,
                             String sha256, OffsetDateTime uploadedAt) {
    /** What the bank asks a firm to prepare (the form's checklist). */
    public enum Kind {
        BUSINESS_LICENCE, PATENT_CERTIFICATE, FINANCIAL_STATEMENT
    }
}
