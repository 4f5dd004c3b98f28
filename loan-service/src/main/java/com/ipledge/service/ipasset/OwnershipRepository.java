package com.ipledge.service.ipasset;

import static com.ipledge.service.db.Tables.IP_ASSET;
import static com.ipledge.service.db.Tables.IP_ASSET_OWNER;

import com.ipledge.service.database.RenderedQueries;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Owners, consents and register flags of an asset; the only place they are mapped. */
@Singleton
@Connectable
class OwnershipRepository {
    private final DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();

    OwnershipRepository(DSLContext db) {
        this.db = db;
    }

    /** The asset's ownership, or empty when it does not exist (or is another bank's). */
    Optional<Ownership> find(UUID assetId, Optional<UUID> bankScope) {
        // one statement (it runs for every pledged asset of every evaluation): the flags beside each owner row
        var rows = rendered.records(db, "find", () -> db.select(IP_ASSET.OWNER_CREDIT_CODE,
                                IP_ASSET.OWNERSHIP_DISPUTED, IP_ASSET.PRESERVED, IP_ASSET.SAME_DAY_DUAL_FILING,
                                IP_ASSET_OWNER.CREDIT_CODE, IP_ASSET_OWNER.NAME, IP_ASSET_OWNER.CONSENTED_ON,
                                IP_ASSET_OWNER.CONSENT_DOCUMENT)
                        .from(IP_ASSET).leftJoin(IP_ASSET_OWNER).on(IP_ASSET_OWNER.ASSET_ID.eq(IP_ASSET.ID))
                        .where(IP_ASSET.ID.eq(assetId),
                                bankScope.map(IP_ASSET.BANK_ID::eq).orElse(org.jooq.impl.DSL.trueCondition()))
                        .orderBy(IP_ASSET_OWNER.POSITION), assetId, bankScope)
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var asset = rows.get(0);
        List<Ownership.Owner> owners = rows.stream().filter(r -> r.get(IP_ASSET_OWNER.CREDIT_CODE) != null)
                .map(r -> new Ownership.Owner(r.get(IP_ASSET_OWNER.CREDIT_CODE), r.get(IP_ASSET_OWNER.NAME),
                        r.get(IP_ASSET_OWNER.CONSENTED_ON), r.get(IP_ASSET_OWNER.CONSENT_DOCUMENT))).toList();
        if (owners.isEmpty()) {
            owners = List.of(new Ownership.Owner(asset.get(IP_ASSET.OWNER_CREDIT_CODE), null, null, null));
        }
        return Optional.of(new Ownership(assetId, owners, owners.size() > 1, asset.get(IP_ASSET.OWNERSHIP_DISPUTED),
                asset.get(IP_ASSET.PRESERVED), asset.get(IP_ASSET.SAME_DAY_DUAL_FILING)));
    }

    /** Locks the asset's row, so that owners and consents change one request at a time. */
    boolean lock(UUID assetId, Optional<UUID> bankScope) {
        return db.select(IP_ASSET.ID).from(IP_ASSET)
                .where(IP_ASSET.ID.eq(assetId), bankScope.map(IP_ASSET.BANK_ID::eq)
                        .orElse(org.jooq.impl.DSL.trueCondition()))
                .forUpdate().fetchOptional().isPresent();
    }

    /** Replaces the owners, keeping the consents of owners who stay. */
    void replaceOwners(UUID assetId, List<Ownership.Owner> owners, boolean disputed, boolean sameDayDualFiling) {
        List<Ownership.Owner> before = find(assetId, Optional.empty()).orElseThrow().owners();
        db.deleteFrom(IP_ASSET_OWNER).where(IP_ASSET_OWNER.ASSET_ID.eq(assetId)).execute();
        for (int i = 0; i < owners.size(); i++) {
            Ownership.Owner o = owners.get(i);
            Optional<Ownership.Owner> kept = before.stream().filter(b -> b.creditCode().equals(o.creditCode()))
                    .findFirst();
            db.insertInto(IP_ASSET_OWNER)
                    .set(IP_ASSET_OWNER.ASSET_ID, assetId)
                    .set(IP_ASSET_OWNER.CREDIT_CODE, o.creditCode())
                    .set(IP_ASSET_OWNER.NAME, o.name())
                    .set(IP_ASSET_OWNER.POSITION, i)
                    .set(IP_ASSET_OWNER.CONSENTED_ON, kept.map(Ownership.Owner::consentedOn).orElse(null))
                    .set(IP_ASSET_OWNER.CONSENT_DOCUMENT, kept.map(Ownership.Owner::consentDocument).orElse(null))
                    .execute();
        }
        db.update(IP_ASSET).set(IP_ASSET.OWNERSHIP_DISPUTED, disputed)
                .set(IP_ASSET.SAME_DAY_DUAL_FILING, sameDayDualFiling).where(IP_ASSET.ID.eq(assetId)).execute();
    }

    /** Records an owner's consent; the sole owner on file gets its row here, as the first owner. */
    void recordConsent(UUID assetId, Ownership.Owner soleOwner, String creditCode, LocalDate on, String document) {
        if (db.fetchCount(IP_ASSET_OWNER, IP_ASSET_OWNER.ASSET_ID.eq(assetId)) == 0) {
            db.insertInto(IP_ASSET_OWNER).set(IP_ASSET_OWNER.ASSET_ID, assetId)
                    .set(IP_ASSET_OWNER.CREDIT_CODE, soleOwner.creditCode())
                    .set(IP_ASSET_OWNER.NAME, soleOwner.name() == null ? "" : soleOwner.name())
                    .set(IP_ASSET_OWNER.POSITION, 0).execute();
        }
        db.update(IP_ASSET_OWNER).set(IP_ASSET_OWNER.CONSENTED_ON, on).set(IP_ASSET_OWNER.CONSENT_DOCUMENT, document)
                .where(IP_ASSET_OWNER.ASSET_ID.eq(assetId), IP_ASSET_OWNER.CREDIT_CODE.eq(creditCode)).execute();
    }

    void setPreserved(UUID assetId, boolean preserved) {
        db.update(IP_ASSET).set(IP_ASSET.PRESERVED, preserved).where(IP_ASSET.ID.eq(assetId)).execute();
    }

    /** Whether another record of the same right (this bank's or another's) is pledged. */
    boolean pledgedElsewhere(UUID assetId, String type, String number) {
        return db.fetchExists(db.selectOne().from(IP_ASSET).where(IP_ASSET.TYPE.eq(type), IP_ASSET.NUMBER.eq(number),
                IP_ASSET.ID.ne(assetId), IP_ASSET.LEGAL_STATUS.eq(LegalStatus.PLEDGED.name())));
    }
}
