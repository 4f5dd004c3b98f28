package com.ipledge.service.subsidy;

import static com.ipledge.service.db.Tables.SUBSIDY_ACCRUAL;
import static com.ipledge.service.db.Tables.SUBSIDY_CLAIM;
import static com.ipledge.service.db.Tables.SUBSIDY_ENROLMENT;
import static com.ipledge.service.db.Tables.SUBSIDY_FIRM_YEAR;
import static com.ipledge.service.db.Tables.SUBSIDY_PROGRAMME;
import static com.ipledge.service.db.Tables.SUBSIDY_PROGRAMME_VERSION;

import com.ipledge.service.db.tables.records.SubsidyAccrualRecord;
import com.ipledge.service.db.tables.records.SubsidyClaimRecord;
import com.ipledge.service.db.tables.records.SubsidyEnrolmentRecord;
import com.ipledge.service.db.tables.records.SubsidyProgrammeRecord;
import com.ipledge.service.subsidy.Subsidies.Accrual;
import com.ipledge.service.subsidy.Subsidies.Claim;
import com.ipledge.service.subsidy.Subsidies.Enrolment;
import com.ipledge.service.subsidy.Subsidies.Programme;
import com.ipledge.service.subsidy.Subsidies.Version;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Programmes, enrolments, accruals and claims. The budget counters move only by conditional UPDATEs (the test and
 * the change are one statement, whichever instance sends it), and a firm's yearly totals are read under a row lock.
 */
@Singleton
@Connectable
class SubsidyRepository {
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final DSLContext db;

    SubsidyRepository(DSLContext db) {
        this.db = db;
    }

    // ------------------------------------------------------------ programmes

    Optional<Programme> insertProgramme(UUID id, String code, ProgrammeTerms t, OffsetDateTime now) {
        var insert = db.insertInto(SUBSIDY_PROGRAMME)
                .set(SUBSIDY_PROGRAMME.ID, id)
                .set(SUBSIDY_PROGRAMME.CODE, code)
                .set(SUBSIDY_PROGRAMME.COMMITTED, ZERO)
                .set(SUBSIDY_PROGRAMME.PAID, ZERO)
                .set(SUBSIDY_PROGRAMME.VERSION, 1)
                .set(SUBSIDY_PROGRAMME.CREATED_AT, now)
                .set(SUBSIDY_PROGRAMME.UPDATED_AT, now)
                .set(terms(t))
                .onConflict(SUBSIDY_PROGRAMME.CODE).doNothing()
                .returning().fetchOptional();
        return insert.map(SubsidyRepository::toProgramme);
    }

    /** New terms as the next version, unless the budget would fall below what is committed and paid. */
    boolean changeProgramme(UUID id, int fromVersion, ProgrammeTerms t, OffsetDateTime now) {
        return db.update(SUBSIDY_PROGRAMME)
                .set(terms(t))
                .set(SUBSIDY_PROGRAMME.VERSION, fromVersion + 1)
                .set(SUBSIDY_PROGRAMME.UPDATED_AT, now)
                .where(SUBSIDY_PROGRAMME.ID.eq(id), SUBSIDY_PROGRAMME.VERSION.eq(fromVersion),
                        SUBSIDY_PROGRAMME.COMMITTED.plus(SUBSIDY_PROGRAMME.PAID).le(t.budget()))
                .execute() == 1;
    }

    private static Map<Field<?>, Object> terms(ProgrammeTerms t) {
        Map<Field<?>, Object> m = new java.util.LinkedHashMap<>();
        m.put(SUBSIDY_PROGRAMME.NAME, t.name());
        m.put(SUBSIDY_PROGRAMME.VALID_FROM, t.validFrom());
        m.put(SUBSIDY_PROGRAMME.VALID_TO, t.validTo());
        m.put(SUBSIDY_PROGRAMME.BUDGET, t.budget());
        m.put(SUBSIDY_PROGRAMME.INTEREST_SHARE, t.interestShare());
        m.put(SUBSIDY_PROGRAMME.RATE_CAP_MARKUP, t.rateCapMarkup());
        m.put(SUBSIDY_PROGRAMME.INTEREST_CAP_PER_FIRM_YEAR, t.interestCapPerFirmYear());
        m.put(SUBSIDY_PROGRAMME.MIN_IP_SHARE, t.minIpShare());
        m.put(SUBSIDY_PROGRAMME.ELIGIBLE_IP_TYPES, String.join(",", t.eligibleIpTypes()));
        m.put(SUBSIDY_PROGRAMME.GUARANTEE_FEE_SHARE, t.fees().get(SubsidyKind.GUARANTEE_FEE).share());
        m.put(SUBSIDY_PROGRAMME.GUARANTEE_FEE_CAP, t.fees().get(SubsidyKind.GUARANTEE_FEE).capPerFirmYear());
        m.put(SUBSIDY_PROGRAMME.INSURANCE_FEE_SHARE, t.fees().get(SubsidyKind.INSURANCE_FEE).share());
        m.put(SUBSIDY_PROGRAMME.INSURANCE_FEE_CAP, t.fees().get(SubsidyKind.INSURANCE_FEE).capPerFirmYear());
        m.put(SUBSIDY_PROGRAMME.VALUATION_FEE_SHARE, t.fees().get(SubsidyKind.VALUATION_FEE).share());
        m.put(SUBSIDY_PROGRAMME.VALUATION_FEE_CAP, t.fees().get(SubsidyKind.VALUATION_FEE).capPerFirmYear());
        return m;
    }

