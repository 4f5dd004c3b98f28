package com.ipledge.service.portfolio;

import static com.ipledge.service.db.Tables.ALERT;
import static com.ipledge.service.db.Tables.APPLICATION_COLLATERAL;
import static com.ipledge.service.db.Tables.BANK;
import static com.ipledge.service.db.Tables.BORROWER;
import static com.ipledge.service.db.Tables.IP_ASSET;
import static com.ipledge.service.db.Tables.LOAN;
import static com.ipledge.service.db.Tables.QUOTA_MOVEMENT;
import static com.ipledge.service.db.Tables.QUOTA_PLAN;

import com.ipledge.service.loan.Classification;
import com.ipledge.service.loan.LoanStatus;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Read-only queries behind the portfolio views. Opens a pooled connection per call unless a transaction is under
 * way, which it then joins. Every query is scoped by the caller's bank (empty = every bank). Rows are mapped to
 * this class's records here and nowhere else.
 */
@Singleton
@Connectable
class PortfolioRepository {
    /** A loan of the book (live or defaulted) with what the views slice it by, and the decision it was made on. */
    public record BookRow(UUID loanId, UUID applicationId, UUID bankId, String bankCode, String bankName,
                          LoanStatus status, BigDecimal outstanding, String industryCode, String ecoIndustry,
                          String regionCode, UUID decisionId, Classification classification) {
    }

    /** One asset pledged for an application, in filing order. */
    public record PledgedAsset(UUID applicationId, int position, UUID assetId, String type) {
    }

    /** A disbursement: the date and the principal drawn. */
    public record Disbursal(LocalDate disbursedOn, BigDecimal principal) {
    }

    /** A quota plan with its bank's code and name. */
    public record QuotaRow(UUID planId, UUID bankId, String bankCode, String bankName, int year, String segment,
                           BigDecimal amount, BigDecimal reserved, BigDecimal drawn) {
    }

    /** The states that make up the book the views show: live ({@link LoanStatus#isLive()}) and defaulted. */
    static final List<String> BOOK_STATUSES = LoanStatus.BOOK;

    private final DSLContext db;

    public PortfolioRepository(DSLContext db) {
        this.db = db;
    }

    public List<BookRow> book(Optional<UUID> bankScope) {
        return db.select(LOAN.ID, LOAN.APPLICATION_ID, LOAN.BANK_ID, BANK.CODE, BANK.NAME, LOAN.STATUS,
                        LOAN.OUTSTANDING_PRINCIPAL, BORROWER.INDUSTRY_CODE, BORROWER.ECO_INDUSTRY,
                        BORROWER.REGION_CODE, LOAN.DECISION_ID, LOAN.CLASSIFICATION)
                .from(LOAN)
                .join(BANK).on(BANK.ID.eq(LOAN.BANK_ID))
                .join(BORROWER).on(BORROWER.ID.eq(LOAN.BORROWER_ID))
                .where(LOAN.STATUS.in(BOOK_STATUSES).and(scoped(LOAN.BANK_ID, bankScope)))
                .orderBy(BANK.CODE, LOAN.CREATED_AT, LOAN.ID)
                .fetch(r -> new BookRow(r.get(LOAN.ID), r.get(LOAN.APPLICATION_ID), r.get(LOAN.BANK_ID),
                        r.get(BANK.CODE), r.get(BANK.NAME), LoanStatus.valueOf(r.get(LOAN.STATUS)),
                        r.get(LOAN.OUTSTANDING_PRINCIPAL), r.get(BORROWER.INDUSTRY_CODE),
                        r.get(BORROWER.ECO_INDUSTRY),
                        r.get(BORROWER.REGION_CODE) == null ? null : r.get(BORROWER.REGION_CODE).trim(),
                        r.get(LOAN.DECISION_ID), Classification.valueOf(r.get(LOAN.CLASSIFICATION))));
    }

