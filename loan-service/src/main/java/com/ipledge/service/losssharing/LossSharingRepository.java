package com.ipledge.service.losssharing;

import static com.ipledge.service.db.Tables.APPLICATION_COLLATERAL;
import static com.ipledge.service.db.Tables.BANK_NPL;
import static com.ipledge.service.db.Tables.BORROWER;
import static com.ipledge.service.db.Tables.IP_ASSET;
import static com.ipledge.service.db.Tables.LOAN;
import static com.ipledge.service.db.Tables.LOAN_DEFAULT;
import static com.ipledge.service.db.Tables.LOAN_RISK_COVER;
import static com.ipledge.service.db.Tables.LOSS_ALLOCATION;
import static com.ipledge.service.db.Tables.LOSS_CLAIM;
import static com.ipledge.service.db.Tables.LOSS_SHARING_SCHEME;
import static com.ipledge.service.db.Tables.RECOVERY;
import static com.ipledge.service.db.Tables.RECOVERY_SHARE;

import com.ipledge.service.db.tables.records.LoanDefaultRecord;
import com.ipledge.service.db.tables.records.LossClaimRecord;
import com.ipledge.service.db.tables.records.LossSharingSchemeRecord;
import com.ipledge.service.loan.Classification;
import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.losssharing.Facility.GuaranteeFund;
import com.ipledge.service.losssharing.Facility.GuaranteeInsurance;
import com.ipledge.service.losssharing.Facility.RiskCompensationPool;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Schemes, covers, defaults, claims, recoveries and overall NPL figures; maps rows to the records below in one
 * place. Opens a pooled connection per call unless a transaction is under way, which it then joins.
 */
@Singleton
@Connectable
class LossSharingRepository {
    /** A configured facility (see V6__loss_sharing.sql). */
    public record Scheme(UUID id, String name, String ruleScheme, String party, BigDecimal share,
                         Facility facility, String createdBy, OffsetDateTime createdAt) {
    }

    /** One party's cover of one loan, frozen at disbursement. */
    public record Cover(UUID loanId, String party, String ruleScheme, UUID schemeId, BigDecimal share,
                        BigDecimal lossCap, BigDecimal premium, BigDecimal premiumSubsidy, BigDecimal poolExposure) {
    }

    public record DefaultRecord(UUID loanId, UUID bankId, LocalDate defaultedOn, String note, String ruleScheme,
                                BigDecimal outstandingPrincipal, BigDecimal interestDue, BigDecimal exposureAtDefault,
                                BigDecimal loss, BigDecimal netRecovered, BigDecimal realisedLgd,
                                OffsetDateTime createdAt) {
    }

    public record Allocation(String party, BigDecimal share, BigDecimal amount, boolean capped) {
    }

    public record Claim(UUID id, UUID loanId, String party, BigDecimal amount, ClaimStatus status, LocalDate filedOn,
                        LocalDate paidOn) {
    }

    public record Recovery(UUID id, UUID loanId, BigDecimal amount, BigDecimal costs, BigDecimal netAmount,
                           LocalDate recoveredOn, String method, OffsetDateTime createdAt,
                           Map<String, BigDecimal> shares) {
    }

    public record OverallNpl(UUID bankId, LocalDate asOf, BigDecimal ratio) {
    }

    /** IP-loan balances of one bank: all live and defaulted loans, and the defaulted ones. */
    public record Book(BigDecimal totalOutstanding, BigDecimal defaultedOutstanding,
                       BigDecimal nonPerformingOutstanding) {
    }

    /** A loan's recoveries by one method, its one pledged asset's sale price as ipledge saw it realised. */
    public record Disposal(UUID loanId, String method, BigDecimal amount, LocalDate recoveredOn,
                           String industryCode, LocalDate assetExpiresOn) {
    }

    private final DSLContext db;

    public LossSharingRepository(DSLContext db) {
        this.db = db;
    }

    // --- disposals as market comparables ---

