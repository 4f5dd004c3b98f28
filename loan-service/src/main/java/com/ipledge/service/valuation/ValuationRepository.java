package com.ipledge.service.valuation;

import static com.ipledge.service.db.Tables.VALUATION;

import com.ipledge.service.database.RenderedQueries;
import com.ipledge.service.db.tables.records.ValuationRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class ValuationRepository {

    /** One stored valuation: the columns kept for queries beside the full request and result JSON. */
    public record Row(UUID id, UUID assetId, UUID bankId, LocalDate valuationDate, BigDecimal reconciledValue,
                      BigDecimal collateralValue, BigDecimal valueScore, String engineVersion, long seed, int paths,
                      String request, String result, OffsetDateTime createdAt, ValuationSource source) {
    }

    private final DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();

    public ValuationRepository(DSLContext db) {
        this.db = db;
    }

    public void insert(Row r) {
        db.insertInto(VALUATION)
                .set(VALUATION.ID, r.id())
                .set(VALUATION.ASSET_ID, r.assetId())
                .set(VALUATION.BANK_ID, r.bankId())
                .set(VALUATION.SOURCE, r.source().name())
                .set(VALUATION.VALUATION_DATE, r.valuationDate())
                .set(VALUATION.RECONCILED_VALUE, r.reconciledValue())
                .set(VALUATION.COLLATERAL_VALUE, r.collateralValue())
                .set(VALUATION.VALUE_SCORE, r.valueScore())
                .set(VALUATION.ENGINE_VERSION, r.engineVersion())
                .set(VALUATION.SEED, r.seed())
                .set(VALUATION.PATHS, r.paths())
                .set(VALUATION.REQUEST, r.request())
                .set(VALUATION.RESULT, r.result())
                .set(VALUATION.CREATED_AT, r.createdAt())
                .execute();
    }

    public Optional<Row> find(UUID id, Optional<UUID> bankScope) {
        Condition scope = bankScope.map(VALUATION.BANK_ID::eq).orElse(DSL.trueCondition());
        return db.selectFrom(VALUATION).where(VALUATION.ID.eq(id).and(scope))
                .fetchOptional().map(ValuationRepository::toRow);
    }

    /**
     * The newest valuation of the asset that is either from one of {@code sources} and dated in (after, upTo], or one
     * of {@code alsoIds} (the appraisal reports' valuations that are valid: their validity is their own); the newest
     * first, the most recently stored first among equal dates.
     */
    public Optional<Row> latest(UUID assetId, List<ValuationSource> sources, LocalDate after, LocalDate upTo,
                                List<UUID> alsoIds) {
        List<String> sourceNames = sources.stream().map(Enum::name).toList();
        return rendered.rows(db, "latest", VALUATION, () -> {
            Condition fresh = VALUATION.SOURCE.in(sourceNames)
                    .and(VALUATION.VALUATION_DATE.gt(after)).and(VALUATION.VALUATION_DATE.le(upTo));
            return db.selectFrom(VALUATION)
                    .where(VALUATION.ASSET_ID.eq(assetId),
                            alsoIds.isEmpty() ? fresh : fresh.or(VALUATION.ID.in(alsoIds)))
                    .orderBy(VALUATION.VALUATION_DATE.desc(), VALUATION.CREATED_AT.desc(), VALUATION.ID)
                    .limit(1);
        }, assetId, sourceNames, after, upTo, alsoIds, 1).fetchOptional().map(ValuationRepository::toRow);
    }

    private static Row toRow(ValuationRecord r) {
        return new Row(r.getId(), r.getAssetId(), r.getBankId(), r.getValuationDate(), r.getReconciledValue(),
                r.getCollateralValue(), r.getValueScore(), r.getEngineVersion(), r.getSeed(), r.getPaths(),
                r.getRequest(), r.getResult(), r.getCreatedAt(), ValuationSource.valueOf(r.getSource()));
    }
}
