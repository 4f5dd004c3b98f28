package com.ipledge.service.risk;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A portfolio simulation run as a job (issue 22): too large to answer while the caller waits. {@code result} is
 * the answer's JSON once DONE; {@code jobMillis} the simulation's own time.
 */
record SimulationJob(UUID id, UUID bankId, Status status, int exposures, int scenarios, long scenariosDone,
                     int attempts, String result, String error, Long jobMillis, UUID createdBy,
                     OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    enum Status { QUEUED, RUNNING, DONE, FAILED }
}
