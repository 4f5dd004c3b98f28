package com.ipledge.service.losssharing;

import static com.ipledge.service.db.Tables.LAYER_CLAIM;
import static com.ipledge.service.db.Tables.LAYER_CLAWBACK;
import static com.ipledge.service.db.Tables.LAYER_RECOVERY;
import static com.ipledge.service.db.Tables.LOAN;
import static com.ipledge.service.db.Tables.LOAN_CLASSIFICATION_MOVE;
import static com.ipledge.service.db.Tables.LOAN_RISK_LAYERS;
import static com.ipledge.service.db.Tables.RISK_LAYER;
import static com.ipledge.service.db.Tables.RISK_LAYER_SCHEME;
import static com.ipledge.service.db.Tables.RISK_LAYER_YEAR;

import com.ipledge.service.db.tables.records.LayerClaimRecord;
import com.ipledge.service.db.tables.records.RiskLayerRecord;
import com.ipledge.service.loan.Classification;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Layered schemes, their layers' balances and yearly payments, loans' enrolments, layer claims, recoveries and
 * clawbacks (see V35__risk_sharing_layers.sql). Joins the caller's transaction when there is one.
 */
@Singleton
@Connectable
class RiskLayerRepository {
    public record LayeredScheme(UUID id, String name, String createdBy, OffsetDateTime createdAt) {
    }

    public record Layer(UUID id, UUID schemeId, int position, String party, LayerKind kind, BigDecimal share,
                        BigDecimal perLoanCap, BigDecimal perYearCap, Integer claimWindowDays, BigDecimal funded,
                        BigDecimal balance, BigDecimal leverageMultiple, BigDecimal committedPrincipal) {
    }

    public record Enrolled(UUID loanId, UUID schemeId, UUID bankId, BigDecimal principal,
                           BigDecimal ipCollateralValue, BigDecimal otherCollateralValue, BigDecimal ipShare,
                           String enrolledBy, OffsetDateTime enrolledAt) {
    }

    public record LayerClaim(UUID id, UUID loanId, UUID layerId, String party, LayerKind kind, LocalDate filedOn,
                             LocalDate nonPerformingOn, LocalDate windowEndsOn, BigDecimal loss,
                             BigDecimal coveredLoss, BigDecimal amount, boolean capped, LayerClaimStatus status,
                             String reason, BigDecimal paidAmount, LocalDate paidOn, BigDecimal clawedBack,
                             String filedBy, String reviewedBy, String decidedBy) {
    }

    public record Recovered(UUID id, UUID loanId, BigDecimal amount, BigDecimal costs, BigDecimal netAmount,
                            LocalDate recoveredOn, BigDecimal bankPart, String recordedBy,
                            Map<UUID, BigDecimal> clawbacks) {
    }

    /** A loan's current category and the day it last became non-performing (null while it never did). */
    public record Standing(String classification, LocalDate nonPerformingOn) {
    }

    private final DSLContext db;

    RiskLayerRepository(DSLContext db) {
        this.db = db;
    }

    // --- schemes and layers ---

