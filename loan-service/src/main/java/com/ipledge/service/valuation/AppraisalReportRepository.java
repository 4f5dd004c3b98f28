package com.ipledge.service.valuation;

import static com.ipledge.service.db.Tables.APPRAISAL_REPORT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.database.RenderedQueries;
import com.ipledge.service.db.tables.records.AppraisalReportRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Appraisal reports; the file's bytes are read only by {@link #file}. Joins a transaction under way. */
@Singleton
@Connectable
class AppraisalReportRepository {

    /** A report's file as stored. */
    record StoredFile(String name, byte[] content) {
    }

    /** Every column but the file's bytes: lists and look-ups never carry up to 10 MB per row. */
    private static final List<org.jooq.Field<?>> META = java.util.Arrays.stream(APPRAISAL_REPORT.fields())
            .filter(f -> !f.equals(APPRAISAL_REPORT.FILE_CONTENT)).toList();

    private final DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();
    private final ObjectMapper json;

    AppraisalReportRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    void insert(AppraisalReport r, byte[] content) {
        db.insertInto(APPRAISAL_REPORT)
                .set(APPRAISAL_REPORT.ID, r.id())
                .set(APPRAISAL_REPORT.BANK_ID, r.bankId())
                .set(APPRAISAL_REPORT.ASSET_ID, r.assetId())
                .set(APPRAISAL_REPORT.VALUATION_ID, r.valuationId())
                .set(APPRAISAL_REPORT.FIRM, r.firm())
                .set(APPRAISAL_REPORT.REPORT_NUMBER, r.reportNumber())
                .set(APPRAISAL_REPORT.REPORT_DATE, r.reportDate())
                .set(APPRAISAL_REPORT.METHOD, r.method().name())
                .set(APPRAISAL_REPORT.APPRAISED_VALUE, r.appraisedValue())
                .set(APPRAISAL_REPORT.VALID_UNTIL, r.validUntil())
                .set(APPRAISAL_REPORT.STATUS, r.status().name())
                .set(APPRAISAL_REPORT.FILE_NAME, r.fileName())
                .set(APPRAISAL_REPORT.FILE_SIZE, r.fileSize())
                .set(APPRAISAL_REPORT.FILE_SHA256, r.fileSha256())
                .set(APPRAISAL_REPORT.FILE_CONTENT, content)
                .set(APPRAISAL_REPORT.ASSUMPTIONS, r.assumptions() == null ? null : write(r.assumptions()))
                .set(APPRAISAL_REPORT.CREATED_BY, r.createdBy())
                .set(APPRAISAL_REPORT.CREATED_AT, r.createdAt())
                .execute();
    }

    boolean numberTaken(UUID bankId, String firm, String reportNumber) {
        return db.fetchExists(APPRAISAL_REPORT, APPRAISAL_REPORT.BANK_ID.eq(bankId),
                APPRAISAL_REPORT.FIRM.eq(firm), APPRAISAL_REPORT.REPORT_NUMBER.eq(reportNumber));
    }

    Optional<AppraisalReport> find(UUID id, Optional<UUID> bankScope) {
        return db.select(META).from(APPRAISAL_REPORT)
                .where(APPRAISAL_REPORT.ID.eq(id), scope(bankScope))
                .fetchOptional(r -> toReport(r.into(APPRAISAL_REPORT)));
    }

    /** The report whose valuation this is, if any. */
    Optional<AppraisalReport> ofValuation(UUID valuationId) {
        return db.select(META).from(APPRAISAL_REPORT).where(APPRAISAL_REPORT.VALUATION_ID.eq(valuationId))
                .fetchOptional(r -> toReport(r.into(APPRAISAL_REPORT)));
    }

    /** The asset's reports, newest report date first. */
    List<AppraisalReport> ofAsset(UUID assetId) {
        // read for every pledged asset of every evaluation: rendered once
        return rendered.records(db, "ofAsset", () -> db.select(META).from(APPRAISAL_REPORT)
                        .where(APPRAISAL_REPORT.ASSET_ID.eq(assetId)).orderBy(APPRAISAL_REPORT.REPORT_DATE.desc(),
                                APPRAISAL_REPORT.CREATED_AT.desc(), APPRAISAL_REPORT.ID), assetId)
                .fetch(r -> toReport(r.into(APPRAISAL_REPORT)));
    }

    Optional<StoredFile> file(UUID id, Optional<UUID> bankScope) {
        return db.select(APPRAISAL_REPORT.FILE_NAME, APPRAISAL_REPORT.FILE_CONTENT).from(APPRAISAL_REPORT)
                .where(APPRAISAL_REPORT.ID.eq(id), scope(bankScope))
                .fetchOptional(r -> new StoredFile(r.value1(), r.value2()));
    }

