package com.ipledge.service.loan;

import com.ipledge.service.jobs.JobRunner;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Approvals not disbursed in time give their quota back; one instance at a time through {@link JobRunner}. */
@Singleton
@Requires(property = "ipledge.jobs.enabled", notEquals = "false")
public class ApprovalExpiryJob {
    public static final String NAME = "approval-expiry";

    private final JobRunner runner;
    private final LoanService loans;

    public ApprovalExpiryJob(JobRunner runner, LoanService loans) {
        this.runner = runner;
        this.loans = loans;
    }

    @Scheduled(fixedDelay = "${ipledge.jobs.approval-expiry-interval:5m}",
            initialDelay = "${ipledge.jobs.approval-expiry-initial-delay:30s}")
    void expireApprovals() {
        runner.run(NAME, () -> loans.expireApprovals(500));
    }
}