    void insertVersion(UUID programmeId, int version, String termsJson, String changedBy, OffsetDateTime now) {
        db.insertInto(SUBSIDY_PROGRAMME_VERSION)
                .set(SUBSIDY_PROGRAMME_VERSION.PROGRAMME_ID, programmeId)
                .set(SUBSIDY_PROGRAMME_VERSION.VERSION, version)
                .set(SUBSIDY_PROGRAMME_VERSION.TERMS, termsJson)
                .set(SUBSIDY_PROGRAMME_VERSION.CHANGED_BY, changedBy)
                .set(SUBSIDY_PROGRAMME_VERSION.CHANGED_AT, now)
                .execute();
    }

    List<Version> versions(UUID programmeId) {
        return db.selectFrom(SUBSIDY_PROGRAMME_VERSION).where(SUBSIDY_PROGRAMME_VERSION.PROGRAMME_ID.eq(programmeId))
                .orderBy(SUBSIDY_PROGRAMME_VERSION.VERSION)
                .fetch(r -> new Version(r.getVersion(), r.getTerms(), r.getChangedBy(), r.getChangedAt()));
    }

    Optional<Programme> programme(UUID id) {
        return db.selectFrom(SUBSIDY_PROGRAMME).where(SUBSIDY_PROGRAMME.ID.eq(id)).fetchOptional()
                .map(SubsidyRepository::toProgramme);
    }

    Optional<Programme> programmeByCode(String code) {
        return db.selectFrom(SUBSIDY_PROGRAMME).where(SUBSIDY_PROGRAMME.CODE.eq(code)).fetchOptional()
                .map(SubsidyRepository::toProgramme);
    }

    List<Programme> programmes() {
        return db.selectFrom(SUBSIDY_PROGRAMME).orderBy(SUBSIDY_PROGRAMME.VALID_FROM.desc(), SUBSIDY_PROGRAMME.CODE)
                .fetch(SubsidyRepository::toProgramme);
    }

    /** Commits {@code amount} of the budget if that much is left; false (nothing changed) otherwise. */
    boolean commit(UUID programmeId, BigDecimal amount, OffsetDateTime now) {
        return db.update(SUBSIDY_PROGRAMME)
                .set(SUBSIDY_PROGRAMME.COMMITTED, SUBSIDY_PROGRAMME.COMMITTED.plus(amount))
                .set(SUBSIDY_PROGRAMME.UPDATED_AT, now)
                .where(SUBSIDY_PROGRAMME.ID.eq(programmeId).and(SUBSIDY_PROGRAMME.BUDGET
                        .minus(SUBSIDY_PROGRAMME.COMMITTED).minus(SUBSIDY_PROGRAMME.PAID).ge(amount)))
                .execute() == 1;
    }

    /** Gives a refused claim's commitment back. */
    boolean uncommit(UUID programmeId, BigDecimal amount, OffsetDateTime now) {
        return db.update(SUBSIDY_PROGRAMME)
                .set(SUBSIDY_PROGRAMME.COMMITTED, SUBSIDY_PROGRAMME.COMMITTED.minus(amount))
                .set(SUBSIDY_PROGRAMME.UPDATED_AT, now)
                .where(SUBSIDY_PROGRAMME.ID.eq(programmeId).and(SUBSIDY_PROGRAMME.COMMITTED.ge(amount)))
                .execute() == 1;
    }

