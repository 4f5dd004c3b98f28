package com.ipledge.service.ipasset;

import static com.ipledge.service.db.Tables.APPLICATION_COLLATERAL;
import static com.ipledge.service.db.Tables.IP_ASSET;
import static com.ipledge.service.db.Tables.LOAN;

import com.ipledge.service.database.RenderedQueries;
import com.ipledge.service.db.tables.records.IpAssetRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import com.ipledge.service.database.SyncOrder;
import com.ipledge.service.web.SyncWindow;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class IpAssetRepository {
    /** What a list may be filtered by, each exact. */
    record Filter(Optional<UUID> bankScope, Optional<String> number, Optional<String> ownerCreditCode,
                  Optional<IpType> type) {
    }

    private final DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();

    public IpAssetRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts unless the bank has this number on file already; empty then. */
    public Optional<IpAsset> insert(IpAsset a) {
        return db.insertInto(IP_ASSET)
                .set(IP_ASSET.ID, a.id())
                .set(IP_ASSET.BANK_ID, a.bankId())
                .set(IP_ASSET.TYPE, a.type().name())
                .set(IP_ASSET.NUMBER, a.number())
                .set(IP_ASSET.TITLE, a.title())
                .set(IP_ASSET.OWNER_CREDIT_CODE, a.ownerCreditCode())
                .set(IP_ASSET.FILING_DATE, a.filingDate())
                .set(IP_ASSET.GRANT_DATE, a.grantDate())
                .set(IP_ASSET.REGISTRATION_DATE, a.registrationDate())
                .set(IP_ASSET.LEGAL_STATUS, a.legalStatus().name())
                .set(IP_ASSET.CLAIMS, a.claims())
                .set(IP_ASSET.FORWARD_CITATIONS, a.forwardCitations())
                .set(IP_ASSET.FAMILY_SIZE, a.familySize())
                .set(IP_ASSET.NICE_CLASSES, a.niceClasses() == null ? null
                        : a.niceClasses().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .set(IP_ASSET.EXPIRES_ON, a.expiresOn())
                .set(IP_ASSET.AUTHOR_KIND, facts(a).authorKind() == null ? null : facts(a).authorKind().name())
                .set(IP_ASSET.CREATED_ON, facts(a).createdOn())
                .set(IP_ASSET.FIRST_PUBLISHED_ON, facts(a).firstPublishedOn())
                .set(IP_ASSET.AUTHOR_DEATH_YEAR, facts(a).authorDeathYear())
                .set(IP_ASSET.CERTIFICATE_NUMBER, facts(a).certificateNumber())
                .set(IP_ASSET.SOFTWARE_VERSION, facts(a).version())
                .set(IP_ASSET.ISSUING_PLATFORM, facts(a).issuingPlatform())
                .set(IP_ASSET.VALID_UNTIL, facts(a).validUntil())
                .set(IP_ASSET.CREATED_AT, a.createdAt())
                .set(IP_ASSET.UPDATED_AT, a.updatedAt() == null ? a.createdAt() : a.updatedAt())
                .onConflict(IP_ASSET.BANK_ID, IP_ASSET.TYPE, IP_ASSET.NUMBER).doNothing()
                .returning()
                .fetchOptional()
                .map(IpAssetRepository::toAsset);
    }

    public Optional<IpAsset> find(UUID id, Optional<UUID> bankScope) {
        return rendered.rows(db, "find", IP_ASSET,
                        () -> db.selectFrom(IP_ASSET).where(IP_ASSET.ID.eq(id).and(scoped(bankScope))), id, bankScope)
                .fetchOptional().map(IpAssetRepository::toAsset);
    }

    public Optional<IpAsset> findByNumber(UUID bankId, IpType type, String number) {
        return db.selectFrom(IP_ASSET)
                .where(IP_ASSET.BANK_ID.eq(bankId), IP_ASSET.TYPE.eq(type.name()), IP_ASSET.NUMBER.eq(number))
                .fetchOptional().map(IpAssetRepository::toAsset);
    }

    public List<IpAsset> findByNumber(UUID bankId, String number) {
        return db.selectFrom(IP_ASSET).where(IP_ASSET.BANK_ID.eq(bankId), IP_ASSET.NUMBER.eq(number))
                .orderBy(IP_ASSET.TYPE).fetch(IpAssetRepository::toAsset);
    }

    /** The assets among {@code ids} that belong to {@code bankId}. */
    public List<IpAsset> findAll(Collection<UUID> ids, UUID bankId) {
        return rendered.rows(db, "findAll", IP_ASSET,
                        () -> db.selectFrom(IP_ASSET).where(IP_ASSET.ID.in(ids).and(IP_ASSET.BANK_ID.eq(bankId))),
                        ids, bankId)
                .fetch(IpAssetRepository::toAsset);
    }

    public void updateStatus(Collection<UUID> ids, LegalStatus status) {
        db.update(IP_ASSET).set(IP_ASSET.LEGAL_STATUS, status.name()).where(IP_ASSET.ID.in(ids)).execute();
    }

    /** PLEDGED back to VALID, except where a loan other than {@code loanId} still holds a registered pledge. */
    void releasePledge(Collection<UUID> ids, UUID loanId) {
        db.update(IP_ASSET).set(IP_ASSET.LEGAL_STATUS, LegalStatus.VALID.name())
                .where(IP_ASSET.ID.in(ids), DSL.notExists(DSL.selectOne().from(LOAN)
                        .join(APPLICATION_COLLATERAL).on(APPLICATION_COLLATERAL.APPLICATION_ID.eq(LOAN.APPLICATION_ID))
                        .where(APPLICATION_COLLATERAL.ASSET_ID.eq(IP_ASSET.ID), LOAN.ID.ne(loanId),
                                LOAN.STATUS.in("PLEDGE_REGISTERED", "DISBURSED", "REPAYING"))))
                .execute();
    }

    /** A plain page, newest first. */
    public List<IpAsset> page(Filter filter, int page, int size) {
        return db.selectFrom(IP_ASSET).where(condition(filter))
                .orderBy(IP_ASSET.CREATED_AT.desc(), IP_ASSET.ID)
                .limit(size).offset((long) page * size)
                .fetch(IpAssetRepository::toAsset);
    }

    /** A sync page: in (updated_at, id) order after the window's position. */
    public List<IpAsset> page(Filter filter, SyncWindow window, int size) {
        return db.selectFrom(IP_ASSET)
                .where(condition(filter).and(SyncOrder.condition(window, IP_ASSET.UPDATED_AT, IP_ASSET.ID)))
                .orderBy(SyncOrder.order(IP_ASSET.UPDATED_AT, IP_ASSET.ID))
                .limit(size)
                .fetch(IpAssetRepository::toAsset);
    }

    public long count(Filter filter, Optional<SyncWindow> window) {
        return db.fetchCount(IP_ASSET, condition(filter).and(window.map(w -> SyncOrder.since(w, IP_ASSET.UPDATED_AT))
                .orElse(DSL.trueCondition())));
    }

    private static Condition condition(Filter f) {
        return scoped(f.bankScope())
                .and(f.number().map(IP_ASSET.NUMBER::eq).orElse(DSL.trueCondition()))
                .and(f.ownerCreditCode().map(IP_ASSET.OWNER_CREDIT_CODE::eq).orElse(DSL.trueCondition()))
                .and(f.type().map(t -> IP_ASSET.TYPE.eq(t.name())).orElse(DSL.trueCondition()));
    }

    private static Condition scoped(Optional<UUID> bankScope) {
        return bankScope.map(IP_ASSET.BANK_ID::eq).orElse(DSL.trueCondition());
    }

    private static final RegistrationFacts NO_FACTS = new RegistrationFacts(null, null, null, null, null, null, null,
            null);

    private static RegistrationFacts facts(IpAsset a) {
        return a.facts() == null ? NO_FACTS : a.facts();
    }

    static IpAsset toAsset(IpAssetRecord r) {
        List<Integer> classes = r.getNiceClasses() == null || r.getNiceClasses().isEmpty() ? null
                : Arrays.stream(r.getNiceClasses().split(",")).map(Integer::valueOf).toList();
        return new IpAsset(r.getId(), r.getBankId(), IpType.valueOf(r.getType()), r.getNumber(), r.getTitle(),
                r.getOwnerCreditCode(), r.getFilingDate(), r.getGrantDate(), r.getRegistrationDate(),
                LegalStatus.valueOf(r.getLegalStatus()), r.getClaims(), r.getForwardCitations(), r.getFamilySize(),
                classes, r.getExpiresOn(), r.getCreatedAt(), r.getUpdatedAt(), IpType.valueOf(r.getType()).isPatent()
                        || IpType.valueOf(r.getType()).isMark() ? null
                        : new RegistrationFacts(r.getAuthorKind() == null ? null : AuthorKind.valueOf(r.getAuthorKind()),
                        r.getCreatedOn(), r.getFirstPublishedOn(), r.getAuthorDeathYear(), r.getCertificateNumber(),
                        r.getSoftwareVersion(), r.getIssuingPlatform(), r.getValidUntil()));
    }
}
