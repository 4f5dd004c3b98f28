package com.ipledge.service.bureau;

import static com.ipledge.service.db.Tables.APP_USER;
import static com.ipledge.service.db.Tables.WEB_SESSION;

import com.ipledge.service.db.tables.records.AppUserRecord;
import com.ipledge.service.security.Role;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Users and their web sessions; joins a transaction under way. */
@Singleton
@Connectable
class UserRepository {
    private final DSLContext db;

    public UserRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts the user unless the name is taken (empty then). */
    public Optional<AppUser> insert(String username, String passwordHash, Role role, UUID bankId,
                                    OffsetDateTime now) {
        return db.insertInto(APP_USER)
                .set(APP_USER.ID, UUID.randomUUID())
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.ROLE, role.name())
                .set(APP_USER.BANK_ID, bankId)
                .set(APP_USER.CREATED_AT, now)
                .onConflict(APP_USER.USERNAME).doNothing()
                .returning()
                .fetchOptional()
                .map(UserRepository::toUser);
    }

    public Optional<AppUser> findByUsername(String username) {
        return db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional()
                .map(UserRepository::toUser);
    }

    // ------------------------------------------------------------------------------------------------ sessions

    public void insertSession(String idHash, UUID userId, OffsetDateTime now, OffsetDateTime expiresAt) {
        db.insertInto(WEB_SESSION)
                .set(WEB_SESSION.ID_HASH, idHash)
                .set(WEB_SESSION.USER_ID, userId)
                .set(WEB_SESSION.CREATED_AT, now)
                .set(WEB_SESSION.LAST_SEEN_AT, now)
                .set(WEB_SESSION.EXPIRES_AT, expiresAt)
                .execute();
    }

    /** The active (unexpired) session's user, if that user is not disabled, with the session's expiry. */
    public Optional<SessionUser> findSession(String idHash, OffsetDateTime now) {
        return db.select(APP_USER.asterisk(), WEB_SESSION.EXPIRES_AT)
                .from(WEB_SESSION).join(APP_USER).on(APP_USER.ID.eq(WEB_SESSION.USER_ID))
                .where(WEB_SESSION.ID_HASH.eq(idHash)
                        .and(WEB_SESSION.EXPIRES_AT.gt(now))
                        .and(APP_USER.DISABLED_AT.isNull()))
                .fetchOptional()
                .map(r -> new SessionUser(toUser(r.into(APP_USER)), r.get(WEB_SESSION.EXPIRES_AT)));
    }

    /** Slides the expiry forward (never back). */
    public void touchSession(String idHash, OffsetDateTime now, OffsetDateTime expiresAt) {
        db.update(WEB_SESSION)
                .set(WEB_SESSION.LAST_SEEN_AT, now)
                .set(WEB_SESSION.EXPIRES_AT, expiresAt)
                .where(WEB_SESSION.ID_HASH.eq(idHash).and(WEB_SESSION.EXPIRES_AT.lt(expiresAt)))
                .execute();
    }

    public int deleteSession(String idHash) {
        return db.deleteFrom(WEB_SESSION).where(WEB_SESSION.ID_HASH.eq(idHash)).execute();
    }

    public int deleteExpiredSessions(OffsetDateTime now) {
        return db.deleteFrom(WEB_SESSION).where(WEB_SESSION.EXPIRES_AT.le(now)).execute();
    }

    public record SessionUser(AppUser user, OffsetDateTime expiresAt) {
    }

    private static AppUser toUser(AppUserRecord r) {
        return new AppUser(r.getId(), r.getUsername(), r.getPasswordHash(), Role.valueOf(r.getRole()),
                r.getBankId(), r.getCreatedAt(), r.getDisabledAt());
    }
}