    /** Turns a commitment into a payment. */
    boolean pay(UUID programmeId, BigDecimal amount, OffsetDateTime now) {
        return db.update(SUBSIDY_PROGRAMME)
                .set(SUBSIDY_PROGRAMME.COMMITTED, SUBSIDY_PROGRAMME.COMMITTED.minus(amount))
                .set(SUBSIDY_PROGRAMME.PAID, SUBSIDY_PROGRAMME.PAID.plus(amount))
                .set(SUBSIDY_PROGRAMME.UPDATED_AT, now)
                .where(SUBSIDY_PROGRAMME.ID.eq(programmeId).and(SUBSIDY_PROGRAMME.COMMITTED.ge(amount)))
                .execute() == 1;
    }

    // ------------------------------------------------------------ enrolments

    Optional<Enrolment> insertEnrolment(Enrolment e) {
        return db.insertInto(SUBSIDY_ENROLMENT)
                .set(SUBSIDY_ENROLMENT.ID, e.id())
                .set(SUBSIDY_ENROLMENT.PROGRAMME_ID, e.programmeId())
                .set(SUBSIDY_ENROLMENT.LOAN_ID, e.loanId())
                .set(SUBSIDY_ENROLMENT.BANK_ID, e.bankId())
                .set(SUBSIDY_ENROLMENT.CREDIT_CODE, e.creditCode())
                .set(SUBSIDY_ENROLMENT.IP_VALUE, e.ipValue())
                .set(SUBSIDY_ENROLMENT.ELIGIBLE_IP_VALUE, e.eligibleIpValue())
                .set(SUBSIDY_ENROLMENT.OTHER_COLLATERAL_VALUE, e.otherCollateralValue())
                .set(SUBSIDY_ENROLMENT.IP_SHARE, e.ipShare())
                .set(SUBSIDY_ENROLMENT.ENROLLED_BY, e.enrolledBy())
                .set(SUBSIDY_ENROLMENT.ENROLLED_AT, e.enrolledAt())
                .onConflict(SUBSIDY_ENROLMENT.PROGRAMME_ID, SUBSIDY_ENROLMENT.LOAN_ID).doNothing()
                .returning().fetchOptional().map(SubsidyRepository::toEnrolment);
    }

    Optional<Enrolment> enrolment(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(SUBSIDY_ENROLMENT)
                .where(SUBSIDY_ENROLMENT.ID.eq(id).and(scoped(SUBSIDY_ENROLMENT.BANK_ID, bankScope)))
                .fetchOptional().map(SubsidyRepository::toEnrolment);
    }

    Optional<Enrolment> enrolment(UUID programmeId, UUID loanId) {
        return db.selectFrom(SUBSIDY_ENROLMENT)
                .where(SUBSIDY_ENROLMENT.PROGRAMME_ID.eq(programmeId), SUBSIDY_ENROLMENT.LOAN_ID.eq(loanId))
                .fetchOptional().map(SubsidyRepository::toEnrolment);
    }

    List<Enrolment> enrolmentsOfLoan(UUID loanId) {
        return db.selectFrom(SUBSIDY_ENROLMENT).where(SUBSIDY_ENROLMENT.LOAN_ID.eq(loanId))
                .orderBy(SUBSIDY_ENROLMENT.ENROLLED_AT).fetch(SubsidyRepository::toEnrolment);
    }

    List<Enrolment> enrolments(Optional<UUID> bankScope, Optional<UUID> loanId, Optional<UUID> programmeId) {
        return db.selectFrom(SUBSIDY_ENROLMENT)
                .where(scoped(SUBSIDY_ENROLMENT.BANK_ID, bankScope),
                        loanId.map(SUBSIDY_ENROLMENT.LOAN_ID::eq).orElse(DSL.trueCondition()),
                        programmeId.map(SUBSIDY_ENROLMENT.PROGRAMME_ID::eq).orElse(DSL.trueCondition()))
                .orderBy(SUBSIDY_ENROLMENT.ENROLLED_AT).limit(1000).fetch(SubsidyRepository::toEnrolment);
    }

    // ------------------------------------------------------------ a firm's yearly totals

