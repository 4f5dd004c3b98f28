package com.ipledge.service.jobs;

import static com.ipledge.service.db.Tables.JOB_RUN;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.IntSupplier;
import java.util.zip.CRC32;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scheduled job on exactly one instance at a time: the instance that wins a PostgreSQL advisory lock for
 * the job runs it, the others skip this round. A failed run is recorded and simply runs again next round: jobs are
 * written so that a rerun finishes what a failed one left (each item is re-checked under its own row lock).
 */
@Singleton
public class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    /** How a round went. */
    public enum Outcome { RAN, SKIPPED_LOCKED, FAILED }

    private final DSLContext db;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public JobRunner(DSLContext db, TransactionOperations<Connection> transactions, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome run(String job, IntSupplier work) {
        try {
            return transactions.executeWrite(status -> {
                Object locked = db.fetchValue("SELECT pg_try_advisory_xact_lock(?, ?)", 7_201_200, lockKey(job));
                if (!Boolean.TRUE.equals(locked)) {
                    return Outcome.SKIPPED_LOCKED;
                }
                OffsetDateTime started = OffsetDateTime.now(clock);
                int items = work.getAsInt();
                db.insertInto(JOB_RUN)
                        .set(JOB_RUN.JOB, job).set(JOB_RUN.LAST_STARTED, started)
                        .set(JOB_RUN.LAST_SUCCESS, OffsetDateTime.now(clock)).set(JOB_RUN.RUNS, 1)
                        .onConflict(JOB_RUN.JOB).doUpdate()
                        .set(JOB_RUN.LAST_STARTED, started)
                        .set(JOB_RUN.LAST_SUCCESS, OffsetDateTime.now(clock))
                        .set(JOB_RUN.LAST_ERROR, (String) null)
                        .set(JOB_RUN.RUNS, JOB_RUN.RUNS.plus(1))
                        .execute();
                if (items > 0) {
                    LOG.info("job {} handled {} item(s)", job, items);
                }
                return Outcome.RAN;
            });
        } catch (RuntimeException e) {
            LOG.error("job {} failed; it runs again next round", job, e);
            recordFailure(job, e);
            return Outcome.FAILED;
        }
    }

    /**
     * Waits for the job's lock and holds it until the caller's transaction ends: work that must not interleave
     * with a round of the job (a business-date move running the job's days itself).
     */
    public void holdLock(String job) {
        db.fetchValue("SELECT pg_advisory_xact_lock(?, ?)::text", 7_201_200, lockKey(job));
    }

    private void recordFailure(String job, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        transactions.executeWrite(status -> db.insertInto(JOB_RUN)
                .set(JOB_RUN.JOB, job).set(JOB_RUN.LAST_STARTED, OffsetDateTime.now(clock))
                .set(JOB_RUN.LAST_ERROR, message.substring(0, Math.min(2000, message.length())))
                .set(JOB_RUN.RUNS, 0)
                .onConflict(JOB_RUN.JOB).doUpdate()
                .set(JOB_RUN.LAST_ERROR, message.substring(0, Math.min(2000, message.length())))
                .execute());
    }

    static int lockKey(String job) {
        CRC32 crc = new CRC32();
        crc.update(job.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
