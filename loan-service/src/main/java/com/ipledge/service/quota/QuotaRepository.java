package com.ipledge.service.quota;

import static com.ipledge.service.db.Tables.QUOTA_MOVEMENT;
import static com.ipledge.service.db.Tables.QUOTA_PLAN;

import com.ipledge.service.database.RenderedQueries;
import com.ipledge.service.db.tables.records.QuotaPlanRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Quota counters and their movement ledger. Every change is ONE statement: a conditional UPDATE (the headroom
 * test and the increment are atomic in PostgreSQL, whichever instance sends it) feeding the ledger INSERT.
 */
@Singleton
@Connectable
class QuotaRepository {
    public enum Movement { RESERVE, RELEASE, DRAW }

    /** Ledger totals next to the counters of one plan; they must agree. */
    public record Reconciliation(UUID planId, BigDecimal reserved, BigDecimal drawn, BigDecimal ledgerReserved,
                                 BigDecimal ledgerDrawn) {
        public boolean agrees() {
            return reserved.compareTo(ledgerReserved) == 0 && drawn.compareTo(ledgerDrawn) == 0;
        }
    }

    private final DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();

    public QuotaRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<QuotaPlan> insert(UUID bankId, int year, String segment, BigDecimal amount, OffsetDateTime now) {
        return db.insertInto(QUOTA_PLAN)
                .set(QUOTA_PLAN.ID, UUID.randomUUID())
                .set(QUOTA_PLAN.BANK_ID, bankId)
                .set(QUOTA_PLAN.PLAN_YEAR, year)
                .set(QUOTA_PLAN.SEGMENT, segment)
                .set(QUOTA_PLAN.AMOUNT, amount)
                .set(QUOTA_PLAN.RESERVED, BigDecimal.ZERO)
                .set(QUOTA_PLAN.DRAWN, BigDecimal.ZERO)
                .set(QUOTA_PLAN.CREATED_AT, now)
                .set(QUOTA_PLAN.UPDATED_AT, now)
                .onConflict(QUOTA_PLAN.BANK_ID, QUOTA_PLAN.PLAN_YEAR, QUOTA_PLAN.SEGMENT).doNothing()
                .returning()
                .fetchOptional()
                .map(QuotaRepository::toPlan);
    }

    /** Sets a plan's amount unless that would put it below what is reserved and drawn. */
    public boolean resize(UUID planId, BigDecimal amount, OffsetDateTime now) {
        return db.update(QUOTA_PLAN)
                .set(QUOTA_PLAN.AMOUNT, amount)
                .set(QUOTA_PLAN.UPDATED_AT, now)
                .where(QUOTA_PLAN.ID.eq(planId).and(QUOTA_PLAN.RESERVED.plus(QUOTA_PLAN.DRAWN).le(amount)))
                .execute() == 1;
    }

    public Optional<QuotaPlan> find(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(QUOTA_PLAN).where(QUOTA_PLAN.ID.eq(id).and(scoped(bankScope)))
                .fetchOptional().map(QuotaRepository::toPlan);
    }

    public Optional<QuotaPlan> find(UUID bankId, int year, String segment) {
        return db.selectFrom(QUOTA_PLAN)
                .where(QUOTA_PLAN.BANK_ID.eq(bankId), QUOTA_PLAN.PLAN_YEAR.eq(year), QUOTA_PLAN.SEGMENT.eq(segment))
                .fetchOptional().map(QuotaRepository::toPlan);
    }

    /** The bank's plans of the year among these segments (at most one per segment), in one statement. */
    public List<QuotaPlan> find(UUID bankId, int year, List<String> segments) {
        return rendered.rows(db, "findSegments", QUOTA_PLAN, () -> db.selectFrom(QUOTA_PLAN)
                        .where(QUOTA_PLAN.BANK_ID.eq(bankId), QUOTA_PLAN.PLAN_YEAR.eq(year),
                                QUOTA_PLAN.SEGMENT.in(segments)), bankId, year, segments)
                .fetch(QuotaRepository::toPlan);
    }

    public List<QuotaPlan> list(Optional<UUID> bankScope, Optional<Integer> year) {
        return db.selectFrom(QUOTA_PLAN)
                .where(scoped(bankScope).and(year.map(QUOTA_PLAN.PLAN_YEAR::eq).orElse(DSL.trueCondition())))
                .orderBy(QUOTA_PLAN.PLAN_YEAR.desc(), QUOTA_PLAN.BANK_ID, QUOTA_PLAN.SEGMENT)
                .fetch(QuotaRepository::toPlan);
    }