    /** The assets pledged for each application, by application id (in chunks, so any book size works). */
    public Map<UUID, List<PledgedAsset>> pledgedAssets(Collection<UUID> applicationIds) {
        Map<UUID, List<PledgedAsset>> byApplication = new HashMap<>();
        List<UUID> ids = new ArrayList<>(new HashSet<>(applicationIds));
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            db.select(APPLICATION_COLLATERAL.APPLICATION_ID, APPLICATION_COLLATERAL.POSITION,
                            APPLICATION_COLLATERAL.ASSET_ID, IP_ASSET.TYPE)
                    .from(APPLICATION_COLLATERAL)
                    .join(IP_ASSET).on(IP_ASSET.ID.eq(APPLICATION_COLLATERAL.ASSET_ID))
                    .where(APPLICATION_COLLATERAL.APPLICATION_ID.in(chunk))
                    .orderBy(APPLICATION_COLLATERAL.APPLICATION_ID, APPLICATION_COLLATERAL.POSITION)
                    .forEach(r -> byApplication.computeIfAbsent(r.get(APPLICATION_COLLATERAL.APPLICATION_ID),
                            k -> new ArrayList<>()).add(new PledgedAsset(r.get(APPLICATION_COLLATERAL.APPLICATION_ID),
                            r.get(APPLICATION_COLLATERAL.POSITION), r.get(APPLICATION_COLLATERAL.ASSET_ID),
                            r.get(IP_ASSET.TYPE))));
        }
        return byApplication;
    }

    /** Loans (every status) by status. */
    public Map<String, Long> countsByStatus(Optional<UUID> bankScope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Field<Integer> n = DSL.count();
        db.select(LOAN.STATUS, n).from(LOAN).where(scoped(LOAN.BANK_ID, bankScope)).groupBy(LOAN.STATUS)
                .forEach(r -> counts.put(r.get(LOAN.STATUS), r.get(n).longValue()));
        return counts;
    }

    /** Loans disbursed on or after {@code from}, whatever their status now. */
    public List<Disbursal> disbursedSince(Optional<UUID> bankScope, LocalDate from) {
        return db.select(LOAN.DISBURSED_ON, LOAN.PRINCIPAL).from(LOAN)
                .where(LOAN.DISBURSED_ON.ge(from).and(scoped(LOAN.BANK_ID, bankScope)))
                .fetch(r -> new Disbursal(r.get(LOAN.DISBURSED_ON), r.get(LOAN.PRINCIPAL)));
    }

    public List<QuotaRow> quotaPlans(Optional<UUID> bankScope, int year) {
        return db.select(QUOTA_PLAN.ID, QUOTA_PLAN.BANK_ID, BANK.CODE, BANK.NAME, QUOTA_PLAN.PLAN_YEAR,
                        QUOTA_PLAN.SEGMENT, QUOTA_PLAN.AMOUNT, QUOTA_PLAN.RESERVED, QUOTA_PLAN.DRAWN)
                .from(QUOTA_PLAN).join(BANK).on(BANK.ID.eq(QUOTA_PLAN.BANK_ID))
                .where(QUOTA_PLAN.PLAN_YEAR.eq(year).and(scoped(QUOTA_PLAN.BANK_ID, bankScope)))
                .orderBy(BANK.CODE, QUOTA_PLAN.SEGMENT)
                .fetch(r -> new QuotaRow(r.get(QUOTA_PLAN.ID), r.get(QUOTA_PLAN.BANK_ID), r.get(BANK.CODE),
                        r.get(BANK.NAME), r.get(QUOTA_PLAN.PLAN_YEAR), r.get(QUOTA_PLAN.SEGMENT),
                        r.get(QUOTA_PLAN.AMOUNT), r.get(QUOTA_PLAN.RESERVED), r.get(QUOTA_PLAN.DRAWN)));
    }

    /**
     * What each bank had reserved or drawn of its quota plans of {@code year} before {@code before}, from the plans'
     * own movements: a draw moves a reservation to drawn, so reserved + drawn = reservations - releases.
     */
    public Map<UUID, BigDecimal> quotaUsedBefore(int year, OffsetDateTime before) {
        Field<BigDecimal> used = DSL.sum(DSL.when(QUOTA_MOVEMENT.KIND.eq("RESERVE"), QUOTA_MOVEMENT.AMOUNT)
                .when(QUOTA_MOVEMENT.KIND.eq("RELEASE"), QUOTA_MOVEMENT.AMOUNT.neg())
                .otherwise(BigDecimal.ZERO));
        Map<UUID, BigDecimal> out = new LinkedHashMap<>();
        db.select(QUOTA_PLAN.BANK_ID, used).from(QUOTA_MOVEMENT)
                .join(QUOTA_PLAN).on(QUOTA_PLAN.ID.eq(QUOTA_MOVEMENT.PLAN_ID))
                .where(QUOTA_PLAN.PLAN_YEAR.eq(year), QUOTA_MOVEMENT.CREATED_AT.lt(before))
                .groupBy(QUOTA_PLAN.BANK_ID)
                .forEach(r -> out.put(r.get(QUOTA_PLAN.BANK_ID), r.get(used)));
        return out;
    }

    /** Open (not yet resolved) alerts by severity. */
    public Map<String, Long> openAlertsBySeverity(Optional<UUID> bankScope) {
        Field<Integer> n = DSL.count();
        Map<String, Long> counts = new LinkedHashMap<>();
        db.select(ALERT.SEVERITY, n).from(ALERT)
                .where(ALERT.RESOLVED_AT.isNull().and(scoped(ALERT.BANK_ID, bankScope)))
                .groupBy(ALERT.SEVERITY).orderBy(ALERT.SEVERITY)
                .forEach(r -> counts.put(r.get(ALERT.SEVERITY), r.get(n).longValue()));
        return counts;
    }

    private static Condition scoped(Field<UUID> bankColumn, Optional<UUID> bankScope) {
        return bankScope.map(bankColumn::eq).orElse(DSL.trueCondition());
    }
}