    /** What the firm received from the programme in the year, of this kind; its row is locked until commit. */
    BigDecimal lockFirmYear(UUID programmeId, String creditCode, int year, SubsidyKind kind) {
        db.insertInto(SUBSIDY_FIRM_YEAR)
                .set(SUBSIDY_FIRM_YEAR.PROGRAMME_ID, programmeId)
                .set(SUBSIDY_FIRM_YEAR.CREDIT_CODE, creditCode)
                .set(SUBSIDY_FIRM_YEAR.SUBSIDY_YEAR, year)
                .set(SUBSIDY_FIRM_YEAR.INTEREST, ZERO)
                .set(SUBSIDY_FIRM_YEAR.GUARANTEE_FEE, ZERO)
                .set(SUBSIDY_FIRM_YEAR.INSURANCE_FEE, ZERO)
                .set(SUBSIDY_FIRM_YEAR.VALUATION_FEE, ZERO)
                .onConflictDoNothing().execute();
        return db.select(firmYearColumn(kind)).from(SUBSIDY_FIRM_YEAR)
                .where(firmYear(programmeId, creditCode, year)).forUpdate().fetchOne().value1();
    }

    void addToFirmYear(UUID programmeId, String creditCode, int year, SubsidyKind kind, BigDecimal amount) {
        Field<BigDecimal> column = firmYearColumn(kind);
        db.update(SUBSIDY_FIRM_YEAR).set(column, column.plus(amount))
                .where(firmYear(programmeId, creditCode, year)).execute();
    }

    private static Condition firmYear(UUID programmeId, String creditCode, int year) {
        return SUBSIDY_FIRM_YEAR.PROGRAMME_ID.eq(programmeId).and(SUBSIDY_FIRM_YEAR.CREDIT_CODE.eq(creditCode))
                .and(SUBSIDY_FIRM_YEAR.SUBSIDY_YEAR.eq(year));
    }

    private static Field<BigDecimal> firmYearColumn(SubsidyKind kind) {
        return switch (kind) {
            case INTEREST -> SUBSIDY_FIRM_YEAR.INTEREST;
            case GUARANTEE_FEE -> SUBSIDY_FIRM_YEAR.GUARANTEE_FEE;
            case INSURANCE_FEE -> SUBSIDY_FIRM_YEAR.INSURANCE_FEE;
            case VALUATION_FEE -> SUBSIDY_FIRM_YEAR.VALUATION_FEE;
        };
    }

    // ------------------------------------------------------------ accruals

