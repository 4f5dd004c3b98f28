package com.ipledge.service.application;

import static com.ipledge.service.db.Tables.APPLICATION_COLLATERAL;
import static com.ipledge.service.db.Tables.LOAN_APPLICATION;

import com.ipledge.service.database.RenderedQueries;
import com.ipledge.service.db.tables.records.LoanApplicationRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import com.ipledge.service.database.SyncOrder;
import com.ipledge.service.web.SyncWindow;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class ApplicationRepository {
    /** What a list may be filtered by. */
    record Filter(Optional<UUID> bankScope, Optional<ApplicationStatus> status, Optional<UUID> borrowerId) {
    }

    /**
     * The application's pledged asset ids in filing order, as an array column beside its row (the locking read
     * takes them in the same statement; FOR UPDATE locks only the application's row).
     */
    private static final Field<UUID[]> COLLATERAL = DSL.array(DSL.select(APPLICATION_COLLATERAL.ASSET_ID)
            .from(APPLICATION_COLLATERAL)
            .where(APPLICATION_COLLATERAL.APPLICATION_ID.eq(LOAN_APPLICATION.ID))
            .orderBy(APPLICATION_COLLATERAL.POSITION)).as("collateral");

    private final DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();

    public ApplicationRepository(DSLContext db) {
        this.db = db;
    }

    public void insert(LoanApplication a) {
        var history = a.creditHistory();
        List<Object> rows = new java.util.ArrayList<>();
        for (int i = 0; i < a.collateralAssetIds().size(); i++) {
            rows.addAll(List.of(a.id(), i, a.collateralAssetIds().get(i)));
        }
        // the application and its collateral in one round trip
        rendered.executeTogether(db, new RenderedQueries.Part("insert", () -> db.insertInto(LOAN_APPLICATION)
                        .set(LOAN_APPLICATION.ID, a.id())
                        .set(LOAN_APPLICATION.BANK_ID, a.bankId())
                        .set(LOAN_APPLICATION.BORROWER_ID, a.borrowerId())
                        .set(LOAN_APPLICATION.REQUESTED_AMOUNT, a.requestedAmount())
                        .set(LOAN_APPLICATION.TERM_MONTHS, a.termMonths())
                        .set(LOAN_APPLICATION.PURPOSE, a.purpose())
                        .set(LOAN_APPLICATION.INSURANCE, a.insurance())
                        .set(LOAN_APPLICATION.STATUS, a.status().name())
                        .set(LOAN_APPLICATION.FILED_BY, a.filedBy())
                        .set(LOAN_APPLICATION.CREATED_AT, a.createdAt())
                        .set(LOAN_APPLICATION.UPDATED_AT, a.updatedAt())
                        .set(LOAN_APPLICATION.CURRENTLY_OVERDUE, history.currentlyOverdue())
                        .set(LOAN_APPLICATION.YEARS_SINCE_LAST_DEFAULT, history.yearsSinceLastDefault())
                        .set(LOAN_APPLICATION.ON_DISHONESTY_LIST, history.onDishonestyList())
                        .set(LOAN_APPLICATION.ORIGIN, a.origin().name())
                        .set(LOAN_APPLICATION.INTAKE_ID, a.intakeId()),
                a.id(), a.bankId(), a.borrowerId(), a.requestedAmount(), a.termMonths(), a.purpose(), a.insurance(),
                a.status().name(), a.filedBy(), a.createdAt(), a.updatedAt(), history.currentlyOverdue(),
                history.yearsSinceLastDefault(), history.onDishonestyList(), a.origin().name(), a.intakeId()),
                new RenderedQueries.Part("insertCollateral", () -> {
            var insert = db.insertInto(APPLICATION_COLLATERAL, APPLICATION_COLLATERAL.APPLICATION_ID,
                    APPLICATION_COLLATERAL.POSITION, APPLICATION_COLLATERAL.ASSET_ID);
            for (int i = 0; i < a.collateralAssetIds().size(); i++) {
                insert = insert.values(a.id(), i, a.collateralAssetIds().get(i));
            }
            return insert;
        }, rows));
    }

    /** The application with its pledged asset ids, in one statement. */
    public Optional<LoanApplication> find(UUID id, Optional<UUID> bankScope) {
        return db.select(LOAN_APPLICATION.fields()).select(COLLATERAL)
                .from(LOAN_APPLICATION)
                .where(LOAN_APPLICATION.ID.eq(id).and(scoped(bankScope)))
                .fetchOptional()
                .map(ApplicationRepository::withOwnCollateral);
    }

    /** Reads the application (with its pledged asset ids, in one statement) and locks its row until the end. */
    public Optional<LoanApplication> lock(UUID id, Optional<UUID> bankScope) {
        return rendered.records(db, "lock", () -> db.select(LOAN_APPLICATION.fields()).select(COLLATERAL)
                        .from(LOAN_APPLICATION)
                        .where(LOAN_APPLICATION.ID.eq(id).and(scoped(bankScope)))
                        .forUpdate(), id, bankScope)
                .fetchOptional()
                .map(ApplicationRepository::withOwnCollateral);
    }

    private static LoanApplication withOwnCollateral(Record r) {
        UUID[] collateral = r.get(COLLATERAL);
        return toApplication(r.into(LOAN_APPLICATION), collateral == null ? List.of() : Arrays.asList(collateral));
    }

    public void updateStatus(UUID id, ApplicationStatus status, java.time.OffsetDateTime now) {
        db.update(LOAN_APPLICATION)
                .set(LOAN_APPLICATION.STATUS, status.name())
                .set(LOAN_APPLICATION.UPDATED_AT, now)
                .where(LOAN_APPLICATION.ID.eq(id))
                .execute();
    }

    public void recordDecision(UUID id, ApplicationStatus status, UUID decisionId, java.time.OffsetDateTime now) {
        rendered.execute(db, "recordDecision", () -> db.update(LOAN_APPLICATION)
                        .set(LOAN_APPLICATION.STATUS, status.name())
                        .set(LOAN_APPLICATION.DECISION_ID, decisionId)
                        .set(LOAN_APPLICATION.UPDATED_AT, now)
                        .where(LOAN_APPLICATION.ID.eq(id)),
                status.name(), decisionId, now, id);
    }

    /** A plain page, newest first. */
    public List<LoanApplication> page(Filter filter, int page, int size) {
        return withCollateral(db.selectFrom(LOAN_APPLICATION)
                .where(condition(filter))
                .orderBy(LOAN_APPLICATION.CREATED_AT.desc(), LOAN_APPLICATION.ID)
                .limit(size).offset((long) page * size)
                .fetch());
    }

    /** A sync page: in (updated_at, id) order after the window's position. */
    public List<LoanApplication> page(Filter filter, SyncWindow window, int size) {
        return withCollateral(db.selectFrom(LOAN_APPLICATION)
                .where(condition(filter).and(SyncOrder.condition(window, LOAN_APPLICATION.UPDATED_AT,
                        LOAN_APPLICATION.ID)))
                .orderBy(SyncOrder.order(LOAN_APPLICATION.UPDATED_AT, LOAN_APPLICATION.ID))
                .limit(size)
                .fetch());
    }

    private List<LoanApplication> withCollateral(List<LoanApplicationRecord> rows) {
        Map<UUID, List<UUID>> collateral = rows.isEmpty() ? Map.of()
                : collateralOf(rows.stream().map(LoanApplicationRecord::getId).toList());
        return rows.stream().map(r -> toApplication(r, collateral.getOrDefault(r.getId(), List.of()))).toList();
    }

    public long count(Filter filter, Optional<SyncWindow> window) {
        return db.fetchCount(LOAN_APPLICATION, condition(filter).and(window
                .map(w -> SyncOrder.since(w, LOAN_APPLICATION.UPDATED_AT)).orElse(DSL.trueCondition())));
    }

    /** The pledged asset ids of each application, in filing order: one query for any number of applications. */
    Map<UUID, List<UUID>> collateralOf(List<UUID> applicationIds) {
        return db.selectFrom(APPLICATION_COLLATERAL)
                .where(APPLICATION_COLLATERAL.APPLICATION_ID.in(applicationIds))
                .orderBy(APPLICATION_COLLATERAL.APPLICATION_ID, APPLICATION_COLLATERAL.POSITION)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.getApplicationId(),
                        Collectors.mapping(r -> r.getAssetId(), Collectors.toCollection(ArrayList::new))));
    }

    private static Condition condition(Filter f) {
        return scoped(f.bankScope())
                .and(f.status().map(s -> LOAN_APPLICATION.STATUS.eq(s.name())).orElse(DSL.trueCondition()))
                .and(f.borrowerId().map(LOAN_APPLICATION.BORROWER_ID::eq).orElse(DSL.trueCondition()));
    }

    private static Condition scoped(Optional<UUID> bankScope) {
        return bankScope.map(LOAN_APPLICATION.BANK_ID::eq).orElse(DSL.trueCondition());
    }

    static LoanApplication toApplication(LoanApplicationRecord r, List<UUID> collateral) {
        return new LoanApplication(r.getId(), r.getBankId(), r.getBorrowerId(), r.getRequestedAmount(),
                r.getTermMonths(), r.getPurpose(), r.getInsurance(), List.copyOf(collateral),
                ApplicationStatus.valueOf(r.getStatus()), r.getFiledBy(), r.getCreatedAt(), r.getUpdatedAt(),
                new NewApplication.CreditHistory(r.getCurrentlyOverdue(), r.getYearsSinceLastDefault(),
                        r.getOnDishonestyList()), ApplicationOrigin.valueOf(r.getOrigin()), r.getIntakeId(),
                r.getDecisionId());
    }
}
