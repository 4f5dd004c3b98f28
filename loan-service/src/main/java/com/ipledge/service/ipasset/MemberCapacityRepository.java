package com.ipledge.service.ipasset;

import static com.ipledge.service.db.Tables.APPLICATION_COLLATERAL;
import static com.ipledge.service.db.Tables.BORROWER;
import static com.ipledge.service.db.Tables.GI_MEMBER;
import static com.ipledge.service.db.Tables.GI_MEMBER_CAPACITY;
import static com.ipledge.service.db.Tables.IP_ASSET;
import static com.ipledge.service.db.Tables.LOAN;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** A GI's member capacity, its members and the loans that take of it; the only place they are mapped. */
@Singleton
@Connectable
class MemberCapacityRepository {
    /**
     * The loans that take of a capacity: approved and not yet disbursed (their quota is reserved too), or in the
     * book. Withdrawn, expired and closed loans give their share back.
     */
    static final List<String> TAKING = List.of("APPROVED", "PLEDGE_REGISTERED", "DISBURSED", "REPAYING", "DEFAULTED");

    record Terms(BigDecimal capacity, LocalDate setOn, String document) {
    }

    private final DSLContext db;

    MemberCapacityRepository(DSLContext db) {
        this.db = db;
    }

    /** Locks the asset's row: capacities are set, and loans over the mark approved, one at a time per mark. */
    boolean lock(UUID assetId, Optional<UUID> bankScope) {
        return db.select(IP_ASSET.ID).from(IP_ASSET)
                .where(IP_ASSET.ID.eq(assetId), bankScope.map(IP_ASSET.BANK_ID::eq).orElse(DSL.trueCondition()))
                .forUpdate().fetchOptional().isPresent();
    }

    /** Locks the GIs among {@code assetIds} in id order (so that two approvals never deadlock); their ids. */
    List<UUID> lockGeographicalIndications(java.util.Collection<UUID> assetIds) {
        return db.select(IP_ASSET.ID).from(IP_ASSET)
                .where(IP_ASSET.ID.in(assetIds), IP_ASSET.TYPE.eq(IpType.GEOGRAPHICAL_INDICATION.name()))
                .orderBy(IP_ASSET.ID).forUpdate().fetch(IP_ASSET.ID);
    }

    Optional<Terms> terms(UUID assetId) {
        return db.select(GI_MEMBER_CAPACITY.CAPACITY, GI_MEMBER_CAPACITY.SET_ON, GI_MEMBER_CAPACITY.DOCUMENT)
                .from(GI_MEMBER_CAPACITY).where(GI_MEMBER_CAPACITY.ASSET_ID.eq(assetId))
                .fetchOptional(r -> new Terms(r.value1(), r.value2(), r.value3()));
    }

    List<MemberCapacity.Member> members(UUID assetId) {
        return db.select(GI_MEMBER.CREDIT_CODE, GI_MEMBER.NAME).from(GI_MEMBER)
                .where(GI_MEMBER.ASSET_ID.eq(assetId)).orderBy(GI_MEMBER.POSITION)
                .fetch(r -> new MemberCapacity.Member(r.value1(), r.value2()));
    }

    /** The loans over the mark that take of its capacity, oldest first. */
    List<MemberCapacity.SecuredLoan> loans(UUID assetId) {
        return db.select(LOAN.ID, BORROWER.CREDIT_CODE, LOAN.PRINCIPAL, LOAN.STATUS).from(LOAN)
                .join(APPLICATION_COLLATERAL).on(APPLICATION_COLLATERAL.APPLICATION_ID.eq(LOAN.APPLICATION_ID))
                .join(BORROWER).on(BORROWER.ID.eq(LOAN.BORROWER_ID))
                .where(APPLICATION_COLLATERAL.ASSET_ID.eq(assetId), LOAN.STATUS.in(TAKING))
                .orderBy(LOAN.APPROVED_AT, LOAN.ID)
                .fetch(r -> new MemberCapacity.SecuredLoan(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Replaces the capacity and its member list. */
    void replace(UUID assetId, Terms terms, List<MemberCapacity.Member> members, String recordedBy,
                 OffsetDateTime now) {
        db.deleteFrom(GI_MEMBER).where(GI_MEMBER.ASSET_ID.eq(assetId)).execute();
        db.insertInto(GI_MEMBER_CAPACITY)
                .set(GI_MEMBER_CAPACITY.ASSET_ID, assetId)
                .set(GI_MEMBER_CAPACITY.CAPACITY, terms.capacity())
                .set(GI_MEMBER_CAPACITY.SET_ON, terms.setOn())
                .set(GI_MEMBER_CAPACITY.DOCUMENT, terms.document())
                .set(GI_MEMBER_CAPACITY.RECORDED_BY, recordedBy)
                .set(GI_MEMBER_CAPACITY.RECORDED_AT, now)
                .onConflict(GI_MEMBER_CAPACITY.ASSET_ID).doUpdate()
                .set(GI_MEMBER_CAPACITY.CAPACITY, terms.capacity())
                .set(GI_MEMBER_CAPACITY.SET_ON, terms.setOn())
                .set(GI_MEMBER_CAPACITY.DOCUMENT, terms.document())
                .set(GI_MEMBER_CAPACITY.RECORDED_BY, recordedBy)
                .set(GI_MEMBER_CAPACITY.RECORDED_AT, now)
                .execute();
        for (int i = 0; i < members.size(); i++) {
            db.insertInto(GI_MEMBER).set(GI_MEMBER.ASSET_ID, assetId)
                    .set(GI_MEMBER.CREDIT_CODE, members.get(i).creditCode())
                    .set(GI_MEMBER.NAME, members.get(i).name())
                    .set(GI_MEMBER.POSITION, i).execute();
        }
    }
}
