package com.ipledge.service.pages;

import static com.ipledge.service.db.Tables.APPLICANT_STATUS_TOKEN;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Status tokens (as hashes) of applications filed through the web form; joins a transaction under way. */
@Singleton
@Connectable
class StatusTokenRepository {
    /** What a status token opens. */
    public record Entry(UUID applicationId, UUID bankId, String contactName, String contactPhone) {
    }

    private final DSLContext db;

    public StatusTokenRepository(DSLContext db) {
        this.db = db;
    }

    public void insert(String tokenHash, Entry entry, OffsetDateTime now) {
        db.insertInto(APPLICANT_STATUS_TOKEN)
                .set(APPLICANT_STATUS_TOKEN.TOKEN_HASH, tokenHash)
                .set(APPLICANT_STATUS_TOKEN.APPLICATION_ID, entry.applicationId())
                .set(APPLICANT_STATUS_TOKEN.BANK_ID, entry.bankId())
                .set(APPLICANT_STATUS_TOKEN.CONTACT_NAME, entry.contactName())
                .set(APPLICANT_STATUS_TOKEN.CONTACT_PHONE, entry.contactPhone())
                .set(APPLICANT_STATUS_TOKEN.CREATED_AT, now)
                .execute();
    }

    public Optional<Entry> find(String tokenHash) {
        return db.selectFrom(APPLICANT_STATUS_TOKEN)
                .where(APPLICANT_STATUS_TOKEN.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new Entry(r.getApplicationId(), r.getBankId(), r.getContactName(),
                        r.getContactPhone()));
    }
}
