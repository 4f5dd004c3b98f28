package com.ipledge.service.risk;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A portfolio simulation job as {@code GET /api/v1/risk/portfolio-simulations/{id}} shows it: {@code status}
 * (QUEUED, RUNNING, DONE, FAILED), progress in scenarios, and once DONE the {@code result}, exactly the body a
 * synchronous simulation answers; {@code jobMillis} is the simulation's own time (queueing excluded).
 */
public record SimulationJobView(UUID id, String status, int exposures, int scenarios, long scenariosDone,
                                double progress, int attempts, OffsetDateTime createdAt, OffsetDateTime startedAt,
                                OffsetDateTime finishedAt, Long jobMillis, @JsonRawValue String result,
                                String error) {

    static SimulationJobView of(SimulationJob j) {
        double progress = j.status() == SimulationJob.Status.DONE ? 1.0
                : j.scenarios() == 0 ? 0.0 : Math.min(1.0, (double) j.scenariosDone() / j.scenarios());
        return new SimulationJobView(j.id(), j.status().name(), j.exposures(), j.scenarios(), j.scenariosDone(),
                progress, j.attempts(), j.createdAt(), j.startedAt(), j.finishedAt(), j.jobMillis(), j.result(),
                j.error());
    }
}
