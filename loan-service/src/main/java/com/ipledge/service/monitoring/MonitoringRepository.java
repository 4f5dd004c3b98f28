package com.ipledge.service.monitoring;

import static com.ipledge.service.db.Tables.ALERT;
import static com.ipledge.service.db.Tables.APPLICATION_COLLATERAL;
import static com.ipledge.service.db.Tables.IP_ASSET;
import static com.ipledge.service.db.Tables.LOAN;
import static com.ipledge.service.db.Tables.MONITORING_EVENT;

import com.ipledge.rules.Severity;
import com.ipledge.rules.SuggestedAction;
import com.ipledge.service.db.tables.records.AlertRecord;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.loan.LoanStatus;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class MonitoringRepository {
    /** Loans that a collateral event concerns: approved and not yet closed, defaulted, withdrawn or expired. */
    static final List<String> LIVE = List.of(LoanStatus.APPROVED.name(), LoanStatus.PLEDGE_REGISTERED.name(),
            LoanStatus.DISBURSED.name(), LoanStatus.REPAYING.name());
    /** Loans under which the pledge is registered: their assets are PLEDGED while in force. */
    static final List<String> PLEDGE_HELD = List.of(LoanStatus.PLEDGE_REGISTERED.name(),
            LoanStatus.DISBURSED.name(), LoanStatus.REPAYING.name());

    /** An event as stored. */
    record StoredEvent(UUID id, String source, UUID bankId, String assetNumber, String assetType, String type,
                       LocalDate occurredOn, int matchedAssets, OffsetDateTime createdAt) {
    }

    /** One pledged asset of one live loan. */
    record Pledge(UUID loanId, UUID bankId, UUID assetId) {
    }

    private final DSLContext db;

    public MonitoringRepository(DSLContext db) {
        this.db = db;
    }

    /** Stores the event unless it was reported before by the same source; empty then. */
    Optional<UUID> insertEvent(StoredEvent e, UUID reportedBy) {
        return db.insertInto(MONITORING_EVENT)
                .set(MONITORING_EVENT.ID, e.id())
                .set(MONITORING_EVENT.SOURCE, e.source())
                .set(MONITORING_EVENT.BANK_ID, e.bankId())
                .set(MONITORING_EVENT.ASSET_NUMBER, e.assetNumber())
                .set(MONITORING_EVENT.ASSET_TYPE, e.assetType())
                .set(MONITORING_EVENT.TYPE, e.type())
                .set(MONITORING_EVENT.OCCURRED_ON, e.occurredOn())
                .set(MONITORING_EVENT.MATCHED_ASSETS, e.matchedAssets())
                .set(MONITORING_EVENT.REPORTED_BY, reportedBy)
                .set(MONITORING_EVENT.CREATED_AT, e.createdAt())
                .onConflict(MONITORING_EVENT.ASSET_NUMBER, MONITORING_EVENT.TYPE, MONITORING_EVENT.OCCURRED_ON,
                        MONITORING_EVENT.SOURCE).doNothing()
                .returning(MONITORING_EVENT.ID)
                .fetchOptional(MONITORING_EVENT.ID);
    }

    Optional<UUID> findEvent(String source, String assetNumber, String type, LocalDate occurredOn) {
        return db.select(MONITORING_EVENT.ID).from(MONITORING_EVENT)
                .where(MONITORING_EVENT.SOURCE.eq(source), MONITORING_EVENT.ASSET_NUMBER.eq(assetNumber),
                        MONITORING_EVENT.TYPE.eq(type), MONITORING_EVENT.OCCURRED_ON.eq(occurredOn))
                .fetchOptional(MONITORING_EVENT.ID);
    }

    void updateMatched(UUID eventId, int matched) {
        db.update(MONITORING_EVENT).set(MONITORING_EVENT.MATCHED_ASSETS, matched)
                .where(MONITORING_EVENT.ID.eq(eventId)).execute();
    }

    /** The assets on file under this number (of these types), in the bank's scope, locked until commit. */
    List<UUID> lockAssets(String number, Collection<IpType> types, Optional<UUID> bankScope) {
        return db.select(IP_ASSET.ID).from(IP_ASSET)
                .where(IP_ASSET.NUMBER.eq(number), IP_ASSET.TYPE.in(types.stream().map(Enum::name).toList()),
                        bankScope.map(IP_ASSET.BANK_ID::eq).orElse(DSL.trueCondition()))
                .orderBy(IP_ASSET.BANK_ID, IP_ASSET.ID)
                .forUpdate()
                .fetch(IP_ASSET.ID);
    }

    void updateExpiry(UUID assetId, LocalDate expiresOn) {
        db.update(IP_ASSET).set(IP_ASSET.EXPIRES_ON, expiresOn).where(IP_ASSET.ID.eq(assetId)).execute();
    }

    /** Live loans that {@code assetId} secures. */
    List<UUID> liveLoansSecuredBy(UUID assetId) {
        return db.selectDistinct(LOAN.ID).from(LOAN)
                .join(APPLICATION_COLLATERAL).on(APPLICATION_COLLATERAL.APPLICATION_ID.eq(LOAN.APPLICATION_ID))
                .where(APPLICATION_COLLATERAL.ASSET_ID.eq(assetId), LOAN.STATUS.in(LIVE))
                .orderBy(LOAN.ID)
                .fetch(LOAN.ID);
    }

    /** Whether a loan with a registered pledge over {@code assetId} is still running. */
    boolean pledgeHeld(UUID assetId) {
        return db.fetchExists(db.selectOne().from(LOAN)
                .join(APPLICATION_COLLATERAL).on(APPLICATION_COLLATERAL.APPLICATION_ID.eq(LOAN.APPLICATION_ID))
                .where(APPLICATION_COLLATERAL.ASSET_ID.eq(assetId), LOAN.STATUS.in(PLEDGE_HELD)));
    }

    /** Every (live loan, pledged asset) pair, for the due-date job. */
    List<Pledge> livePledges() {
        return db.select(LOAN.ID, LOAN.BANK_ID, APPLICATION_COLLATERAL.ASSET_ID).from(LOAN)
                .join(APPLICATION_COLLATERAL).on(APPLICATION_COLLATERAL.APPLICATION_ID.eq(LOAN.APPLICATION_ID))
                .where(LOAN.STATUS.in(LIVE))
                .orderBy(LOAN.ID, APPLICATION_COLLATERAL.POSITION)
                .fetch(r -> new Pledge(r.value1(), r.value2(), r.value3()));
    }

    /** Live loans, oldest first, for the revaluation job. */
    List<UUID> liveLoans(int limit) {
        return db.select(LOAN.ID).from(LOAN).where(LOAN.STATUS.in(LIVE)).orderBy(LOAN.CREATED_AT, LOAN.ID)
                .limit(limit).fetch(LOAN.ID);
    }

    // --- alerts ---

    /** Stores the alert unless one with the same (loan, rule, dedup key) exists; false then. */
    boolean insertAlert(LoanAlert a, String dedupKey) {
        return db.insertInto(ALERT)
                .set(ALERT.ID, a.id())
                .set(ALERT.BANK_ID, a.bankId())
                .set(ALERT.LOAN_ID, a.loanId())
                .set(ALERT.ASSET_ID, a.assetId())
                .set(ALERT.EVENT_ID, a.eventId())
                .set(ALERT.RULE_ID, a.ruleId())
                .set(ALERT.SEVERITY, a.severity().name())
                .set(ALERT.ACTION, a.action().name())
                .set(ALERT.MESSAGE_ZH, clip(a.messageZh()))
                .set(ALERT.MESSAGE_EN, clip(a.messageEn()))
                .set(ALERT.STATUS, a.status().name())
                .set(ALERT.LTV, a.ltv())
                .set(ALERT.COLLATERAL_VALUE, a.collateralValue())
                .set(ALERT.DEDUP_KEY, dedupKey)
                .set(ALERT.RULE_BASE_VERSION, a.ruleBaseVersion())
                .set(ALERT.PARAMETERS_VERSION, a.parametersVersion())
                .set(ALERT.CREATED_AT, a.createdAt())
                .onConflict(ALERT.LOAN_ID, ALERT.RULE_ID, ALERT.DEDUP_KEY).doNothing()
                .execute() == 1;
    }

    /** Whether the loan has an alert of this rule that is not resolved yet. */
    boolean hasUnresolved(UUID loanId, String ruleId) {
        return db.fetchExists(ALERT, ALERT.LOAN_ID.eq(loanId), ALERT.RULE_ID.eq(ruleId),
                ALERT.STATUS.ne(AlertStatus.RESOLVED.name()));
    }

    Optional<LoanAlert> findAlert(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(ALERT).where(ALERT.ID.eq(id).and(scoped(bankScope)))
                .fetchOptional().map(MonitoringRepository::toAlert);
    }

    Optional<LoanAlert> lockAlert(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(ALERT).where(ALERT.ID.eq(id).and(scoped(bankScope))).forUpdate()
                .fetchOptional().map(MonitoringRepository::toAlert);
    }

    List<LoanAlert> alertsOfEvent(UUID eventId, Optional<UUID> bankScope) {
        return db.selectFrom(ALERT).where(ALERT.EVENT_ID.eq(eventId).and(scoped(bankScope)))
                .orderBy(ALERT.CREATED_AT, ALERT.ID).fetch(MonitoringRepository::toAlert);
    }

    void updateAlert(LoanAlert a) {
        db.update(ALERT)
                .set(ALERT.STATUS, a.status().name())
                .set(ALERT.ACKNOWLEDGED_BY, a.acknowledgedBy())
                .set(ALERT.ACKNOWLEDGED_AT, a.acknowledgedAt())
                .set(ALERT.ACKNOWLEDGEMENT_NOTE, a.acknowledgementNote())
                .set(ALERT.RESOLVED_BY, a.resolvedBy())
                .set(ALERT.RESOLVED_AT, a.resolvedAt())
                .set(ALERT.NOTE, a.note())
                .where(ALERT.ID.eq(a.id()))
                .execute();
    }

    /** Filters for the alert list; an empty set of statuses means all. */
    record AlertFilter(Optional<UUID> bankScope, Collection<AlertStatus> statuses, Optional<Severity> severity,
                       Optional<UUID> loanId) {
        Condition condition() {
            Condition c = scoped(bankScope);
            if (!statuses.isEmpty()) {
                c = c.and(ALERT.STATUS.in(statuses.stream().map(Enum::name).toList()));
            }
            if (severity.isPresent()) {
                c = c.and(ALERT.SEVERITY.eq(severity.get().name()));
            }
            if (loanId.isPresent()) {
                c = c.and(ALERT.LOAN_ID.eq(loanId.get()));
            }
            return c;
        }
    }

    List<LoanAlert> alerts(AlertFilter filter, int page, int size) {
        return db.selectFrom(ALERT).where(filter.condition())
                .orderBy(ALERT.CREATED_AT.desc(), ALERT.ID).limit(size).offset((long) page * size)
                .fetch(MonitoringRepository::toAlert);
    }

    long countAlerts(AlertFilter filter) {
        return db.fetchCount(ALERT, filter.condition());
    }

    private static Condition scoped(Optional<UUID> bankScope) {
        return bankScope.map(ALERT.BANK_ID::eq).orElse(DSL.trueCondition());
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }

    static LoanAlert toAlert(AlertRecord r) {
        return new LoanAlert(r.getId(), r.getBankId(), r.getLoanId(), r.getAssetId(), r.getEventId(),
                r.getRuleId(), Severity.valueOf(r.getSeverity()), SuggestedAction.valueOf(r.getAction()),
                r.getMessageZh(), r.getMessageEn(), AlertStatus.valueOf(r.getStatus()), r.getLtv(),
                r.getCollateralValue(), r.getRuleBaseVersion(), r.getParametersVersion(), r.getCreatedAt(),
                r.getAcknowledgedBy(), r.getAcknowledgedAt(), r.getAcknowledgementNote(), r.getResolvedBy(),
                r.getResolvedAt(), r.getNote());
    }
}
