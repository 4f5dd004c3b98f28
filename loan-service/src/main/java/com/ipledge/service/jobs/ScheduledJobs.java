package com.ipledge.service.jobs;

import com.ipledge.service.loan.LoanService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** The service's periodic work; each job runs on one instance at a time through {@link JobRunner}. */
@Singleton
@Requires(property = "ipledge.jobs.enabled", notEquals = "false")
public class ScheduledJobs {
    public static final String APPROVAL_EXPIRY = "approval-expiry";

    private final JobRunner runner;
    private final LoanService loans;

    public ScheduledJobs(JobRunner runner, LoanService loans) {
        this.runner = runner;
        this.loans = loans;
    }

    /** Approvals not disbursed in time give their quota back. */
    @Scheduled(fixedDelay = "${ipledge.jobs.approval-expiry-interval:5m}",
            initialDelay = "${ipledge.jobs.approval-expiry-initial-delay:30s}")
    void expireApprovals() {
        runner.run(APPROVAL_EXPIRY, () -> loans.expireApprovals(500));
    }
}