    /**
     * One bank's disposals on or before {@code asOf}: per loan pledging exactly one asset of {@code ipType} (a
     * bundle's price cannot be split without guessing), whose borrower's industry code starts with
     * {@code industryPrefix}, the gross recovered by each method summed (a sale paid in instalments is one price,
     * not several small ones) and dated by its last recovery; newest first, at most {@code limit}.
     */
    public List<Disposal> disposals(UUID bankId, String ipType, String industryPrefix, LocalDate asOf, int limit) {
        var single = DSL.selectCount().from(APPLICATION_COLLATERAL)
                .where(APPLICATION_COLLATERAL.APPLICATION_ID.eq(LOAN.APPLICATION_ID)).asField();
        var total = DSL.sum(RECOVERY.AMOUNT);
        var last = DSL.max(RECOVERY.RECOVERED_ON);
        return db.select(LOAN.ID, RECOVERY.METHOD, total, last, BORROWER.INDUSTRY_CODE, IP_ASSET.EXPIRES_ON)
                .from(RECOVERY)
                .join(LOAN).on(LOAN.ID.eq(RECOVERY.LOAN_ID))
                .join(BORROWER).on(BORROWER.ID.eq(LOAN.BORROWER_ID))
                .join(APPLICATION_COLLATERAL).on(APPLICATION_COLLATERAL.APPLICATION_ID.eq(LOAN.APPLICATION_ID))
                .join(IP_ASSET).on(IP_ASSET.ID.eq(APPLICATION_COLLATERAL.ASSET_ID))
                .where(LOAN.BANK_ID.eq(bankId))
                .and(IP_ASSET.TYPE.eq(ipType))
                .and(BORROWER.INDUSTRY_CODE.startsWith(industryPrefix))
                .and(RECOVERY.RECOVERED_ON.le(asOf))
                .and(DSL.field(single).eq(1))
                .groupBy(LOAN.ID, RECOVERY.METHOD, BORROWER.INDUSTRY_CODE, IP_ASSET.EXPIRES_ON)
                .orderBy(last.desc(), LOAN.ID)
                .limit(limit)
                .fetch(r -> new Disposal(r.get(LOAN.ID), r.get(RECOVERY.METHOD), r.get(total), r.get(last),
                        r.get(BORROWER.INDUSTRY_CODE), r.get(IP_ASSET.EXPIRES_ON)));
    }

    // --- schemes ---

    public long countSchemes() {
        return db.fetchCount(LOSS_SHARING_SCHEME);
    }

    /** Inserts unless the name or the (rule scheme, party) pair is taken; empty when it is. */
    public Optional<Scheme> insertScheme(Scheme s) {
        Facility f = s.facility();
        GuaranteeInsurance insurance = f instanceof GuaranteeInsurance i ? i : null;
        RiskCompensationPool pool = f instanceof RiskCompensationPool p ? p : null;
        BigDecimal perLoanCap = pool != null ? pool.perLoanCap() : f instanceof GuaranteeFund g ? g.perLoanCap() : null;
        return db.insertInto(LOSS_SHARING_SCHEME)
                .set(LOSS_SHARING_SCHEME.ID, s.id())
                .set(LOSS_SHARING_SCHEME.NAME, s.name())
                .set(LOSS_SHARING_SCHEME.KIND, f.kind())
                .set(LOSS_SHARING_SCHEME.RULE_SCHEME, s.ruleScheme())
                .set(LOSS_SHARING_SCHEME.PARTY, s.party())
                .set(LOSS_SHARING_SCHEME.SHARE, s.share())
                .set(LOSS_SHARING_SCHEME.PREMIUM_RATE, insurance == null ? null : insurance.premiumRate())
                .set(LOSS_SHARING_SCHEME.PREMIUM_SUBSIDY_RATIO,
                        insurance == null ? null : insurance.premiumSubsidyRatio())
                .set(LOSS_SHARING_SCHEME.CAPACITY, pool == null ? null : pool.capacity())
                .set(LOSS_SHARING_SCHEME.CAPACITY_USED,
                        pool == null ? BigDecimal.ZERO.setScale(2) : pool.capacityUsed())
                .set(LOSS_SHARING_SCHEME.PER_LOAN_CAP, perLoanCap)
                .set(LOSS_SHARING_SCHEME.CREATED_BY, s.createdBy())
                .set(LOSS_SHARING_SCHEME.CREATED_AT, s.createdAt())
                .onConflictDoNothing()
                .returning()
                .fetchOptional()
                .map(LossSharingRepository::toScheme);
    }

    public List<Scheme> schemes() {
        return db.selectFrom(LOSS_SHARING_SCHEME)
                .orderBy(LOSS_SHARING_SCHEME.RULE_SCHEME, LOSS_SHARING_SCHEME.PARTY)
                .fetch(LossSharingRepository::toScheme);
    }

    public List<Scheme> schemesFor(String ruleScheme) {
        return db.selectFrom(LOSS_SHARING_SCHEME).where(LOSS_SHARING_SCHEME.RULE_SCHEME.eq(ruleScheme))
                .orderBy(LOSS_SHARING_SCHEME.PARTY)
                .fetch(LossSharingRepository::toScheme);
    }

