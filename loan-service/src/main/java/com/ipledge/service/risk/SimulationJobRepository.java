package com.ipledge.service.risk;

import static com.ipledge.service.db.Tables.PORTFOLIO_SIMULATION_JOB;

import com.ipledge.service.db.tables.records.PortfolioSimulationJobRecord;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

/** The portfolio_simulation_job table; every statement is a transaction of its own. */
@Singleton
@Transactional
class SimulationJobRepository {
    /** A claimed job: what the driver needs to run it. */
    record Claimed(UUID id, String request, int attempts) {
    }

    private final DSLContext db;

    SimulationJobRepository(DSLContext db) {
        this.db = db;
    }

    void insert(UUID id, UUID bankId, String request, int exposures, int scenarios, UUID createdBy, String role,
                OffsetDateTime now) {
        db.insertInto(PORTFOLIO_SIMULATION_JOB)
                .set(PORTFOLIO_SIMULATION_JOB.ID, id)
                .set(PORTFOLIO_SIMULATION_JOB.BANK_ID, bankId)
                .set(PORTFOLIO_SIMULATION_JOB.STATUS, SimulationJob.Status.QUEUED.name())
                .set(PORTFOLIO_SIMULATION_JOB.REQUEST, request)
                .set(PORTFOLIO_SIMULATION_JOB.EXPOSURES, exposures)
                .set(PORTFOLIO_SIMULATION_JOB.SCENARIOS, scenarios)
                .set(PORTFOLIO_SIMULATION_JOB.SCENARIOS_DONE, 0L)
                .set(PORTFOLIO_SIMULATION_JOB.ATTEMPTS, 0)
                .set(PORTFOLIO_SIMULATION_JOB.CREATED_BY, createdBy)
                .set(PORTFOLIO_SIMULATION_JOB.CREATED_BY_ROLE, role)
                .set(PORTFOLIO_SIMULATION_JOB.CREATED_AT, now)
                .execute();
    }

    /** The job, if {@code bankId} may see it: a bank its own bank's jobs, the bureau the jobs of no bank. */
    Optional<SimulationJob> find(UUID id, UUID bankId) {
        return db.selectFrom(PORTFOLIO_SIMULATION_JOB)
                .where(PORTFOLIO_SIMULATION_JOB.ID.eq(id))
                .and(bankId == null ? PORTFOLIO_SIMULATION_JOB.BANK_ID.isNull()
                        : PORTFOLIO_SIMULATION_JOB.BANK_ID.eq(bankId))
                .fetchOptional(SimulationJobRepository::toJob);
    }

    /**
     * Claims the oldest QUEUED job, or a RUNNING one whose heartbeat is older than {@code staleBefore} (its
     * instance died), in one statement; SKIP LOCKED lets instances claim side by side.
     */
    Optional<Claimed> claim(OffsetDateTime now, OffsetDateTime staleBefore) {
        var next = db.select(PORTFOLIO_SIMULATION_JOB.ID).from(PORTFOLIO_SIMULATION_JOB)
                .where(PORTFOLIO_SIMULATION_JOB.STATUS.eq(SimulationJob.Status.QUEUED.name())
                        .or(PORTFOLIO_SIMULATION_JOB.STATUS.eq(SimulationJob.Status.RUNNING.name())
                                .and(PORTFOLIO_SIMULATION_JOB.HEARTBEAT_AT.lt(staleBefore))))
                .orderBy(PORTFOLIO_SIMULATION_JOB.CREATED_AT)
                .limit(1)
                .forUpdate().skipLocked();
        return db.update(PORTFOLIO_SIMULATION_JOB)
                .set(PORTFOLIO_SIMULATION_JOB.STATUS, SimulationJob.Status.RUNNING.name())
                .set(PORTFOLIO_SIMULATION_JOB.ATTEMPTS, PORTFOLIO_SIMULATION_JOB.ATTEMPTS.plus(1))
                .set(PORTFOLIO_SIMULATION_JOB.SCENARIOS_DONE, 0L)
                .set(PORTFOLIO_SIMULATION_JOB.STARTED_AT, now)
                .set(PORTFOLIO_SIMULATION_JOB.HEARTBEAT_AT, now)
                .where(PORTFOLIO_SIMULATION_JOB.ID.eq(next))
                .returning(PORTFOLIO_SIMULATION_JOB.ID, PORTFOLIO_SIMULATION_JOB.REQUEST,
                        PORTFOLIO_SIMULATION_JOB.ATTEMPTS)
                .fetchOptional()
                .map(r -> new Claimed(r.getId(), r.getRequest(), r.getAttempts()));
    }

    /** Progress and heartbeat of a running job (only while this attempt still owns it). */
    void progress(UUID id, int attempt, long scenariosDone, OffsetDateTime now) {
        db.update(PORTFOLIO_SIMULATION_JOB)
                .set(PORTFOLIO_SIMULATION_JOB.SCENARIOS_DONE, scenariosDone)
                .set(PORTFOLIO_SIMULATION_JOB.HEARTBEAT_AT, now)
                .where(PORTFOLIO_SIMULATION_JOB.ID.eq(id))
                .and(PORTFOLIO_SIMULATION_JOB.ATTEMPTS.eq(attempt))
                .and(PORTFOLIO_SIMULATION_JOB.STATUS.eq(SimulationJob.Status.RUNNING.name()))
                .execute();
    }

    void finish(UUID id, int attempt, SimulationJob.Status status, String result, String error, long jobMillis,
                long scenariosDone, OffsetDateTime now) {
        db.update(PORTFOLIO_SIMULATION_JOB)
                .set(PORTFOLIO_SIMULATION_JOB.STATUS, status.name())
                .set(PORTFOLIO_SIMULATION_JOB.RESULT, result)
                .set(PORTFOLIO_SIMULATION_JOB.ERROR, error)
                .set(PORTFOLIO_SIMULATION_JOB.JOB_MILLIS, jobMillis)
                .set(PORTFOLIO_SIMULATION_JOB.SCENARIOS_DONE, scenariosDone)
                .set(PORTFOLIO_SIMULATION_JOB.HEARTBEAT_AT, now)
                .set(PORTFOLIO_SIMULATION_JOB.FINISHED_AT, now)
                .where(PORTFOLIO_SIMULATION_JOB.ID.eq(id))
                .and(PORTFOLIO_SIMULATION_JOB.ATTEMPTS.eq(attempt))
                .and(PORTFOLIO_SIMULATION_JOB.STATUS.eq(SimulationJob.Status.RUNNING.name()))
                .execute();
    }

    private static SimulationJob toJob(PortfolioSimulationJobRecord r) {
        return new SimulationJob(r.getId(), r.getBankId(), SimulationJob.Status.valueOf(r.getStatus()),
                r.getExposures(), r.getScenarios(), r.getScenariosDone(), r.getAttempts(), r.getResult(),
                r.getError(), r.getJobMillis(), r.getCreatedBy(), r.getCreatedAt(), r.getStartedAt(),
                r.getFinishedAt());
    }
}
