package com.ipledge.service.pages;

import static com.ipledge.service.db.Tables.APPLY_FORM_DRAFT;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The SME form's drafts (V41): what a browser typed before it asked for another IP row without script. */
@Singleton
@Connectable
class FormDraftRepository {
    /** A draft as kept: the fields as JSON text and the rows the page showed. */
    record Row(String fields, int assetRows) {
    }

    private final DSLContext db;

    FormDraftRepository(DSLContext db) {
        this.db = db;
    }

    void insert(UUID id, String ownerHash, String fields, int assetRows, OffsetDateTime at) {
        db.insertInto(APPLY_FORM_DRAFT)
                .set(APPLY_FORM_DRAFT.ID, id)
                .set(APPLY_FORM_DRAFT.OWNER_HASH, ownerHash)
                .set(APPLY_FORM_DRAFT.FIELDS, fields)
                .set(APPLY_FORM_DRAFT.ASSET_ROWS, assetRows)
                .set(APPLY_FORM_DRAFT.CREATED_AT, at)
                .execute();
    }

    Optional<Row> find(UUID id, String ownerHash, OffsetDateTime keptSince) {
        return db.select(APPLY_FORM_DRAFT.FIELDS, APPLY_FORM_DRAFT.ASSET_ROWS)
                .from(APPLY_FORM_DRAFT)
                .where(APPLY_FORM_DRAFT.ID.eq(id), APPLY_FORM_DRAFT.OWNER_HASH.eq(ownerHash),
                        APPLY_FORM_DRAFT.CREATED_AT.ge(keptSince))
                .fetchOptional(r -> new Row(r.value1(), r.value2()));
    }

    int deleteKeptBefore(OffsetDateTime before) {
        return db.deleteFrom(APPLY_FORM_DRAFT).where(APPLY_FORM_DRAFT.CREATED_AT.lt(before)).execute();
    }

    void deleteOf(String ownerHash) {
        db.deleteFrom(APPLY_FORM_DRAFT).where(APPLY_FORM_DRAFT.OWNER_HASH.eq(ownerHash)).execute();
    }
}