    /** Withdraws an ACCEPTED report; false when it is not (any more): a conditional update, safe on any instance. */
    boolean withdraw(UUID id, UUID by, OffsetDateTime at, String reason) {
        return db.update(APPRAISAL_REPORT)
                .set(APPRAISAL_REPORT.STATUS, AppraisalReport.Status.WITHDRAWN.name())
                .set(APPRAISAL_REPORT.WITHDRAWN_BY, by)
                .set(APPRAISAL_REPORT.WITHDRAWN_AT, at)
                .set(APPRAISAL_REPORT.WITHDRAWAL_REASON, reason)
                .where(APPRAISAL_REPORT.ID.eq(id), APPRAISAL_REPORT.STATUS.eq(AppraisalReport.Status.ACCEPTED.name()))
                .execute() == 1;
    }

    /** The valuation ids of the asset's reports a decision on {@code today} may lend against. */
    List<UUID> usableValuations(UUID assetId, LocalDate today) {
        return db.select(APPRAISAL_REPORT.VALUATION_ID).from(APPRAISAL_REPORT)
                .where(APPRAISAL_REPORT.ASSET_ID.eq(assetId),
                        APPRAISAL_REPORT.STATUS.eq(AppraisalReport.Status.ACCEPTED.name()),
                        APPRAISAL_REPORT.VALID_UNTIL.ge(today), APPRAISAL_REPORT.REPORT_DATE.le(today))
                .fetch(APPRAISAL_REPORT.VALUATION_ID);
    }

    /** An accepted report of another asset, as a market comparable. */
    record Comparable(UUID id, String method, java.math.BigDecimal value, LocalDate reportDate, String industryCode,
                      LocalDate assetExpiresOn) {
    }

    /**
     * One bank's reports, valid on {@code asOf} (accepted, dated on or before it, not past {@code valid_until}), of
     * its assets of {@code ipType} other than {@code subject}, whose owner (a borrower of the bank) has an industry
     * code starting with {@code industryPrefix}; newest report first, at most {@code limit}.
     */
    List<Comparable> comparables(UUID bankId, UUID subject, String ipType, String industryPrefix, LocalDate asOf,
                                 int limit) {
        var asset = com.ipledge.service.db.Tables.IP_ASSET;
        var borrower = com.ipledge.service.db.Tables.BORROWER;
        return db.select(APPRAISAL_REPORT.ID, APPRAISAL_REPORT.METHOD, APPRAISAL_REPORT.APPRAISED_VALUE,
                        APPRAISAL_REPORT.REPORT_DATE, borrower.INDUSTRY_CODE, asset.EXPIRES_ON)
                .from(APPRAISAL_REPORT)
                .join(asset).on(asset.ID.eq(APPRAISAL_REPORT.ASSET_ID))
                .join(borrower).on(borrower.BANK_ID.eq(asset.BANK_ID),
                        borrower.CREDIT_CODE.eq(asset.OWNER_CREDIT_CODE))
                .where(APPRAISAL_REPORT.BANK_ID.eq(bankId), APPRAISAL_REPORT.ASSET_ID.ne(subject),
                        asset.TYPE.eq(ipType), borrower.INDUSTRY_CODE.startsWith(industryPrefix),
                        APPRAISAL_REPORT.STATUS.eq(AppraisalReport.Status.ACCEPTED.name()),
                        APPRAISAL_REPORT.REPORT_DATE.le(asOf), APPRAISAL_REPORT.VALID_UNTIL.ge(asOf))
                .orderBy(APPRAISAL_REPORT.REPORT_DATE.desc(), APPRAISAL_REPORT.CREATED_AT.desc())
                .limit(limit)
                .fetch(r -> new Comparable(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    private static Condition scope(Optional<UUID> bankScope) {
        return bankScope.map(APPRAISAL_REPORT.BANK_ID::eq).orElse(DSL.trueCondition());
    }

    private AppraisalReport toReport(AppraisalReportRecord r) {
        return new AppraisalReport(r.getId(), r.getBankId(), r.getAssetId(), r.getValuationId(), r.getFirm(),
                r.getReportNumber(), r.getReportDate(), AppraisalMethod.valueOf(r.getMethod()),
                r.getAppraisedValue(), r.getValidUntil(), AppraisalReport.Status.valueOf(r.getStatus()),
                r.getFileName(), r.getFileSize(), r.getFileSha256(),
                r.getAssumptions() == null ? null : read(r.getAssumptions()), r.getCreatedBy(), r.getCreatedAt(),
                r.getWithdrawnBy(), r.getWithdrawnAt(), r.getWithdrawalReason());
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AppraisalReportInput.Assumptions read(String s) {
        try {
            return json.readValue(s, AppraisalReportInput.Assumptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored appraisal assumptions unreadable", e);
        }
    }
}
