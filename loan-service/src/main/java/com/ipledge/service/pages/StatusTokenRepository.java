package com.ipledge.service.pages;

import static com.ipledge.service.db.Tables.APPLICANT_STATUS_TOKEN;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Status tokens (as hashes) of applications the web form filed directly before V25; since then the form keeps an
 * intake, whose row holds its token's hash. Read-only: old links keep working.
 */
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

    public Optional<Entry> find(String tokenHash) {
        return db.selectFrom(APPLICANT_STATUS_TOKEN)
                .where(APPLICANT_STATUS_TOKEN.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new Entry(r.getApplicationId(), r.getBankId(), r.getContactName(),
                        r.getContactPhone()));
    }
}