    /**
     * Adds {@code amount} to a pool's capacity used, in ONE conditional UPDATE: false (and nothing changed) when
     * that would take it past the capacity. Atomic in PostgreSQL whichever instance sends it.
     */
    public boolean usePoolCapacity(UUID schemeId, BigDecimal amount) {
        return db.update(LOSS_SHARING_SCHEME)
                .set(LOSS_SHARING_SCHEME.CAPACITY_USED, LOSS_SHARING_SCHEME.CAPACITY_USED.plus(amount))
                .where(LOSS_SHARING_SCHEME.ID.eq(schemeId)
                        .and(LOSS_SHARING_SCHEME.CAPACITY.isNull()
                                .or(LOSS_SHARING_SCHEME.CAPACITY_USED.plus(amount)
                                        .le(LOSS_SHARING_SCHEME.CAPACITY))))
                .execute() == 1;
    }

    public Optional<Scheme> scheme(UUID id) {
        return db.selectFrom(LOSS_SHARING_SCHEME).where(LOSS_SHARING_SCHEME.ID.eq(id))
                .fetchOptional().map(LossSharingRepository::toScheme);
    }

    // --- covers ---

    public void insertCovers(List<Cover> covers, OffsetDateTime now) {
        for (Cover c : covers) {
            db.insertInto(LOAN_RISK_COVER)
                    .set(LOAN_RISK_COVER.LOAN_ID, c.loanId())
                    .set(LOAN_RISK_COVER.PARTY, c.party())
                    .set(LOAN_RISK_COVER.RULE_SCHEME, c.ruleScheme())
                    .set(LOAN_RISK_COVER.SCHEME_ID, c.schemeId())
                    .set(LOAN_RISK_COVER.SHARE, c.share())
                    .set(LOAN_RISK_COVER.LOSS_CAP, c.lossCap())
                    .set(LOAN_RISK_COVER.PREMIUM, c.premium())
                    .set(LOAN_RISK_COVER.PREMIUM_SUBSIDY, c.premiumSubsidy())
                    .set(LOAN_RISK_COVER.POOL_EXPOSURE, c.poolExposure())
                    .set(LOAN_RISK_COVER.CREATED_AT, now)
                    .execute();
        }
    }

    public List<Cover> covers(UUID loanId) {
        return db.selectFrom(LOAN_RISK_COVER).where(LOAN_RISK_COVER.LOAN_ID.eq(loanId))
                .orderBy(LOAN_RISK_COVER.PARTY)
                .fetch(r -> new Cover(r.getLoanId(), r.getParty(), r.getRuleScheme(), r.getSchemeId(), r.getShare(),
                        r.getLossCap(), r.getPremium(), r.getPremiumSubsidy(), r.getPoolExposure()));
    }

    // --- defaults, allocations, claims ---

    public void insertDefault(DefaultRecord d, List<Allocation> allocations) {
        db.insertInto(LOAN_DEFAULT)
                .set(LOAN_DEFAULT.LOAN_ID, d.loanId())
                .set(LOAN_DEFAULT.BANK_ID, d.bankId())
                .set(LOAN_DEFAULT.DEFAULTED_ON, d.defaultedOn())
                .set(LOAN_DEFAULT.NOTE, d.note())
                .set(LOAN_DEFAULT.RULE_SCHEME, d.ruleScheme())
                .set(LOAN_DEFAULT.OUTSTANDING_PRINCIPAL, d.outstandingPrincipal())
                .set(LOAN_DEFAULT.INTEREST_DUE, d.interestDue())
                .set(LOAN_DEFAULT.EXPOSURE_AT_DEFAULT, d.exposureAtDefault())
                .set(LOAN_DEFAULT.LOSS, d.loss())
                .set(LOAN_DEFAULT.NET_RECOVERED, d.netRecovered())
                .set(LOAN_DEFAULT.REALISED_LGD, d.realisedLgd())
                .set(LOAN_DEFAULT.CREATED_AT, d.createdAt())
                .set(LOAN_DEFAULT.UPDATED_AT, d.createdAt())
                .execute();
        for (Allocation a : allocations) {
            db.insertInto(LOSS_ALLOCATION)
                    .set(LOSS_ALLOCATION.LOAN_ID, d.loanId())
                    .set(LOSS_ALLOCATION.PARTY, a.party())
                    .set(LOSS_ALLOCATION.SHARE, a.share())
                    .set(LOSS_ALLOCATION.AMOUNT, a.amount())
                    .set(LOSS_ALLOCATION.CAPPED, a.capped())
                    .execute();
        }
    }