    /** Reserves {@code amount} if the plan has that much headroom; false (nothing changed) otherwise. */
    public boolean reserve(UUID planId, UUID loanId, BigDecimal amount, OffsetDateTime now) {
        return moveAndRecord(db.update(QUOTA_PLAN)
                .set(QUOTA_PLAN.RESERVED, QUOTA_PLAN.RESERVED.plus(amount))
                .set(QUOTA_PLAN.UPDATED_AT, now)
                .where(QUOTA_PLAN.ID.eq(planId)
                        .and(QUOTA_PLAN.AMOUNT.minus(QUOTA_PLAN.RESERVED).minus(QUOTA_PLAN.DRAWN).ge(amount)))
                .returningResult(QUOTA_PLAN.ID), loanId, Movement.RESERVE, amount, now);
    }

    /**
     * The counter update and its ledger row as ONE statement ({@code WITH moved AS (UPDATE ... RETURNING id)
     * INSERT ... SELECT FROM moved}): the plan row's lock is held for a single round trip, and a refused update
     * inserts nothing.
     */
    private boolean moveAndRecord(org.jooq.ResultQuery<? extends org.jooq.Record1<UUID>> update, UUID loanId,
                                  Movement kind, BigDecimal amount, OffsetDateTime now) {
        var moved = DSL.name("moved").fields("plan_id").as(update);
        return db.with(moved)
                .insertInto(QUOTA_MOVEMENT, QUOTA_MOVEMENT.ID, QUOTA_MOVEMENT.PLAN_ID, QUOTA_MOVEMENT.LOAN_ID,
                        QUOTA_MOVEMENT.KIND, QUOTA_MOVEMENT.AMOUNT, QUOTA_MOVEMENT.CREATED_AT)
                .select(DSL.select(DSL.val(UUID.randomUUID()), moved.field("plan_id", UUID.class), DSL.val(loanId),
                        DSL.val(kind.name()), DSL.val(amount), DSL.val(now)).from(moved))
                .execute() == 1;
    }

    /** Gives a reservation back (approval expired, withdrawn). */
    public boolean release(UUID planId, UUID loanId, BigDecimal amount, OffsetDateTime now) {
        return moveAndRecord(db.update(QUOTA_PLAN)
                .set(QUOTA_PLAN.RESERVED, QUOTA_PLAN.RESERVED.minus(amount))
                .set(QUOTA_PLAN.UPDATED_AT, now)
                .where(QUOTA_PLAN.ID.eq(planId).and(QUOTA_PLAN.RESERVED.ge(amount)))
                .returningResult(QUOTA_PLAN.ID), loanId, Movement.RELEASE, amount, now);
    }

    /** Converts a reservation into a draw at disbursement. */
    public boolean draw(UUID planId, UUID loanId, BigDecimal amount, OffsetDateTime now) {
        return moveAndRecord(db.update(QUOTA_PLAN)
                .set(QUOTA_PLAN.RESERVED, QUOTA_PLAN.RESERVED.minus(amount))
                .set(QUOTA_PLAN.DRAWN, QUOTA_PLAN.DRAWN.plus(amount))
                .set(QUOTA_PLAN.UPDATED_AT, now)
                .where(QUOTA_PLAN.ID.eq(planId).and(QUOTA_PLAN.RESERVED.ge(amount)))
                .returningResult(QUOTA_PLAN.ID), loanId, Movement.DRAW, amount, now);
    }

    /** Counters next to what the ledger says they should be: reserved = RESERVE - RELEASE - DRAW, drawn = DRAW. */
    public List<Reconciliation> reconcile() {
        Field<BigDecimal> reserve = sumOf(Movement.RESERVE);
        Field<BigDecimal> release = sumOf(Movement.RELEASE);
        Field<BigDecimal> draw = sumOf(Movement.DRAW);
        return db.select(QUOTA_PLAN.ID, QUOTA_PLAN.RESERVED, QUOTA_PLAN.DRAWN, reserve, release, draw)
                .from(QUOTA_PLAN)
                .leftJoin(QUOTA_MOVEMENT).on(QUOTA_MOVEMENT.PLAN_ID.eq(QUOTA_PLAN.ID))
                .groupBy(QUOTA_PLAN.ID, QUOTA_PLAN.RESERVED, QUOTA_PLAN.DRAWN)
                .fetch(r -> new Reconciliation(r.value1(), r.value2(), r.value3(),
                        r.value4().subtract(r.value5()).subtract(r.value6()), r.value6()));
    }

    private static Field<BigDecimal> sumOf(Movement kind) {
        return DSL.coalesce(DSL.sum(DSL.when(QUOTA_MOVEMENT.KIND.eq(kind.name()), QUOTA_MOVEMENT.AMOUNT)),
                BigDecimal.ZERO);
    }

    private static Condition scoped(Optional<UUID> bankScope) {
        return bankScope.map(QUOTA_PLAN.BANK_ID::eq).orElse(DSL.trueCondition());
    }

    static QuotaPlan toPlan(QuotaPlanRecord r) {
        return new QuotaPlan(r.getId(), r.getBankId(), r.getPlanYear(), r.getSegment(), r.getAmount(),
                r.getReserved(), r.getDrawn(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