    public boolean insertScheme(LayeredScheme s, List<Layer> layers) {
        int inserted = db.insertInto(RISK_LAYER_SCHEME)
                .set(RISK_LAYER_SCHEME.ID, s.id())
                .set(RISK_LAYER_SCHEME.NAME, s.name())
                .set(RISK_LAYER_SCHEME.CREATED_BY, s.createdBy())
                .set(RISK_LAYER_SCHEME.CREATED_AT, s.createdAt())
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return false;
        }
        for (Layer l : layers) {
            db.insertInto(RISK_LAYER)
                    .set(RISK_LAYER.ID, l.id())
                    .set(RISK_LAYER.SCHEME_ID, s.id())
                    .set(RISK_LAYER.POSITION, l.position())
                    .set(RISK_LAYER.PARTY, l.party())
                    .set(RISK_LAYER.KIND, l.kind().name())
                    .set(RISK_LAYER.SHARE, l.share())
                    .set(RISK_LAYER.PER_LOAN_CAP, l.perLoanCap())
                    .set(RISK_LAYER.PER_YEAR_CAP, l.perYearCap())
                    .set(RISK_LAYER.CLAIM_WINDOW_DAYS, l.claimWindowDays())
                    .set(RISK_LAYER.FUNDED, l.funded())
                    .set(RISK_LAYER.BALANCE, l.balance())
                    .set(RISK_LAYER.LEVERAGE_MULTIPLE, l.leverageMultiple())
                    .set(RISK_LAYER.COMMITTED_PRINCIPAL, l.committedPrincipal())
                    .execute();
        }
        return true;
    }

    public List<LayeredScheme> schemes() {
        return db.selectFrom(RISK_LAYER_SCHEME).orderBy(RISK_LAYER_SCHEME.NAME)
                .fetch(r -> new LayeredScheme(r.getId(), r.getName(), r.getCreatedBy(), r.getCreatedAt()));
    }

    public Optional<LayeredScheme> scheme(UUID id) {
        return db.selectFrom(RISK_LAYER_SCHEME).where(RISK_LAYER_SCHEME.ID.eq(id)).fetchOptional()
                .map(r -> new LayeredScheme(r.getId(), r.getName(), r.getCreatedBy(), r.getCreatedAt()));
    }

    public List<Layer> layers(UUID schemeId) {
        return db.selectFrom(RISK_LAYER).where(RISK_LAYER.SCHEME_ID.eq(schemeId)).orderBy(RISK_LAYER.POSITION)
                .fetch(RiskLayerRepository::toLayer);
    }

    /** Locks one layer's row: payments and clawbacks on one pool take turns. */
    public Optional<Layer> lockLayer(UUID layerId) {
        return db.selectFrom(RISK_LAYER).where(RISK_LAYER.ID.eq(layerId)).forUpdate().fetchOptional()
                .map(RiskLayerRepository::toLayer);
    }

    /** What each layer of the scheme paid in {@code year}, by layer id. */
    public Map<UUID, BigDecimal> paidByLayerIn(UUID schemeId, int year) {
        Map<UUID, BigDecimal> out = new LinkedHashMap<>();
        db.select(RISK_LAYER_YEAR.LAYER_ID, RISK_LAYER_YEAR.PAID).from(RISK_LAYER_YEAR)
                .join(RISK_LAYER).on(RISK_LAYER.ID.eq(RISK_LAYER_YEAR.LAYER_ID))
                .where(RISK_LAYER.SCHEME_ID.eq(schemeId).and(RISK_LAYER_YEAR.YEAR.eq(year)))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    public BigDecimal paidIn(UUID layerId, int year) {
        return db.select(RISK_LAYER_YEAR.PAID).from(RISK_LAYER_YEAR)
                .where(RISK_LAYER_YEAR.LAYER_ID.eq(layerId).and(RISK_LAYER_YEAR.YEAR.eq(year)))
                .fetchOptional(RISK_LAYER_YEAR.PAID).orElse(BigDecimal.ZERO.setScale(2));
    }

    /**
     * Takes {@code amount} from the layer's balance (when it has one) and adds it to the year's payments, each in
     * one conditional statement: false, and nothing changed by the failing one, when the balance or the year's cap
     * would be overdrawn. The caller holds the layer's row lock and rolls back on false.
     */
    public boolean spend(Layer layer, int year, BigDecimal amount) {
        if (layer.perYearCap() != null && amount.compareTo(layer.perYearCap()) > 0) {
            return false;
        }
        if (layer.balance() != null && db.update(RISK_LAYER)
                .set(RISK_LAYER.BALANCE, RISK_LAYER.BALANCE.minus(amount))
                .where(RISK_LAYER.ID.eq(layer.id()).and(RISK_LAYER.BALANCE.ge(amount)))
                .execute() != 1) {
            return false;
        }
        int written = db.insertInto(RISK_LAYER_YEAR)
                .set(RISK_LAYER_YEAR.LAYER_ID, layer.id())
                .set(RISK_LAYER_YEAR.YEAR, year)
                .set(RISK_LAYER_YEAR.PAID, amount)
                .onConflict(RISK_LAYER_YEAR.LAYER_ID, RISK_LAYER_YEAR.YEAR)
                .doUpdate()
                .set(RISK_LAYER_YEAR.PAID, RISK_LAYER_YEAR.PAID.plus(amount))
                .where(layer.perYearCap() == null ? DSL.noCondition()
                        : RISK_LAYER_YEAR.PAID.plus(amount).le(layer.perYearCap()))
                .execute();
        return written == 1;
    }

    /** Returns clawed-back money to a layer's balance (a layer without one keeps none). */
    public void refund(UUID layerId, BigDecimal amount) {
        db.update(RISK_LAYER).set(RISK_LAYER.BALANCE, RISK_LAYER.BALANCE.plus(amount))
                .where(RISK_LAYER.ID.eq(layerId).and(RISK_LAYER.BALANCE.isNotNull())).execute();
    }

    /** Adds money the funders put into a pool or fund. */
    public void contribute(UUID layerId, BigDecimal amount) {
        db.update(RISK_LAYER)
                .set(RISK_LAYER.BALANCE, RISK_LAYER.BALANCE.plus(amount))
                .set(RISK_LAYER.FUNDED, RISK_LAYER.FUNDED.plus(amount))
                .where(RISK_LAYER.ID.eq(layerId)).execute();
    }

    /**
     * Adds a loan's principal to a pool's commitment in ONE conditional UPDATE: false (nothing changed) when it
     * would pass leverage multiple x balance. A layer without a multiple only tracks the commitment.
     */
    public boolean commit(UUID layerId, BigDecimal principal) {
        return db.update(RISK_LAYER)
                .set(RISK_LAYER.COMMITTED_PRINCIPAL, RISK_LAYER.COMMITTED_PRINCIPAL.plus(principal))
                .where(RISK_LAYER.ID.eq(layerId).and(RISK_LAYER.LEVERAGE_MULTIPLE.isNull()
                        .or(RISK_LAYER.COMMITTED_PRINCIPAL.plus(principal)
                                .le(RISK_LAYER.LEVERAGE_MULTIPLE.times(RISK_LAYER.BALANCE)))))
                .execute() == 1;
    }

    // --- enrolments ---

    public boolean enrol(Enrolled e) {
        return db.insertInto(LOAN_RISK_LAYERS)
                .set(LOAN_RISK_LAYERS.LOAN_ID, e.loanId())
                .set(LOAN_RISK_LAYERS.SCHEME_ID, e.schemeId())
                .set(LOAN_RISK_LAYERS.BANK_ID, e.bankId())
                .set(LOAN_RISK_LAYERS.PRINCIPAL, e.principal())
                .set(LOAN_RISK_LAYERS.IP_COLLATERAL_VALUE, e.ipCollateralValue())
                .set(LOAN_RISK_LAYERS.OTHER_COLLATERAL_VALUE, e.otherCollateralValue())
                .set(LOAN_RISK_LAYERS.IP_SHARE, e.ipShare())
                .set(LOAN_RISK_LAYERS.ENROLLED_BY, e.enrolledBy())
                .set(LOAN_RISK_LAYERS.ENROLLED_AT, e.enrolledAt())
                .onConflictDoNothing()
                .execute() == 1;
    }

    public Optional<Enrolled> enrolment(UUID loanId) {
        return db.selectFrom(LOAN_RISK_LAYERS).where(LOAN_RISK_LAYERS.LOAN_ID.eq(loanId)).fetchOptional()
                .map(r -> new Enrolled(r.getLoanId(), r.getSchemeId(), r.getBankId(), r.getPrincipal(),
                        r.getIpCollateralValue(), r.getOtherCollateralValue(), r.getIpShare(), r.getEnrolledBy(),
                        r.getEnrolledAt()));
    }

    /**
     * Marks a loan's enrolment released and takes its principal out of its scheme's pools' commitment, in one
     * transaction with the caller; false (nothing changed) when it was released before or never enrolled.
     */
    public boolean release(UUID loanId, OffsetDateTime at) {
        Optional<Enrolled> e = enrolment(loanId);
        if (e.isEmpty() || db.update(LOAN_RISK_LAYERS).set(LOAN_RISK_LAYERS.RELEASED_AT, at)
                .where(LOAN_RISK_LAYERS.LOAN_ID.eq(loanId).and(LOAN_RISK_LAYERS.RELEASED_AT.isNull()))
                .execute() == 0) {
            return false;
        }
        db.update(RISK_LAYER)
                .set(RISK_LAYER.COMMITTED_PRINCIPAL, RISK_LAYER.COMMITTED_PRINCIPAL.minus(e.get().principal()))
                .where(RISK_LAYER.SCHEME_ID.eq(e.get().schemeId()).and(RISK_LAYER.KIND.eq(LayerKind.POOL.name())))
                .execute();
        return true;
    }

    /** The loan's category now and the last day it moved from performing to non-performing. */
    public Standing standing(UUID loanId) {
        String classification = db.select(LOAN.CLASSIFICATION).from(LOAN).where(LOAN.ID.eq(loanId))
                .fetchOne(LOAN.CLASSIFICATION);
        LocalDate since = db.select(DSL.max(LOAN_CLASSIFICATION_MOVE.ON_DATE)).from(LOAN_CLASSIFICATION_MOVE)
                .where(LOAN_CLASSIFICATION_MOVE.LOAN_ID.eq(loanId)
                        .and(LOAN_CLASSIFICATION_MOVE.KIND.eq("CLASSIFICATION"))
                        .and(LOAN_CLASSIFICATION_MOVE.TO_VALUE.in(Classification.NON_PERFORMING))
                        .and(LOAN_CLASSIFICATION_MOVE.FROM_VALUE.notIn(Classification.NON_PERFORMING)))
                .fetchOne(0, LocalDate.class);
        return new Standing(classification, since);
    }

    // --- claims ---

    public void insertClaim(LayerClaim c, OffsetDateTime now) {
        db.insertInto(LAYER_CLAIM)
                .set(LAYER_CLAIM.ID, c.id())
                .set(LAYER_CLAIM.LOAN_ID, c.loanId())
                .set(LAYER_CLAIM.LAYER_ID, c.layerId())
                .set(LAYER_CLAIM.PARTY, c.party())
                .set(LAYER_CLAIM.KIND, c.kind().name())
                .set(LAYER_CLAIM.FILED_ON, c.filedOn())
                .set(LAYER_CLAIM.NON_PERFORMING_ON, c.nonPerformingOn())
                .set(LAYER_CLAIM.WINDOW_ENDS_ON, c.windowEndsOn())
                .set(LAYER_CLAIM.LOSS, c.loss())
                .set(LAYER_CLAIM.COVERED_LOSS, c.coveredLoss())
                .set(LAYER_CLAIM.AMOUNT, c.amount())
                .set(LAYER_CLAIM.CAPPED, c.capped())
                .set(LAYER_CLAIM.STATUS, c.status().name())
                .set(LAYER_CLAIM.REASON, c.reason())
                .set(LAYER_CLAIM.CLAWED_BACK, c.clawedBack())
                .set(LAYER_CLAIM.FILED_BY, c.filedBy())
                .set(LAYER_CLAIM.DECIDED_BY, c.decidedBy())
                .set(LAYER_CLAIM.CREATED_AT, now)
                .set(LAYER_CLAIM.UPDATED_AT, now)
                .execute();
    }

    public List<LayerClaim> claims(UUID loanId) {
        return db.select(LAYER_CLAIM.fields()).from(LAYER_CLAIM)
                .join(RISK_LAYER).on(RISK_LAYER.ID.eq(LAYER_CLAIM.LAYER_ID))
                .where(LAYER_CLAIM.LOAN_ID.eq(loanId)).orderBy(RISK_LAYER.POSITION)
                .fetchInto(LAYER_CLAIM).map(RiskLayerRepository::toClaim);
    }

    /** Claims in {@code status} (every status when empty), oldest filing first, at most {@code limit}. */
    public List<LayerClaim> claimsIn(Optional<LayerClaimStatus> status, int limit) {
        return db.selectFrom(LAYER_CLAIM)
                .where(status.map(st -> LAYER_CLAIM.STATUS.eq(st.name())).orElse(DSL.noCondition()))
                .orderBy(LAYER_CLAIM.FILED_ON, LAYER_CLAIM.CREATED_AT, LAYER_CLAIM.ID)
                .limit(limit)
                .fetch(RiskLayerRepository::toClaim);
    }

    public Optional<LayerClaim> lockClaim(UUID loanId, UUID claimId) {
        return db.selectFrom(LAYER_CLAIM).where(LAYER_CLAIM.ID.eq(claimId).and(LAYER_CLAIM.LOAN_ID.eq(loanId)))
                .forUpdate().fetchOptional().map(RiskLayerRepository::toClaim);
    }

    public List<LayerClaim> lockClaims(UUID loanId) {
        return db.selectFrom(LAYER_CLAIM).where(LAYER_CLAIM.LOAN_ID.eq(loanId)).orderBy(LAYER_CLAIM.ID)
                .forUpdate().fetch(RiskLayerRepository::toClaim);
    }

    /** Moves a claim from {@code from} to UNDER_REVIEW; false if it was no longer in {@code from}. */
    public boolean startReview(UUID claimId, String by, OffsetDateTime now) {
        return db.update(LAYER_CLAIM)
                .set(LAYER_CLAIM.STATUS, LayerClaimStatus.UNDER_REVIEW.name())
                .set(LAYER_CLAIM.REVIEWED_BY, by)
                .set(LAYER_CLAIM.UPDATED_AT, now)
                .where(LAYER_CLAIM.ID.eq(claimId).and(LAYER_CLAIM.STATUS.eq(LayerClaimStatus.FILED.name())))
                .execute() == 1;
    }

    public boolean markPaid(UUID claimId, BigDecimal paid, LocalDate paidOn, String reason, String by,
                            OffsetDateTime now) {
        return db.update(LAYER_CLAIM)
                .set(LAYER_CLAIM.STATUS, LayerClaimStatus.PAID.name())
                .set(LAYER_CLAIM.PAID_AMOUNT, paid)
                .set(LAYER_CLAIM.PAID_ON, paidOn)
                .set(LAYER_CLAIM.REASON, reason)
                .set(LAYER_CLAIM.DECIDED_BY, by)
                .set(LAYER_CLAIM.UPDATED_AT, now)
                .where(LAYER_CLAIM.ID.eq(claimId)
                        .and(LAYER_CLAIM.STATUS.eq(LayerClaimStatus.UNDER_REVIEW.name())))
                .execute() == 1;
    }

    public boolean markRefused(UUID claimId, String reason, String by, OffsetDateTime now) {
        return db.update(LAYER_CLAIM)
                .set(LAYER_CLAIM.STATUS, LayerClaimStatus.REFUSED.name())
                .set(LAYER_CLAIM.REASON, reason)
                .set(LAYER_CLAIM.DECIDED_BY, by)
                .set(LAYER_CLAIM.UPDATED_AT, now)
                .where(LAYER_CLAIM.ID.eq(claimId).and(LAYER_CLAIM.STATUS.in(LayerClaimStatus.FILED.name(),
                        LayerClaimStatus.UNDER_REVIEW.name())))
                .execute() == 1;
    }

    public void clawBack(UUID claimId, BigDecimal amount, OffsetDateTime now) {
        db.update(LAYER_CLAIM)
                .set(LAYER_CLAIM.CLAWED_BACK, LAYER_CLAIM.CLAWED_BACK.plus(amount))
                .set(LAYER_CLAIM.UPDATED_AT, now)
                .where(LAYER_CLAIM.ID.eq(claimId)).execute();
    }

    // --- recoveries ---

    public void insertRecovery(Recovered r, OffsetDateTime now) {
        db.insertInto(LAYER_RECOVERY)
                .set(LAYER_RECOVERY.ID, r.id())
                .set(LAYER_RECOVERY.LOAN_ID, r.loanId())
                .set(LAYER_RECOVERY.AMOUNT, r.amount())
                .set(LAYER_RECOVERY.COSTS, r.costs())
                .set(LAYER_RECOVERY.NET_AMOUNT, r.netAmount())
                .set(LAYER_RECOVERY.RECOVERED_ON, r.recoveredOn())
                .set(LAYER_RECOVERY.BANK_PART, r.bankPart())
                .set(LAYER_RECOVERY.RECORDED_BY, r.recordedBy())
                .set(LAYER_RECOVERY.CREATED_AT, now)
                .execute();
        r.clawbacks().forEach((claimId, amount) -> {
            if (amount.signum() > 0) {
                db.insertInto(LAYER_CLAWBACK)
                        .set(LAYER_CLAWBACK.RECOVERY_ID, r.id())
                        .set(LAYER_CLAWBACK.CLAIM_ID, claimId)
                        .set(LAYER_CLAWBACK.AMOUNT, amount)
                        .execute();
            }
        });
    }

    public List<Recovered> recoveries(UUID loanId) {
        Map<UUID, Map<UUID, BigDecimal>> clawbacks = new LinkedHashMap<>();
        db.select(LAYER_CLAWBACK.RECOVERY_ID, LAYER_CLAWBACK.CLAIM_ID, LAYER_CLAWBACK.AMOUNT).from(LAYER_CLAWBACK)
                .join(LAYER_RECOVERY).on(LAYER_RECOVERY.ID.eq(LAYER_CLAWBACK.RECOVERY_ID))
                .where(LAYER_RECOVERY.LOAN_ID.eq(loanId))
                .forEach(r -> clawbacks.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>())
                        .put(r.value2(), r.value3()));
        return db.selectFrom(LAYER_RECOVERY).where(LAYER_RECOVERY.LOAN_ID.eq(loanId))
                .orderBy(LAYER_RECOVERY.CREATED_AT, LAYER_RECOVERY.ID)
                .fetch(r -> new Recovered(r.getId(), r.getLoanId(), r.getAmount(), r.getCosts(), r.getNetAmount(),
                        r.getRecoveredOn(), r.getBankPart(), r.getRecordedBy(),
                        clawbacks.getOrDefault(r.getId(), Map.of())));
    }

    private static Layer toLayer(RiskLayerRecord r) {
        return new Layer(r.getId(), r.getSchemeId(), r.getPosition(), r.getParty(), LayerKind.valueOf(r.getKind()),
                r.getShare(), r.getPerLoanCap(), r.getPerYearCap(), r.getClaimWindowDays(), r.getFunded(),
                r.getBalance(), r.getLeverageMultiple(), r.getCommittedPrincipal());
    }

    private static LayerClaim toClaim(LayerClaimRecord r) {
        return new LayerClaim(r.getId(), r.getLoanId(), r.getLayerId(), r.getParty(), LayerKind.valueOf(r.getKind()),
                r.getFiledOn(), r.getNonPerformingOn(), r.getWindowEndsOn(), r.getLoss(), r.getCoveredLoss(),
                r.getAmount(), r.getCapped(), LayerClaimStatus.valueOf(r.getStatus()), r.getReason(),
                r.getPaidAmount(), r.getPaidOn(), r.getClawedBack(), r.getFiledBy(), r.getReviewedBy(),
                r.getDecidedBy());
    }
}