    public Optional<DefaultRecord> findDefault(UUID loanId) {
        return db.selectFrom(LOAN_DEFAULT).where(LOAN_DEFAULT.LOAN_ID.eq(loanId))
                .fetchOptional().map(LossSharingRepository::toDefault);
    }

    public void updateRecovered(UUID loanId, BigDecimal netRecovered, BigDecimal realisedLgd, OffsetDateTime now) {
        db.update(LOAN_DEFAULT)
                .set(LOAN_DEFAULT.NET_RECOVERED, netRecovered)
                .set(LOAN_DEFAULT.REALISED_LGD, realisedLgd)
                .set(LOAN_DEFAULT.UPDATED_AT, now)
                .where(LOAN_DEFAULT.LOAN_ID.eq(loanId))
                .execute();
    }

    public List<Allocation> allocations(UUID loanId) {
        return db.selectFrom(LOSS_ALLOCATION).where(LOSS_ALLOCATION.LOAN_ID.eq(loanId))
                .orderBy(LOSS_ALLOCATION.PARTY)
                .fetch(r -> new Allocation(r.getParty(), r.getShare(), r.getAmount(), r.getCapped()));
    }

    public void insertClaim(Claim c, OffsetDateTime now) {
        db.insertInto(LOSS_CLAIM)
                .set(LOSS_CLAIM.ID, c.id())
                .set(LOSS_CLAIM.LOAN_ID, c.loanId())
                .set(LOSS_CLAIM.PARTY, c.party())
                .set(LOSS_CLAIM.AMOUNT, c.amount())
                .set(LOSS_CLAIM.STATUS, c.status().name())
                .set(LOSS_CLAIM.FILED_ON, c.filedOn())
                .set(LOSS_CLAIM.PAID_ON, c.paidOn())
                .set(LOSS_CLAIM.CREATED_AT, now)
                .set(LOSS_CLAIM.UPDATED_AT, now)
                .execute();
    }

    public List<Claim> claims(UUID loanId) {
        return db.selectFrom(LOSS_CLAIM).where(LOSS_CLAIM.LOAN_ID.eq(loanId)).orderBy(LOSS_CLAIM.PARTY)
                .fetch(LossSharingRepository::toClaim);
    }

    public Optional<Claim> lockClaim(UUID loanId, UUID claimId) {
        return db.selectFrom(LOSS_CLAIM).where(LOSS_CLAIM.ID.eq(claimId).and(LOSS_CLAIM.LOAN_ID.eq(loanId)))
                .forUpdate().fetchOptional().map(LossSharingRepository::toClaim);
    }

    /** Marks a FILED claim PAID; false if it was not FILED any more. */
    public boolean markPaid(UUID claimId, LocalDate paidOn, OffsetDateTime now) {
        return db.update(LOSS_CLAIM)
                .set(LOSS_CLAIM.STATUS, ClaimStatus.PAID.name())
                .set(LOSS_CLAIM.PAID_ON, paidOn)
                .set(LOSS_CLAIM.UPDATED_AT, now)
                .where(LOSS_CLAIM.ID.eq(claimId).and(LOSS_CLAIM.STATUS.eq(ClaimStatus.FILED.name())))
                .execute() == 1;
    }

    // --- recoveries ---

    public void insertRecovery(Recovery r) {
        db.insertInto(RECOVERY)
                .set(RECOVERY.ID, r.id())
                .set(RECOVERY.LOAN_ID, r.loanId())
                .set(RECOVERY.AMOUNT, r.amount())
                .set(RECOVERY.COSTS, r.costs())
                .set(RECOVERY.NET_AMOUNT, r.netAmount())
                .set(RECOVERY.RECOVERED_ON, r.recoveredOn())
                .set(RECOVERY.METHOD, r.method())
                .set(RECOVERY.CREATED_AT, r.createdAt())
                .execute();
        r.shares().forEach((party, amount) -> db.insertInto(RECOVERY_SHARE)
                .set(RECOVERY_SHARE.RECOVERY_ID, r.id())
                .set(RECOVERY_SHARE.PARTY, party)
                .set(RECOVERY_SHARE.AMOUNT, amount)
                .execute());
    }

