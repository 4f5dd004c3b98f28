package com.ipledge.service.intake;

import static com.ipledge.service.db.Tables.PUBLIC_INTAKE;
import static com.ipledge.service.db.Tables.PUBLIC_INTAKE_ASSET;
import static com.ipledge.service.db.Tables.PUBLIC_INTAKE_DOCUMENT;

import com.ipledge.service.borrower.NewBorrower;
import com.ipledge.service.db.tables.records.PublicIntakeRecord;
import com.ipledge.service.ipasset.IpType;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class IntakeRepository {
    private final DSLContext db;

    public IntakeRepository(DSLContext db) {
        this.db = db;
    }

    public void insert(PublicIntake i, String statusTokenHash) {
        NewBorrower f = i.firm();
        db.insertInto(PUBLIC_INTAKE)
                .set(PUBLIC_INTAKE.ID, i.id())
                .set(PUBLIC_INTAKE.REFERENCE, i.reference())
                .set(PUBLIC_INTAKE.BANK_ID, i.bankId())
                .set(PUBLIC_INTAKE.STATUS, i.status().name())
                .set(PUBLIC_INTAKE.NAME, f.name())
                .set(PUBLIC_INTAKE.CREDIT_CODE, f.creditCode())
                .set(PUBLIC_INTAKE.INDUSTRY_CODE, f.industryCode())
                .set(PUBLIC_INTAKE.REGION_CODE, f.regionCode())
                .set(PUBLIC_INTAKE.EMPLOYEES, f.employees())
                .set(PUBLIC_INTAKE.OPERATING_REVENUE, f.operatingRevenue())
                .set(PUBLIC_INTAKE.TOTAL_ASSETS, f.totalAssets())
                .set(PUBLIC_INTAKE.FOUNDED_ON, f.foundedOn())
                .set(PUBLIC_INTAKE.CONTACT_NAME, i.contactName())
                .set(PUBLIC_INTAKE.CONTACT_PHONE, i.contactPhone())
                .set(PUBLIC_INTAKE.REQUESTED_AMOUNT, i.requestedAmount())
                .set(PUBLIC_INTAKE.TERM_MONTHS, i.termMonths())
                .set(PUBLIC_INTAKE.PURPOSE, i.purpose())
                .set(PUBLIC_INTAKE.CLIENT_ADDRESS, i.clientAddress())
                .set(PUBLIC_INTAKE.SUBMITTED_AT, i.submittedAt())
                .set(PUBLIC_INTAKE.STATUS_TOKEN_HASH, statusTokenHash)
                .execute();
        var rows = db.insertInto(PUBLIC_INTAKE_ASSET, PUBLIC_INTAKE_ASSET.INTAKE_ID, PUBLIC_INTAKE_ASSET.POSITION,
                PUBLIC_INTAKE_ASSET.TYPE, PUBLIC_INTAKE_ASSET.NUMBER, PUBLIC_INTAKE_ASSET.TITLE,
                PUBLIC_INTAKE_ASSET.FILING_DATE, PUBLIC_INTAKE_ASSET.GRANT_DATE,
                PUBLIC_INTAKE_ASSET.REGISTRATION_DATE, PUBLIC_INTAKE_ASSET.NICE_CLASSES);
        for (PublicIntake.Asset a : i.assets()) {
            rows = rows.values(i.id(), a.position(), a.type().name(), a.number(), a.title(), a.filingDate(),
                    a.grantDate(), a.registrationDate(), a.niceClasses() == null ? null
                            : a.niceClasses().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        rows.execute();
    }

    /** Advisory lock class of a firm's filings at one bank (any constant unlikely to meet another's). */
    private static final int FIRM_LOCK = 7_201_220;

    /**
     * Holds, until the transaction ends, the lock of one firm's filings at one bank: two submissions of the same
     * firm at once then check for an open duplicate one after the other.
     */
    public void lockFirm(UUID bankId, String creditCode) {
        db.fetchValue("SELECT pg_advisory_xact_lock(?, hashtext(?))::text", FIRM_LOCK, bankId + "/" + creditCode);
    }

    /** The firm's PENDING intakes at the bank, oldest first. */
    public List<PublicIntake> pending(UUID bankId, String creditCode) {
        List<PublicIntakeRecord> rows = db.selectFrom(PUBLIC_INTAKE)
                .where(PUBLIC_INTAKE.BANK_ID.eq(bankId), PUBLIC_INTAKE.CREDIT_CODE.eq(creditCode),
                        PUBLIC_INTAKE.STATUS.eq(IntakeStatus.PENDING.name()))
                .orderBy(PUBLIC_INTAKE.SUBMITTED_AT, PUBLIC_INTAKE.ID).fetch();
        Map<UUID, List<PublicIntake.Asset>> assets = assetsOf(rows.stream().map(PublicIntakeRecord::getId).toList());
        return rows.stream().map(r -> toIntake(r, assets.getOrDefault(r.getId(), List.of()))).toList();
    }

    public boolean referenceTaken(String reference) {
        return db.fetchExists(PUBLIC_INTAKE, PUBLIC_INTAKE.REFERENCE.eq(reference));
    }

    /** Whether the intake's status token has this hash (the applicant's own browser holds the token). */
    public boolean hasStatusToken(UUID id, String tokenHash) {
        return db.fetchExists(PUBLIC_INTAKE, PUBLIC_INTAKE.ID.eq(id), PUBLIC_INTAKE.STATUS_TOKEN_HASH.eq(tokenHash));
    }

    public void insertDocument(IntakeDocument d, byte[] content) {
        db.insertInto(PUBLIC_INTAKE_DOCUMENT)
                .set(PUBLIC_INTAKE_DOCUMENT.ID, d.id())
                .set(PUBLIC_INTAKE_DOCUMENT.INTAKE_ID, d.intakeId())
                .set(PUBLIC_INTAKE_DOCUMENT.KIND, d.kind().name())
                .set(PUBLIC_INTAKE_DOCUMENT.FILE_NAME, d.fileName())
                .set(PUBLIC_INTAKE_DOCUMENT.CONTENT_TYPE, d.contentType())
                .set(PUBLIC_INTAKE_DOCUMENT.FILE_SIZE, d.fileSize())
                .set(PUBLIC_INTAKE_DOCUMENT.FILE_SHA256, d.sha256())
                .set(PUBLIC_INTAKE_DOCUMENT.FILE_CONTENT, content)
                .set(PUBLIC_INTAKE_DOCUMENT.UPLOADED_AT, d.uploadedAt())
                .execute();
    }

    /** The intake's documents without their bytes, in upload order. */
    public List<IntakeDocument> documents(UUID intakeId) {
        return db.select(PUBLIC_INTAKE_DOCUMENT.ID, PUBLIC_INTAKE_DOCUMENT.INTAKE_ID, PUBLIC_INTAKE_DOCUMENT.KIND,
                        PUBLIC_INTAKE_DOCUMENT.FILE_NAME, PUBLIC_INTAKE_DOCUMENT.CONTENT_TYPE,
                        PUBLIC_INTAKE_DOCUMENT.FILE_SIZE, PUBLIC_INTAKE_DOCUMENT.FILE_SHA256,
                        PUBLIC_INTAKE_DOCUMENT.UPLOADED_AT)
                .from(PUBLIC_INTAKE_DOCUMENT).where(PUBLIC_INTAKE_DOCUMENT.INTAKE_ID.eq(intakeId))
                .orderBy(PUBLIC_INTAKE_DOCUMENT.UPLOADED_AT, PUBLIC_INTAKE_DOCUMENT.ID)
                .fetch(r -> new IntakeDocument(r.value1(), r.value2(), IntakeDocument.Kind.valueOf(r.value3()),
                        r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
    }

    /** A document's bytes, only through an intake of {@code bankId}: another bank's finds nothing. */
    public Optional<byte[]> documentContent(UUID intakeId, UUID documentId, UUID bankId) {
        return db.select(PUBLIC_INTAKE_DOCUMENT.FILE_CONTENT).from(PUBLIC_INTAKE_DOCUMENT)
                .join(PUBLIC_INTAKE).on(PUBLIC_INTAKE.ID.eq(PUBLIC_INTAKE_DOCUMENT.INTAKE_ID))
                .where(PUBLIC_INTAKE_DOCUMENT.ID.eq(documentId), PUBLIC_INTAKE_DOCUMENT.INTAKE_ID.eq(intakeId),
                        PUBLIC_INTAKE.BANK_ID.eq(bankId))
                .fetchOptional(r -> r.value1());
    }

    public Optional<PublicIntake> find(UUID id, UUID bankId) {
        return db.selectFrom(PUBLIC_INTAKE).where(PUBLIC_INTAKE.ID.eq(id), PUBLIC_INTAKE.BANK_ID.eq(bankId))
                .fetchOptional().map(r -> toIntake(r, assetsOf(List.of(r.getId())).getOrDefault(r.getId(), List.of())));
    }

    /** Reads the intake and locks its row until the transaction ends: one officer decides it, once. */
    public Optional<PublicIntake> lock(UUID id, UUID bankId) {
        return db.selectFrom(PUBLIC_INTAKE).where(PUBLIC_INTAKE.ID.eq(id), PUBLIC_INTAKE.BANK_ID.eq(bankId))
                .forUpdate()
                .fetchOptional().map(r -> toIntake(r, assetsOf(List.of(r.getId())).getOrDefault(r.getId(), List.of())));
    }

    public Optional<PublicIntake> findByStatusToken(String tokenHash) {
        return db.selectFrom(PUBLIC_INTAKE).where(PUBLIC_INTAKE.STATUS_TOKEN_HASH.eq(tokenHash))
                .fetchOptional().map(r -> toIntake(r, assetsOf(List.of(r.getId())).getOrDefault(r.getId(), List.of())));
    }

    public List<PublicIntake> page(UUID bankId, Optional<IntakeStatus> status, int page, int size) {
        List<PublicIntakeRecord> rows = db.selectFrom(PUBLIC_INTAKE).where(filter(bankId, status))
                .orderBy(PUBLIC_INTAKE.SUBMITTED_AT.desc(), PUBLIC_INTAKE.ID)
                .limit(size).offset((long) page * size).fetch();
        Map<UUID, List<PublicIntake.Asset>> assets = assetsOf(rows.stream().map(PublicIntakeRecord::getId).toList());
        return rows.stream().map(r -> toIntake(r, assets.getOrDefault(r.getId(), List.of()))).toList();
    }

    public long count(UUID bankId, Optional<IntakeStatus> status) {
        return db.fetchCount(PUBLIC_INTAKE, filter(bankId, status));
    }

    public void confirmed(UUID id, UUID by, OffsetDateTime at, UUID borrowerId, UUID applicationId) {
        db.update(PUBLIC_INTAKE)
                .set(PUBLIC_INTAKE.STATUS, IntakeStatus.CONFIRMED.name())
                .set(PUBLIC_INTAKE.DECIDED_BY, by)
                .set(PUBLIC_INTAKE.DECIDED_AT, at)
                .set(PUBLIC_INTAKE.BORROWER_ID, borrowerId)
                .set(PUBLIC_INTAKE.APPLICATION_ID, applicationId)
                .where(PUBLIC_INTAKE.ID.eq(id), PUBLIC_INTAKE.STATUS.eq(IntakeStatus.PENDING.name()))
                .execute();
    }

    public void rejected(UUID id, UUID by, OffsetDateTime at, String reason) {
        db.update(PUBLIC_INTAKE)
                .set(PUBLIC_INTAKE.STATUS, IntakeStatus.REJECTED.name())
                .set(PUBLIC_INTAKE.DECIDED_BY, by)
                .set(PUBLIC_INTAKE.DECIDED_AT, at)
                .set(PUBLIC_INTAKE.REJECT_REASON, reason)
                .where(PUBLIC_INTAKE.ID.eq(id), PUBLIC_INTAKE.STATUS.eq(IntakeStatus.PENDING.name()))
                .execute();
    }

    private Map<UUID, List<PublicIntake.Asset>> assetsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(PUBLIC_INTAKE_ASSET).where(PUBLIC_INTAKE_ASSET.INTAKE_ID.in(ids))
                .orderBy(PUBLIC_INTAKE_ASSET.INTAKE_ID, PUBLIC_INTAKE_ASSET.POSITION).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getIntakeId(), Collectors.mapping(r -> new PublicIntake.Asset(
                        r.getPosition(), IpType.valueOf(r.getType()), r.getNumber(), r.getTitle(),
                        r.getFilingDate(), r.getGrantDate(), r.getRegistrationDate(),
                        r.getNiceClasses() == null || r.getNiceClasses().isEmpty() ? null
                                : Arrays.stream(r.getNiceClasses().split(",")).map(Integer::valueOf).toList()),
                        Collectors.toCollection(ArrayList::new))));
    }

    private static Condition filter(UUID bankId, Optional<IntakeStatus> status) {
        return PUBLIC_INTAKE.BANK_ID.eq(bankId).and(status.map(s -> PUBLIC_INTAKE.STATUS.eq(s.name()))
                .orElse(DSL.trueCondition()));
    }

    private static PublicIntake toIntake(PublicIntakeRecord r, List<PublicIntake.Asset> assets) {
        return new PublicIntake(r.getId(), r.getReference(), r.getBankId(), IntakeStatus.valueOf(r.getStatus()),
                new NewBorrower(r.getName(), r.getCreditCode(), r.getIndustryCode(), null, r.getRegionCode(),
                        r.getEmployees(), r.getOperatingRevenue(), r.getTotalAssets(), r.getFoundedOn()),
                List.copyOf(assets), r.getRequestedAmount(), r.getTermMonths(), r.getPurpose(), r.getContactName(),
                r.getContactPhone(), r.getClientAddress(), r.getSubmittedAt(), r.getDecidedAt(), r.getDecidedBy(),
                r.getRejectReason(), r.getBorrowerId(), r.getApplicationId());
    }
}
