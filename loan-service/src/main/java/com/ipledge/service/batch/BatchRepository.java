package com.ipledge.service.batch;

import static com.ipledge.service.db.Tables.BATCH_JOB;
import static com.ipledge.service.db.Tables.BATCH_JOB_ROW;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.db.tables.records.BatchJobRecord;
import com.ipledge.service.db.tables.records.BatchJobRowRecord;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.security.Role;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep7;
import org.jooq.impl.DSL;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class BatchRepository {
    /** A row as uploaded. */
    record NewRow(int line, String raw, String inputKey) {
    }

    private static final TypeReference<List<FieldError>> ERRORS = new TypeReference<>() {
    };
    private static final int INSERT_CHUNK = 500;

    private final DSLContext db;
    private final ObjectMapper json;

    public BatchRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Rows and Monte Carlo paths still waiting in one bank's (or one non-bank caller's) unfinished jobs. */
    record QueuedWork(long rows, long paths) {
    }

    /**
     * Serialises uploads of one bank (or caller) until the transaction ends, whichever instance takes them, so that
     * two uploads cannot both fit under the cap that only one of them fits under.
     */
    void lockQueueOf(String scope) {
        db.fetch("SELECT pg_advisory_xact_lock(hashtext(?))", "batch-queue:" + scope);
    }

    QueuedWork queued(Optional<UUID> bank, UUID principal) {
        Condition unfinished = BATCH_JOB.STATUS.in(BatchJob.Status.QUEUED.name(), BatchJob.Status.RUNNING.name());
        Condition owner = bank.map(BATCH_JOB.BANK_ID::eq)
                .orElse(BATCH_JOB.BANK_ID.isNull().and(BATCH_JOB.CREATED_BY.eq(principal)));
        var waiting = BATCH_JOB.TOTAL.minus(BATCH_JOB.DONE);
        var r = db.select(DSL.coalesce(DSL.sum(waiting), java.math.BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(BATCH_JOB.MC_PATHS.times(waiting).div(BATCH_JOB.TOTAL)),
                                java.math.BigDecimal.ZERO))
                .from(BATCH_JOB).where(unfinished.and(owner)).fetchOne();
        return new QueuedWork(r.value1().longValue(), r.value2().longValue());
    }

    void insert(BatchJob job, List<NewRow> rows, long monteCarloPaths) {
        db.insertInto(BATCH_JOB)
                .set(BATCH_JOB.ID, job.id())
                .set(BATCH_JOB.BANK_ID, job.bankId())
                .set(BATCH_JOB.KIND, job.kind().name())
                .set(BATCH_JOB.STATUS, job.status().name())
                .set(BATCH_JOB.HEADER_COLUMNS, String.join(",", job.header()))
                .set(BATCH_JOB.TOTAL, job.total())
                .set(BATCH_JOB.DONE, job.done())
                .set(BATCH_JOB.FAILED, job.failed())
                .set(BATCH_JOB.CREATED_BY, job.createdBy())
                .set(BATCH_JOB.CREATED_BY_ROLE, job.createdByRole().name())
                .set(BATCH_JOB.REQUEST_ID, job.requestId())
                .set(BATCH_JOB.CREATED_AT, job.createdAt())
                .set(BATCH_JOB.MC_PATHS, monteCarloPaths)
                .execute();
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            InsertValuesStep7<BatchJobRowRecord, UUID, Integer, String, String, String, Integer, OffsetDateTime>
                    insert = db.insertInto(BATCH_JOB_ROW, BATCH_JOB_ROW.JOB_ID, BATCH_JOB_ROW.LINE_NUMBER,
                            BATCH_JOB_ROW.RAW, BATCH_JOB_ROW.INPUT_KEY, BATCH_JOB_ROW.STATUS, BATCH_JOB_ROW.ATTEMPTS,
                            BATCH_JOB_ROW.PROCESSED_AT);
            for (NewRow r : rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK))) {
                insert = insert.values(job.id(), r.line(), r.raw(), r.inputKey(), BatchRow.Status.PENDING.name(), 0,
                        null);
            }
            insert.execute();
        }
    }

    Optional<BatchJob> find(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(BATCH_JOB).where(BATCH_JOB.ID.eq(id).and(scoped(bankScope)))
                .fetchOptional().map(BatchRepository::toJob);
    }

    List<BatchJob> page(Optional<UUID> bankScope, int page, int size) {
        return db.selectFrom(BATCH_JOB).where(scoped(bankScope))
                .orderBy(BATCH_JOB.CREATED_AT.desc(), BATCH_JOB.ID)
                .limit(size).offset((long) page * size)
                .fetch(BatchRepository::toJob);
    }

    long count(Optional<UUID> bankScope) {
        return db.fetchCount(BATCH_JOB, scoped(bankScope));
    }

    /** The job's ERROR rows, by line, at most {@code limit}. */
    List<BatchRow> errors(UUID jobId, int limit) {
        return db.selectFrom(BATCH_JOB_ROW)
                .where(BATCH_JOB_ROW.JOB_ID.eq(jobId), BATCH_JOB_ROW.STATUS.eq(BatchRow.Status.ERROR.name()))
                .orderBy(BATCH_JOB_ROW.LINE_NUMBER).limit(limit)
                .fetch(this::toRow);
    }

    List<BatchRow> rows(UUID jobId) {
        return db.selectFrom(BATCH_JOB_ROW).where(BATCH_JOB_ROW.JOB_ID.eq(jobId))
                .orderBy(BATCH_JOB_ROW.LINE_NUMBER).fetch(this::toRow);
    }

    /** Jobs with work left, oldest first. */
    List<BatchJob> unfinished(int limit) {
        return db.selectFrom(BATCH_JOB).where(BATCH_JOB.STATUS.ne(BatchJob.Status.DONE.name()))
                .orderBy(BATCH_JOB.CREATED_AT, BATCH_JOB.ID).limit(limit).fetch(BatchRepository::toJob);
    }

    /**
     * Locks the job's first PENDING row that no other transaction holds (SKIP LOCKED: a row another worker is
     * doing is passed over, not waited for); the lock lives until the caller's transaction ends.
     */
    Optional<BatchRow> claim(UUID jobId) {
        return db.selectFrom(BATCH_JOB_ROW)
                .where(BATCH_JOB_ROW.JOB_ID.eq(jobId), BATCH_JOB_ROW.STATUS.eq(BatchRow.Status.PENDING.name()))
                .orderBy(BATCH_JOB_ROW.LINE_NUMBER).limit(1)
                .forUpdate().skipLocked()
                .fetchOptional().map(this::toRow);
    }

    /** Marks a PENDING row OK with its result; 0 when it is no longer PENDING. */
    int markOk(UUID jobId, int line, BatchRows.Result r, OffsetDateTime now) {
        return db.update(BATCH_JOB_ROW)
                .set(BATCH_JOB_ROW.STATUS, BatchRow.Status.OK.name())
                .set(BATCH_JOB_ROW.ATTEMPTS, BATCH_JOB_ROW.ATTEMPTS.plus(1))
                .set(BATCH_JOB_ROW.ENTITY_ID, r.entityId())
                .set(BATCH_JOB_ROW.ENTITY_STATUS, r.entityStatus())
                .set(BATCH_JOB_ROW.RECONCILED_VALUE, r.reconciledValue())
                .set(BATCH_JOB_ROW.COLLATERAL_VALUE, r.collateralValue())
                .set(BATCH_JOB_ROW.PROCESSED_AT, now)
                .where(pending(jobId, line))
                .execute();
    }

    /** Marks a PENDING row ERROR; 0 when it is no longer PENDING (another worker settled it). */
    int markError(UUID jobId, int line, List<FieldError> errors, OffsetDateTime now) {
        return db.update(BATCH_JOB_ROW)
                .set(BATCH_JOB_ROW.STATUS, BatchRow.Status.ERROR.name())
                .set(BATCH_JOB_ROW.ATTEMPTS, BATCH_JOB_ROW.ATTEMPTS.plus(1))
                .set(BATCH_JOB_ROW.ERRORS, write(errors))
                .set(BATCH_JOB_ROW.PROCESSED_AT, now)
                .where(pending(jobId, line))
                .execute();
    }

    /** Counts a failed attempt of a PENDING row; the attempts so far, or empty when it is no longer PENDING. */
    Optional<Integer> countAttempt(UUID jobId, int line) {
        return db.update(BATCH_JOB_ROW)
                .set(BATCH_JOB_ROW.ATTEMPTS, BATCH_JOB_ROW.ATTEMPTS.plus(1))
                .where(pending(jobId, line))
                .returning(BATCH_JOB_ROW.ATTEMPTS)
                .fetchOptional().map(r -> r.get(BATCH_JOB_ROW.ATTEMPTS));
    }

    /** One more row processed (one statement, so concurrent workers never lose a count). */
    void countProcessed(UUID jobId, boolean failed, OffsetDateTime now) {
        db.update(BATCH_JOB)
                .set(BATCH_JOB.DONE, BATCH_JOB.DONE.plus(1))
                .set(BATCH_JOB.FAILED, failed ? BATCH_JOB.FAILED.plus(1) : BATCH_JOB.FAILED)
                .set(BATCH_JOB.STATUS, BatchJob.Status.RUNNING.name())
                .set(BATCH_JOB.STARTED_AT, DSL.coalesce(BATCH_JOB.STARTED_AT, DSL.val(now)))
                .where(BATCH_JOB.ID.eq(jobId))
                .execute();
    }

    /** Marks the job DONE if no row is PENDING any more; the job when this call did it. */
    Optional<BatchJob> finishIfComplete(UUID jobId, OffsetDateTime now) {
        return db.update(BATCH_JOB)
                .set(BATCH_JOB.STATUS, BatchJob.Status.DONE.name())
                .set(BATCH_JOB.FINISHED_AT, now)
                .set(BATCH_JOB.STARTED_AT, DSL.coalesce(BATCH_JOB.STARTED_AT, DSL.val(now)))
                .where(BATCH_JOB.ID.eq(jobId), BATCH_JOB.STATUS.ne(BatchJob.Status.DONE.name()),
                        DSL.notExists(DSL.selectOne().from(BATCH_JOB_ROW).where(BATCH_JOB_ROW.JOB_ID.eq(jobId),
                                BATCH_JOB_ROW.STATUS.eq(BatchRow.Status.PENDING.name()))))
                .returning()
                .fetchOptional().map(BatchRepository::toJob);
    }

    private static Condition pending(UUID jobId, int line) {
        return BATCH_JOB_ROW.JOB_ID.eq(jobId).and(BATCH_JOB_ROW.LINE_NUMBER.eq(line))
                .and(BATCH_JOB_ROW.STATUS.eq(BatchRow.Status.PENDING.name()));
    }

    private static Condition scoped(Optional<UUID> bankScope) {
        return bankScope.map(BATCH_JOB.BANK_ID::eq).orElse(DSL.trueCondition());
    }

    private static BatchJob toJob(BatchJobRecord r) {
        return new BatchJob(r.getId(), r.getBankId(), BatchKind.valueOf(r.getKind()),
                BatchJob.Status.valueOf(r.getStatus()), Arrays.asList(r.getHeaderColumns().split(",")), r.getTotal(),
                r.getDone(), r.getFailed(), r.getCreatedBy(), Role.valueOf(r.getCreatedByRole()), r.getRequestId(),
                r.getCreatedAt(), r.getStartedAt(), r.getFinishedAt());
    }

    private BatchRow toRow(BatchJobRowRecord r) {
        return new BatchRow(r.getJobId(), r.getLineNumber(), r.getRaw(), r.getInputKey(),
                BatchRow.Status.valueOf(r.getStatus()), r.getAttempts(), r.getEntityId(), r.getEntityStatus(),
                r.getReconciledValue(), r.getCollateralValue(), read(r.getErrors()), r.getProcessedAt());
    }

    private String write(List<FieldError> errors) {
        try {
            String s = json.writeValueAsString(errors);
            return s.length() <= 20_000 ? s : json.writeValueAsString(errors.subList(0, 1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("errors not serialisable", e);
        }
    }

    private List<FieldError> read(String errors) {
        if (errors == null) {
            return List.of();
        }
        try {
            return json.readValue(errors, ERRORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable batch row errors", e);
        }
    }
}