    public List<Recovery> recoveries(UUID loanId) {
        Map<UUID, Map<String, BigDecimal>> shares = new HashMap<>();
        db.select(RECOVERY_SHARE.RECOVERY_ID, RECOVERY_SHARE.PARTY, RECOVERY_SHARE.AMOUNT)
                .from(RECOVERY_SHARE).join(RECOVERY).on(RECOVERY.ID.eq(RECOVERY_SHARE.RECOVERY_ID))
                .where(RECOVERY.LOAN_ID.eq(loanId)).orderBy(RECOVERY_SHARE.PARTY)
                .forEach(r -> shares.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>())
                        .put(r.value2(), r.value3()));
        return db.selectFrom(RECOVERY).where(RECOVERY.LOAN_ID.eq(loanId))
                .orderBy(RECOVERY.RECOVERED_ON, RECOVERY.CREATED_AT)
                .fetch(r -> new Recovery(r.getId(), r.getLoanId(), r.getAmount(), r.getCosts(), r.getNetAmount(),
                        r.getRecoveredOn(), r.getMethod(), r.getCreatedAt(),
                        shares.getOrDefault(r.getId(), Map.of())));
    }

    // --- NPL ---

    public void upsertOverallNpl(UUID bankId, LocalDate asOf, BigDecimal ratio, String by, OffsetDateTime now) {
        db.insertInto(BANK_NPL)
                .set(BANK_NPL.BANK_ID, bankId)
                .set(BANK_NPL.AS_OF, asOf)
                .set(BANK_NPL.OVERALL_NPL_RATIO, ratio)
                .set(BANK_NPL.UPDATED_BY, by)
                .set(BANK_NPL.UPDATED_AT, now)
                .onConflict(BANK_NPL.BANK_ID, BANK_NPL.AS_OF).doUpdate()
                .set(BANK_NPL.OVERALL_NPL_RATIO, ratio)
                .set(BANK_NPL.UPDATED_BY, by)
                .set(BANK_NPL.UPDATED_AT, now)
                .execute();
    }

    /** The latest overall NPL ratio of the bank as of {@code on} (or before). */
    public Optional<OverallNpl> overallNpl(UUID bankId, LocalDate on) {
        return db.selectFrom(BANK_NPL).where(BANK_NPL.BANK_ID.eq(bankId).and(BANK_NPL.AS_OF.le(on)))
                .orderBy(BANK_NPL.AS_OF.desc()).limit(1)
                .fetchOptional().map(r -> new OverallNpl(r.getBankId(), r.getAsOf(), r.getOverallNplRatio()));
    }

    /** The bank's IP-loan book: outstanding principal of disbursed, repaying and defaulted loans. */
    public Book book(UUID bankId) {
        var defaulted = DSL.sum(DSL.when(LOAN.STATUS.eq(LoanStatus.DEFAULTED.name()), LOAN.OUTSTANDING_PRINCIPAL)
                .otherwise(BigDecimal.ZERO));
        var nonPerforming = DSL.sum(DSL.when(LOAN.CLASSIFICATION.in(Classification.NON_PERFORMING),
                LOAN.OUTSTANDING_PRINCIPAL).otherwise(BigDecimal.ZERO));
        var total = DSL.sum(LOAN.OUTSTANDING_PRINCIPAL);
        var r = db.select(total, defaulted, nonPerforming).from(LOAN)
                .where(LOAN.BANK_ID.eq(bankId).and(LOAN.STATUS.in(LoanStatus.BOOK)))
                .fetchOne();
        return new Book(orZero(r.value1()), orZero(r.value2()), orZero(r.value3()));
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2);
    }

    private static Scheme toScheme(LossSharingSchemeRecord r) {
        Facility facility = switch (r.getKind()) {
            case Facility.INSURANCE -> new GuaranteeInsurance(r.getPremiumRate(), r.getPremiumSubsidyRatio());
            case Facility.POOL -> new RiskCompensationPool(r.getCapacity(), r.getCapacityUsed(), r.getPerLoanCap());
            case Facility.FUND -> new GuaranteeFund(r.getPerLoanCap());
            default -> throw new IllegalStateException("scheme " + r.getId() + " has kind " + r.getKind());
        };
        return new Scheme(r.getId(), r.getName(), r.getRuleScheme(), r.getParty(), r.getShare(), facility,
                r.getCreatedBy(), r.getCreatedAt());
    }

    private static DefaultRecord toDefault(LoanDefaultRecord r) {
        return new DefaultRecord(r.getLoanId(), r.getBankId(), r.getDefaultedOn(), r.getNote(), r.getRuleScheme(),
                r.getOutstandingPrincipal(), r.getInterestDue(), r.getExposureAtDefault(), r.getLoss(),
                r.getNetRecovered(), r.getRealisedLgd(), r.getCreatedAt());
    }

    private static Claim toClaim(LossClaimRecord r) {
        return new Claim(r.getId(), r.getLoanId(), r.getParty(), r.getAmount(), ClaimStatus.valueOf(r.getStatus()),
                r.getFiledOn(), r.getPaidOn());
    }
}
