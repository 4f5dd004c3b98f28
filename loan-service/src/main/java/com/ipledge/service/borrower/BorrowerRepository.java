package com.ipledge.service.borrower;

import com.ipledge.rules.EcoIndustry;
import static com.ipledge.service.db.Tables.BORROWER;

import com.ipledge.rules.sme.SizeClass;
import com.ipledge.service.db.tables.records.BorrowerRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class BorrowerRepository {
    private final DSLContext db;

    public BorrowerRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts unless the bank already has a borrower with this credit code; empty then. */
    public Optional<Borrower> insert(Borrower b) {
        return db.insertInto(BORROWER)
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
                .onConflict(BORROWER.BANK_ID, BORROWER.CREDIT_CODE).doNothing()
                .returning()
                .fetchOptional()
                .map(BorrowerRepository::toBorrower);
    }

    /** The borrower if it exists and the caller's bank scope (empty = every bank) may see it. */
    public Optional<Borrower> find(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(BORROWER)
                .where(BORROWER.ID.eq(id).and(scoped(bankScope)))
                .fetchOptional()
                .map(BorrowerRepository::toBorrower);
    }

    public Optional<Borrower> findByCreditCode(UUID bankId, String creditCode) {
        return db.selectFrom(BORROWER)
                .where(BORROWER.BANK_ID.eq(bankId).and(BORROWER.CREDIT_CODE.eq(creditCode)))
                .fetchOptional()
                .map(BorrowerRepository::toBorrower);
    }

    private static Condition scoped(Optional<UUID> bankScope) {
        return bankScope.map(BORROWER.BANK_ID::eq).orElse(DSL.trueCondition());
    }

    static Borrower toBorrower(BorrowerRecord r) {
        return new Borrower(r.getId(), r.getBankId(), r.getName(), r.getCreditCode(), r.getIndustryCode(),
                r.getEcoIndustry() == null ? null : EcoIndustry.valueOf(r.getEcoIndustry()), r.getRegionCode(),
                r.getEmployees(), r.getOperatingRevenue(), r.getTotalAssets(), r.getFoundedOn(),
                SizeClass.valueOf(r.getSizeClass()), r.getCreatedAt());
    }
}
