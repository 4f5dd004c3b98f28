package com.ipledge.service.batch;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.ApiKeyService;
import com.ipledge.service.web.RequestIdFilter;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Processes the rows of batch jobs, on any number of threads and instances at once. Each row is ONE transaction:
 * claim the row ({@code FOR UPDATE SKIP LOCKED}, so no two workers ever hold the same row), do it through the
 * single-item service as the job's uploader, mark it OK and count it. A crash anywhere in it rolls all of it back
 * and leaves the row PENDING for the next worker; nothing is half done. A row the service refuses (an
 * {@link DomainProblem}) is marked ERROR with the problem's fields in a second, short transaction, and the others go
 * on. Any other failure is retried up to {@value #MAX_ATTEMPTS} times (rounds) before the row is marked ERROR.
 * The job is DONE, in its own transaction with its {@code batch.finished} audit entry, once no row is PENDING.
 */
@Singleton
public class BatchWorker {
    static final int MAX_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(BatchWorker.class);
    private static final int JOBS_PER_ROUND = 50;
    /** Rows taken from one job before the next job's turn, so a big upload does not hold up a small one. */
    private static final int SLICE = 10;

    private enum Step { DONE_ROW, NONE_LEFT, RETRY_LATER }

    private final BatchRepository jobs;
    private final BatchRows rows;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;
    private final ApiKeyService keys;
    private final Clock clock;
    private volatile boolean closing;
    private final DomainEvents events;

    public BatchWorker(BatchRepository jobs, BatchRows rows, TransactionOperations<Connection> transactions,
                       AuditLog audit, ApiKeyService keys, Clock clock, DomainEvents events) {
        this.events = events;
        this.jobs = jobs;
        this.rows = rows;
        this.transactions = transactions;
        this.audit = audit;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Processes up to {@code max} rows of the unfinished jobs, oldest job first and at most {@value #SLICE} of a job
     * before the next job's turn, and finishes jobs with nothing left to do; the number of rows processed (0 when
     * there was nothing to claim). Safe to call from many threads and instances at once.
     */
    public int processUpTo(int max) {
        int processed = 0;
        if (closing) {
            return 0;
        }
        for (BatchJob job : jobs.unfinished(JOBS_PER_ROUND)) {
            if (processed >= max || closing) {
                break;
            }
            processed += processJob(job, Math.min(SLICE, max - processed));
        }
        return processed;
    }

    /** Stops claiming rows: a row in flight still finishes (or rolls back). */
    @PreDestroy
    public void close() {
        closing = true;
    }

    boolean closing() {
        return closing;
    }

    private int processJob(BatchJob job, int max) {
        int processed = 0;
        while (processed < max && !closing) {
            Step step = step(job);
            if (step == Step.DONE_ROW) {
                processed++;
            } else {
                if (step == Step.NONE_LEFT) {
                    finishIfComplete(job);
                }
                return processed;
            }
        }
        return processed;
    }

    private Step step(BatchJob job) {
        int[] line = {-1};
        String previousRequestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (job.requestId() != null) {
            MDC.put(RequestIdFilter.MDC_KEY, job.requestId());
        }
        try {
            return transactions.executeWrite(status -> {
                Optional<BatchRow> claimed = jobs.claim(job.id());
                if (claimed.isEmpty()) {
                    return Step.NONE_LEFT;
                }
                BatchRow row = claimed.get();
                line[0] = row.line();
                if (keys.isRevoked(job.creator().principalId())) {
                    // a revoked key (leaked, or its holder gone) must not go on acting through rows it uploaded
                    throw InvalidInput.of("row", "not processed: the API key that uploaded this file was revoked");
                }
                BatchRows.Result result = rows.process(job.kind(), job.creator(), job.header(), row.raw());
                if (jobs.markOk(job.id(), row.line(), result, now()) == 1) {
                    jobs.countProcessed(job.id(), false, now());
                }
                return Step.DONE_ROW;
            });
        } catch (RuntimeException e) {
            if (line[0] < 0) {
                LOG.warn("batch job {}: could not claim a row; trying again next round", job.id(), e);
                return Step.RETRY_LATER;
            }
            DomainProblem problem = problemIn(e);
            if (problem != null) {
                List<FieldError> errors = BatchRows.inColumns(job.kind(), problem).errors();
                transactions.executeWrite(status -> {
                    if (jobs.markError(job.id(), line[0], errors, now()) == 1) {
                        jobs.countProcessed(job.id(), true, now());
                    }
                    return null;
                });
                return Step.DONE_ROW;
            }
            return failedAttempt(job, line[0], e);
        } finally {
            if (previousRequestId == null) {
                MDC.remove(RequestIdFilter.MDC_KEY);
            } else {
                MDC.put(RequestIdFilter.MDC_KEY, previousRequestId);
            }
        }
    }

    /** Counts an unexpected failure; the row stays PENDING for a later round until it has failed too often. */
    private Step failedAttempt(BatchJob job, int line, RuntimeException e) {
        LOG.warn("batch job {} line {} failed unexpectedly", job.id(), line, e);
        try {
            return transactions.executeWrite(status -> {
                Optional<Integer> attempts = jobs.countAttempt(job.id(), line);
                if (attempts.isPresent() && attempts.get() >= MAX_ATTEMPTS) {
                    jobs.markError(job.id(), line, List.of(new FieldError("row", "could not be processed after "
                            + MAX_ATTEMPTS + " attempts (internal error; quote request id " + job.requestId()
                            + ")")), now());
                    jobs.countProcessed(job.id(), true, now());
                    return Step.DONE_ROW;
                }
                return Step.RETRY_LATER;
            });
        } catch (RuntimeException again) {
            LOG.warn("batch job {} line {}: could not record the failed attempt", job.id(), line, again);
            return Step.RETRY_LATER;
        }
    }

    /** Marks the job DONE when no row is PENDING; the last worker to commit a row always gets here after it. */
    void finishIfComplete(BatchJob job) {
        transactions.executeWrite(status -> {
            jobs.finishIfComplete(job.id(), now()).ifPresent(done -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("kind", done.kind().name());
                payload.put("total", done.total());
                payload.put("done", done.done());
                payload.put("failed", done.failed());
                audit.append(done.creator(), "batch.finished", "batch_job", done.id(), done.bankId(), payload);
                events.publish(EventType.BATCH_FINISHED, done.bankId(), null, DomainEvent.data("batchJobId", done.id(),
                        "kind", done.kind().name(), "total", done.total(), "done", done.done(),
                        "failed", done.failed()));
                LOG.info("batch job {} done: {} row(s), {} failed", done.id(), done.total(), done.failed());
            });
            return null;
        });
    }

    private static DomainProblem problemIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainProblem p) {
                return p;
            }
        }
        return null;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
