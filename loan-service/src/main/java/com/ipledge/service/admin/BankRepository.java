package com.ipledge.service.admin;

import static com.ipledge.service.db.Tables.BANK;

import com.ipledge.service.db.tables.records.BankRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class BankRepository {
    private final DSLContext db;

    public BankRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts the bank unless its code is taken; empty when it is. */
    public Optional<Bank> insert(String code, String name, OffsetDateTime now) {
        return db.insertInto(BANK)
                .set(BANK.ID, UUID.randomUUID())
                .set(BANK.CODE, code)
                .set(BANK.NAME, name)
                .set(BANK.CREATED_AT, now)
                .onConflict(BANK.CODE).doNothing()
                .returning()
                .fetchOptional()
                .map(BankRepository::toBank);
    }

    public Optional<Bank> find(UUID id) {
        return db.selectFrom(BANK).where(BANK.ID.eq(id)).fetchOptional().map(BankRepository::toBank);
    }

    public Optional<Bank> findByCode(String code) {
        return db.selectFrom(BANK).where(BANK.CODE.eq(code)).fetchOptional().map(BankRepository::toBank);
    }

    public List<Bank> all() {
        return db.selectFrom(BANK).orderBy(BANK.CODE).fetch(BankRepository::toBank);
    }

    static Bank toBank(BankRecord r) {
        return new Bank(r.getId(), r.getCode(), r.getName(), r.getCreatedAt());
    }
}