    /** False when the loan's fee of this kind and reference has a subsidy already (the unique index decides). */
    boolean insertAccrual(Accrual a) {
        return db.insertInto(SUBSIDY_ACCRUAL)
                .set(SUBSIDY_ACCRUAL.ID, a.id())
                .set(SUBSIDY_ACCRUAL.ENROLMENT_ID, a.enrolmentId())
                .set(SUBSIDY_ACCRUAL.PROGRAMME_ID, a.programmeId())
                .set(SUBSIDY_ACCRUAL.PROGRAMME_VERSION, a.programmeVersion())
                .set(SUBSIDY_ACCRUAL.LOAN_ID, a.loanId())
                .set(SUBSIDY_ACCRUAL.BANK_ID, a.bankId())
                .set(SUBSIDY_ACCRUAL.CREDIT_CODE, a.creditCode())
                .set(SUBSIDY_ACCRUAL.KIND, a.kind().name())
                .set(SUBSIDY_ACCRUAL.SOURCE_ID, a.sourceId())
                .set(SUBSIDY_ACCRUAL.FEE_REFERENCE, a.feeReference())
                .set(SUBSIDY_ACCRUAL.PAID_ON, a.paidOn())
                .set(SUBSIDY_ACCRUAL.ACCRUAL_YEAR, a.year())
                .set(SUBSIDY_ACCRUAL.ACCRUAL_QUARTER, a.quarter())
                .set(SUBSIDY_ACCRUAL.BASE, a.base())
                .set(SUBSIDY_ACCRUAL.ACTUAL_RATE, a.actualRate())
                .set(SUBSIDY_ACCRUAL.LPR, a.lpr())
                .set(SUBSIDY_ACCRUAL.COUNTED_RATE, a.countedRate())
                .set(SUBSIDY_ACCRUAL.SHARE, a.share())
                .set(SUBSIDY_ACCRUAL.IP_SHARE, a.ipShare())
                .set(SUBSIDY_ACCRUAL.COMPUTED, a.computed())
                .set(SUBSIDY_ACCRUAL.AMOUNT, a.amount())
                .set(SUBSIDY_ACCRUAL.CREATED_AT, a.createdAt())
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** The subsidy a loan's fee of this kind and reference has had, from any programme. */
    Optional<Accrual> feeAccrual(UUID loanId, SubsidyKind kind, String reference) {
        return db.selectFrom(SUBSIDY_ACCRUAL)
                .where(SUBSIDY_ACCRUAL.LOAN_ID.eq(loanId), SUBSIDY_ACCRUAL.KIND.eq(kind.name()),
                        SUBSIDY_ACCRUAL.FEE_REFERENCE.eq(reference))
                .fetchOptional(SubsidyRepository::toAccrual);
    }

    List<Accrual> accruals(Optional<UUID> bankScope, Optional<UUID> loanId, Optional<UUID> programmeId,
                           Optional<UUID> claimId) {
        return db.selectFrom(SUBSIDY_ACCRUAL)
                .where(scoped(SUBSIDY_ACCRUAL.BANK_ID, bankScope),
                        loanId.map(SUBSIDY_ACCRUAL.LOAN_ID::eq).orElse(DSL.trueCondition()),
                        programmeId.map(SUBSIDY_ACCRUAL.PROGRAMME_ID::eq).orElse(DSL.trueCondition()),
                        claimId.map(SUBSIDY_ACCRUAL.CLAIM_ID::eq).orElse(DSL.trueCondition()))
                .orderBy(SUBSIDY_ACCRUAL.PAID_ON, SUBSIDY_ACCRUAL.CREATED_AT).limit(5000)
                .fetch(SubsidyRepository::toAccrual);
    }

    /**
     * Attaches the bank's unclaimed accruals of the quarter to the claim in ONE statement and answers their amounts:
     * a concurrent filing for the same quarter waits for the row locks, then finds them claimed.
     */
    List<BigDecimal> attachUnclaimed(UUID claimId, UUID programmeId, UUID bankId, int year, int quarter) {
        return db.update(SUBSIDY_ACCRUAL).set(SUBSIDY_ACCRUAL.CLAIM_ID, claimId)
                .where(SUBSIDY_ACCRUAL.PROGRAMME_ID.eq(programmeId), SUBSIDY_ACCRUAL.BANK_ID.eq(bankId),
                        SUBSIDY_ACCRUAL.ACCRUAL_YEAR.eq(year), SUBSIDY_ACCRUAL.ACCRUAL_QUARTER.eq(quarter),
                        SUBSIDY_ACCRUAL.CLAIM_ID.isNull())
                .returningResult(SUBSIDY_ACCRUAL.AMOUNT).fetch(r -> r.value1());
    }

    // ------------------------------------------------------------ claims

    void insertClaim(Claim c) {
        db.insertInto(SUBSIDY_CLAIM)
                .set(SUBSIDY_CLAIM.ID, c.id())
                .set(SUBSIDY_CLAIM.PROGRAMME_ID, c.programmeId())
                .set(SUBSIDY_CLAIM.BANK_ID, c.bankId())
                .set(SUBSIDY_CLAIM.CLAIM_YEAR, c.year())
                .set(SUBSIDY_CLAIM.CLAIM_QUARTER, c.quarter())
                .set(SUBSIDY_CLAIM.AMOUNT, c.amount())
                .set(SUBSIDY_CLAIM.STATUS, c.status().name())
                .set(SUBSIDY_CLAIM.FILED_BY, c.filedBy())
                .set(SUBSIDY_CLAIM.FILED_AT, c.filedAt())
                .execute();
    }

    void setClaimAmount(UUID claimId, BigDecimal amount) {
        db.update(SUBSIDY_CLAIM).set(SUBSIDY_CLAIM.AMOUNT, amount).where(SUBSIDY_CLAIM.ID.eq(claimId)).execute();
    }

    /** Moves a claim from {@code from} to its decision; empty when it was not in {@code from} any more. */
    Optional<Claim> decide(UUID claimId, ClaimStatus from, ClaimStatus to, String reason, String by,
                           OffsetDateTime at) {
        return db.update(SUBSIDY_CLAIM)
                .set(SUBSIDY_CLAIM.STATUS, to.name())
                .set(SUBSIDY_CLAIM.REASON, reason)
                .set(SUBSIDY_CLAIM.DECIDED_BY, by)
                .set(SUBSIDY_CLAIM.DECIDED_AT, at)
                .where(SUBSIDY_CLAIM.ID.eq(claimId), SUBSIDY_CLAIM.STATUS.eq(from.name()))
                .returning().fetchOptional().map(SubsidyRepository::toClaim);
    }

    Optional<Claim> markPaid(UUID claimId, LocalDate paidOn, OffsetDateTime at) {
        return db.update(SUBSIDY_CLAIM)
                .set(SUBSIDY_CLAIM.STATUS, ClaimStatus.PAID.name())
                .set(SUBSIDY_CLAIM.PAID_ON, paidOn)
                .set(SUBSIDY_CLAIM.PAID_AT, at)
                .where(SUBSIDY_CLAIM.ID.eq(claimId), SUBSIDY_CLAIM.STATUS.eq(ClaimStatus.APPROVED.name()))
                .returning().fetchOptional().map(SubsidyRepository::toClaim);
    }

    Optional<Claim> claim(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(SUBSIDY_CLAIM).where(SUBSIDY_CLAIM.ID.eq(id).and(scoped(SUBSIDY_CLAIM.BANK_ID, bankScope)))
                .fetchOptional().map(SubsidyRepository::toClaim);
    }

    List<Claim> claims(Optional<UUID> bankScope, Optional<UUID> programmeId, Optional<ClaimStatus> status) {
        return db.selectFrom(SUBSIDY_CLAIM)
                .where(scoped(SUBSIDY_CLAIM.BANK_ID, bankScope),
                        programmeId.map(SUBSIDY_CLAIM.PROGRAMME_ID::eq).orElse(DSL.trueCondition()),
                        status.map(s -> SUBSIDY_CLAIM.STATUS.eq(s.name())).orElse(DSL.trueCondition()))
                .orderBy(SUBSIDY_CLAIM.FILED_AT.desc()).limit(1000).fetch(SubsidyRepository::toClaim);
    }

    // ------------------------------------------------------------ mapping

    private static Condition scoped(Field<UUID> bankColumn, Optional<UUID> bankScope) {
        return bankScope.map(bankColumn::eq).orElse(DSL.trueCondition());
    }

    private static Programme toProgramme(SubsidyProgrammeRecord r) {
        Map<SubsidyKind, ProgrammeTerms.Fee> fees = new EnumMap<>(SubsidyKind.class);
        fees.put(SubsidyKind.GUARANTEE_FEE, new ProgrammeTerms.Fee(r.getGuaranteeFeeShare(), r.getGuaranteeFeeCap()));
        fees.put(SubsidyKind.INSURANCE_FEE, new ProgrammeTerms.Fee(r.getInsuranceFeeShare(), r.getInsuranceFeeCap()));
        fees.put(SubsidyKind.VALUATION_FEE, new ProgrammeTerms.Fee(r.getValuationFeeShare(), r.getValuationFeeCap()));
        return new Programme(r.getId(), r.getCode(), r.getName(), r.getValidFrom(), r.getValidTo(), r.getBudget(),
                r.getCommitted(), r.getPaid(), r.getBudget().subtract(r.getCommitted()).subtract(r.getPaid()),
                r.getInterestShare(), r.getRateCapMarkup(), r.getInterestCapPerFirmYear(), r.getMinIpShare(),
                Arrays.asList(r.getEligibleIpTypes().split(",")), fees, r.getVersion(), r.getCreatedAt(),
                r.getUpdatedAt(), List.of());
    }

    private static Enrolment toEnrolment(SubsidyEnrolmentRecord r) {
        return new Enrolment(r.getId(), r.getProgrammeId(), r.getLoanId(), r.getBankId(), r.getCreditCode(),
                r.getIpValue(), r.getEligibleIpValue(), r.getOtherCollateralValue(), r.getIpShare(),
                r.getEnrolledBy(), r.getEnrolledAt());
    }

    private static Accrual toAccrual(SubsidyAccrualRecord r) {
        return new Accrual(r.getId(), r.getEnrolmentId(), r.getProgrammeId(), r.getProgrammeVersion(),
                r.getLoanId(), r.getBankId(), r.getCreditCode(), SubsidyKind.valueOf(r.getKind()), r.getSourceId(),
                r.getFeeReference(),
                r.getPaidOn(), r.getAccrualYear(), r.getAccrualQuarter(), r.getBase(), r.getActualRate(),
                r.getLpr(), r.getCountedRate(), r.getShare(), r.getIpShare(), r.getComputed(), r.getAmount(),
                r.getClaimId(), r.getCreatedAt());
    }

    private static Claim toClaim(SubsidyClaimRecord r) {
        return new Claim(r.getId(), r.getProgrammeId(), r.getBankId(), r.getClaimYear(), r.getClaimQuarter(),
                r.getAmount(), ClaimStatus.valueOf(r.getStatus()), r.getReason(), r.getFiledBy(), r.getFiledAt(),
                r.getDecidedBy(), r.getDecidedAt(), r.getPaidOn(), r.getPaidAt(), null);
    }
}
