package com.ipledge.service.borrower;

import static com.ipledge.service.db.Tables.BORROWER;
import static com.ipledge.service.db.Tables.BORROWER_VERSION;

import com.ipledge.rules.EcoIndustry;
import com.ipledge.rules.sme.SizeClass;
import com.ipledge.service.database.RenderedQueries;
import com.ipledge.service.database.SyncOrder;
import com.ipledge.service.db.tables.records.BorrowerRecord;
import com.ipledge.service.db.tables.records.BorrowerVersionRecord;
import com.ipledge.service.web.SyncWindow;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class BorrowerRepository {
    /** What a list may be filtered by: exact credit code, part of the name. */
    record Filter(Optional<UUID> bankScope, Optional<String> creditCode, Optional<String> name) {
    }

    private final DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();

    public BorrowerRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts (with its first version) unless the bank already has a borrower with this credit code; empty then. */
    public Optional<Borrower> insert(Borrower b, UUID registeredBy) {
        Optional<Borrower> stored = db.insertInto(BORROWER)
                .set(BORROWER.ID, b.id())
                .set(BORROWER.BANK_ID, b.bankId())
                .set(BORROWER.NAME, b.name())
                .set(BORROWER.CREDIT_CODE, b.creditCode())
                .set(BORROWER.INDUSTRY_CODE, b.industryCode())
                .set(BORROWER.ECO_INDUSTRY, b.ecoIndustry() == null ? null : b.ecoIndustry().name())
                .set(BORROWER.REGION_CODE, b.regionCode())
                .set(BORROWER.EMPLOYEES, b.employees())
                .set(BORROWER.OPERATING_REVENUE, b.operatingRevenue())
                .set(BORROWER.TOTAL_ASSETS, b.totalAssets())
                .set(BORROWER.FOUNDED_ON, b.foundedOn())
                .set(BORROWER.SIZE_CLASS, b.sizeClass().name())
                .set(BORROWER.CREATED_AT, b.createdAt())
                .set(BORROWER.CONTACT_NAME, b.contactName())
                .set(BORROWER.CONTACT_PHONE, b.contactPhone())
                .set(BORROWER.CONTACT_EMAIL, b.contactEmail())
                .set(BORROWER.VERSION, b.version())
                .set(BORROWER.FACTS_AS_OF, b.asOf())
                .set(BORROWER.UPDATED_AT, b.updatedAt())
                .onConflict(BORROWER.BANK_ID, BORROWER.CREDIT_CODE).doNothing()
                .returning()
                .fetchOptional()
                .map(BorrowerRepository::toBorrower);
        stored.ifPresent(s -> insertVersion(s, List.of("employees", "operatingRevenue", "totalAssets"),
                registeredBy, s.createdAt()));
        return stored;
    }

    /** Stores a changed borrower (locked by the caller) and its new version. */
    public Borrower update(Borrower b, List<String> changedFields, UUID changedBy) {
        Borrower stored = db.update(BORROWER)
                .set(BORROWER.EMPLOYEES, b.employees())
                .set(BORROWER.OPERATING_REVENUE, b.operatingRevenue())
                .set(BORROWER.TOTAL_ASSETS, b.totalAssets())
                .set(BORROWER.SIZE_CLASS, b.sizeClass().name())
                .set(BORROWER.CONTACT_NAME, b.contactName())
                .set(BORROWER.CONTACT_PHONE, b.contactPhone())
                .set(BORROWER.CONTACT_EMAIL, b.contactEmail())
                .set(BORROWER.VERSION, b.version())
                .set(BORROWER.FACTS_AS_OF, b.asOf())
                .set(BORROWER.UPDATED_AT, b.updatedAt())
                .where(BORROWER.ID.eq(b.id()))
                .returning()
                .fetchOne(BorrowerRepository::toBorrower);
        insertVersion(stored, changedFields, changedBy, b.updatedAt());
        return stored;
    }

    private void insertVersion(Borrower b, List<String> changedFields, UUID changedBy,
                               java.time.OffsetDateTime at) {
        db.insertInto(BORROWER_VERSION)
                .set(BORROWER_VERSION.BORROWER_ID, b.id())
                .set(BORROWER_VERSION.VERSION, b.version())
                .set(BORROWER_VERSION.AS_OF, b.asOf())
                .set(BORROWER_VERSION.EMPLOYEES, b.employees())
                .set(BORROWER_VERSION.OPERATING_REVENUE, b.operatingRevenue())
                .set(BORROWER_VERSION.TOTAL_ASSETS, b.totalAssets())
                .set(BORROWER_VERSION.SIZE_CLASS, b.sizeClass().name())
                .set(BORROWER_VERSION.CONTACT_NAME, b.contactName())
                .set(BORROWER_VERSION.CONTACT_PHONE, b.contactPhone())
                .set(BORROWER_VERSION.CONTACT_EMAIL, b.contactEmail())
                .set(BORROWER_VERSION.CHANGED_FIELDS, String.join(",", changedFields))
                .set(BORROWER_VERSION.CHANGED_BY, changedBy)
                .set(BORROWER_VERSION.CHANGED_AT, at)
                .execute();
    }

    /** The borrower if it exists and the caller's bank scope (empty = every bank) may see it. */
    public Optional<Borrower> find(UUID id, Optional<UUID> bankScope) {
        return rendered.rows(db, "find", BORROWER, () -> db.selectFrom(BORROWER)
                        .where(BORROWER.ID.eq(id).and(scoped(bankScope))), id, bankScope)
                .fetchOptional()
                .map(BorrowerRepository::toBorrower);
    }

    /** Reads the borrower and locks its row until the transaction ends. */
    public Optional<Borrower> lock(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(BORROWER)
                .where(BORROWER.ID.eq(id).and(scoped(bankScope)))
                .forUpdate()
                .fetchOptional()
                .map(BorrowerRepository::toBorrower);
    }

    public Optional<Borrower> findByCreditCode(UUID bankId, String creditCode) {
        return db.selectFrom(BORROWER)
                .where(BORROWER.BANK_ID.eq(bankId).and(BORROWER.CREDIT_CODE.eq(creditCode)))
                .fetchOptional()
                .map(BorrowerRepository::toBorrower);
    }

    /** Every version of a borrower's facts, oldest first. */
    public List<BorrowerVersion> versions(UUID borrowerId) {
        return db.selectFrom(BORROWER_VERSION)
                .where(BORROWER_VERSION.BORROWER_ID.eq(borrowerId))
                .orderBy(BORROWER_VERSION.VERSION)
                .fetch(BorrowerRepository::toVersion);
    }

    /** A plain page, newest first. */
    public List<Borrower> page(Filter filter, int page, int size) {
        return db.selectFrom(BORROWER).where(condition(filter))
                .orderBy(BORROWER.CREATED_AT.desc(), BORROWER.ID)
                .limit(size).offset((long) page * size)
                .fetch(BorrowerRepository::toBorrower);
    }

    /** A sync page: in (updated_at, id) order after the window's position. */
    public List<Borrower> page(Filter filter, SyncWindow window, int size) {
        return db.selectFrom(BORROWER)
                .where(condition(filter).and(SyncOrder.condition(window, BORROWER.UPDATED_AT, BORROWER.ID)))
                .orderBy(SyncOrder.order(BORROWER.UPDATED_AT, BORROWER.ID))
                .limit(size)
                .fetch(BorrowerRepository::toBorrower);
    }

    public long count(Filter filter, Optional<SyncWindow> window) {
        return db.fetchCount(BORROWER, condition(filter).and(window.map(w -> SyncOrder.since(w, BORROWER.UPDATED_AT))
                .orElse(DSL.trueCondition())));
    }

    private static Condition condition(Filter f) {
        return scoped(f.bankScope())
                .and(f.creditCode().map(BORROWER.CREDIT_CODE::eq).orElse(DSL.trueCondition()))
                .and(f.name().map(n -> BORROWER.NAME.containsIgnoreCase(n)).orElse(DSL.trueCondition()));
    }

    private static Condition scoped(Optional<UUID> bankScope) {
        return bankScope.map(BORROWER.BANK_ID::eq).orElse(DSL.trueCondition());
    }

    static Borrower toBorrower(BorrowerRecord r) {
        return new Borrower(r.getId(), r.getBankId(), r.getName(), r.getCreditCode(), r.getIndustryCode(),
                r.getEcoIndustry() == null ? null : EcoIndustry.valueOf(r.getEcoIndustry()), r.getRegionCode(),
                r.getEmployees(), r.getOperatingRevenue(), r.getTotalAssets(), r.getFoundedOn(),
                SizeClass.valueOf(r.getSizeClass()), r.getCreatedAt(), r.getContactName(), r.getContactPhone(),
                r.getContactEmail(), r.getVersion(), r.getFactsAsOf(), r.getUpdatedAt());
    }

    static BorrowerVersion toVersion(BorrowerVersionRecord r) {
        return new BorrowerVersion(r.getVersion(), r.getAsOf(), r.getEmployees(), r.getOperatingRevenue(),
                r.getTotalAssets(), SizeClass.valueOf(r.getSizeClass()), r.getContactName(), r.getContactPhone(),
                r.getContactEmail(), r.getChangedFields().isEmpty() ? List.of()
                        : Arrays.asList(r.getChangedFields().split(",")), r.getChangedBy(), r.getChangedAt());
    }
}
