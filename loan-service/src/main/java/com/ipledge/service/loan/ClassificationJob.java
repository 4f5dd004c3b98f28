package com.ipledge.service.loan;

import com.ipledge.service.jobs.JobRunner;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Close of business for the classification: the book re-classified as of the business date, on one instance at a
 * time through {@link JobRunner}. It runs often rather than once at midnight so that a missed night or a late
 * start catches up; a round with nothing moved writes nothing but each loan's date.
 */
@Singleton
@Requires(property = "ipledge.jobs.enabled", notEquals = "false")
public class ClassificationJob {
    private final JobRunner runner;
    private final LoanClassifications classifications;
    private final Clock clock;

    public ClassificationJob(JobRunner runner, LoanClassifications classifications, Clock clock) {
        this.runner = runner;
        this.classifications = classifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${ipledge.jobs.classification-interval:15m}",
            initialDelay = "${ipledge.jobs.classification-initial-delay:45s}")
    void classify() {
        runner.run(LoanClassifications.JOB, () -> classifications.classifyBook(LocalDate.now(clock)));
    }
}
