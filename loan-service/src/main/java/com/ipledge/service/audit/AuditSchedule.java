package com.ipledge.service.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Seals the audit log about every second on every instance that runs it; the job runner's advisory lock lets one
 * instance seal at a time, the others skip the round. Independent of {@code ipledge.jobs.enabled}: the log must
 * be sealed wherever entries are written ({@code ipledge.audit.sealer-enabled=false} turns it off, e.g. for a
 * read-only replica).
 */
@Singleton
@Requires(property = "ipledge.audit.sealer-enabled", notEquals = "false")
public class AuditSchedule {
    private final AuditSealer sealer;

    public AuditSchedule(AuditSealer sealer) {
        this.sealer = sealer;
    }

    @Scheduled(fixedDelay = "${ipledge.audit.seal-interval:1s}", initialDelay = "${ipledge.audit.seal-interval:1s}")
    void seal() {
        sealer.sealRound();
    }
}
