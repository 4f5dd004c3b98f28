package com.ipledge.service.loan;

import static com.ipledge.service.db.Tables.PLEDGE_CONSENT;
import static com.ipledge.service.db.Tables.PLEDGE_STEP;

import com.ipledge.service.db.tables.records.PledgeConsentRecord;
import com.ipledge.service.db.tables.records.PledgeStepRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** Pledge steps and consent requests; the only place they are mapped. */
@Singleton
@Connectable
class PledgeRepository {
    private final DSLContext db;

    PledgeRepository(DSLContext db) {
        this.db = db;
    }

    void insertStep(UUID loanId, PledgeStep s) {
        db.insertInto(PLEDGE_STEP)
                .set(PLEDGE_STEP.ID, s.id())
                .set(PLEDGE_STEP.LOAN_ID, loanId)
                .set(PLEDGE_STEP.STEP, s.step().name())
                .set(PLEDGE_STEP.REGISTRATION_NO, s.registrationNo())
                .set(PLEDGE_STEP.REGISTERED_ON, s.registeredOn())
                .set(PLEDGE_STEP.CERTIFICATE_NO, s.certificateNo())
                .set(PLEDGE_STEP.DEBT_AMOUNT, s.debtAmount())
                .set(PLEDGE_STEP.DEBT_ENDS_ON, s.debtEndsOn())
                .set(PLEDGE_STEP.REASON, s.reason())
                .set(PLEDGE_STEP.RECORDED_BY, s.recordedBy())
                .set(PLEDGE_STEP.RECORDED_AT, s.recordedAt())
                .execute();
    }

    /** Each loan's steps, oldest first. */
    Map<UUID, List<PledgeStep>> steps(Collection<UUID> loanIds) {
        return db.selectFrom(PLEDGE_STEP).where(PLEDGE_STEP.LOAN_ID.in(loanIds))
                .orderBy(PLEDGE_STEP.RECORDED_AT, PLEDGE_STEP.ID)
                .fetch().stream().collect(Collectors.groupingBy(PledgeStepRecord::getLoanId,
                        Collectors.mapping(PledgeRepository::toStep, Collectors.toList())));
    }

    void insertConsent(PledgeConsent c) {
        db.insertInto(PLEDGE_CONSENT)
                .set(PLEDGE_CONSENT.ID, c.id())
                .set(PLEDGE_CONSENT.LOAN_ID, c.loanId())
                .set(PLEDGE_CONSENT.KIND, c.kind().name())
                .set(PLEDGE_CONSENT.COUNTERPARTY, c.counterparty())
                .set(PLEDGE_CONSENT.PROCEEDS, c.proceeds())
                .set(PLEDGE_CONSENT.PROCEEDS_USE, c.proceedsUse().name())
                .set(PLEDGE_CONSENT.ESCROW_ACCOUNT, c.escrowAccount())
                .set(PLEDGE_CONSENT.STATUS, c.status().name())
                .set(PLEDGE_CONSENT.REQUESTED_BY, c.requestedBy())
                .set(PLEDGE_CONSENT.REQUESTED_AT, c.requestedAt())
                .execute();
    }

    /** The consent request, locked, when it belongs to the loan. */
    Optional<PledgeConsent> lockConsent(UUID id, UUID loanId) {
        return db.selectFrom(PLEDGE_CONSENT).where(PLEDGE_CONSENT.ID.eq(id), PLEDGE_CONSENT.LOAN_ID.eq(loanId))
                .forUpdate().fetchOptional().map(PledgeRepository::toConsent);
    }

    void decide(UUID id, PledgeConsent.Status status, UUID by, OffsetDateTime at, String note) {
        db.update(PLEDGE_CONSENT).set(PLEDGE_CONSENT.STATUS, status.name()).set(PLEDGE_CONSENT.DECIDED_BY, by)
                .set(PLEDGE_CONSENT.DECIDED_AT, at).set(PLEDGE_CONSENT.NOTE, note)
                .where(PLEDGE_CONSENT.ID.eq(id)).execute();
    }

    Map<UUID, List<PledgeConsent>> consents(Collection<UUID> loanIds) {
        return db.selectFrom(PLEDGE_CONSENT).where(PLEDGE_CONSENT.LOAN_ID.in(loanIds))
                .orderBy(PLEDGE_CONSENT.REQUESTED_AT, PLEDGE_CONSENT.ID)
                .fetch().stream().collect(Collectors.groupingBy(PledgeConsentRecord::getLoanId,
                        Collectors.mapping(PledgeRepository::toConsent, Collectors.toList())));
    }

    private static PledgeStep toStep(PledgeStepRecord r) {
        return new PledgeStep(r.getId(), PledgeStep.Kind.valueOf(r.getStep()), r.getRegistrationNo(),
                r.getRegisteredOn(), r.getCertificateNo(), r.getDebtAmount(), r.getDebtEndsOn(), r.getReason(),
                r.getRecordedBy(), r.getRecordedAt());
    }

    private static PledgeConsent toConsent(PledgeConsentRecord r) {
        return new PledgeConsent(r.getId(), r.getLoanId(), PledgeConsent.Kind.valueOf(r.getKind()),
                r.getCounterparty(), r.getProceeds(), PledgeConsent.ProceedsUse.valueOf(r.getProceedsUse()),
                r.getEscrowAccount(), PledgeConsent.Status.valueOf(r.getStatus()), r.getRequestedBy(),
                r.getRequestedAt(), r.getDecidedBy(), r.getDecidedAt(), r.getNote());
    }
}
