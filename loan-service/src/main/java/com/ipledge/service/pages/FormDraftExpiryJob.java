package com.ipledge.service.pages;

import com.ipledge.service.jobs.JobRunner;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Deletes the SME form's drafts past their two hours (names, phone numbers and credit codes a visitor typed and
 * left), whether or not anyone keeps a new draft; one instance at a time through {@link JobRunner}.
 */
@Singleton
@Requires(property = "ipledge.jobs.enabled", notEquals = "false")
class FormDraftExpiryJob {
    static final String NAME = "form-draft-expiry";

    private final JobRunner runner;
    private final FormDrafts drafts;
    private final Clock clock;

    FormDraftExpiryJob(JobRunner runner, FormDrafts drafts, Clock clock) {
        this.runner = runner;
        this.drafts = drafts;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${ipledge.jobs.form-draft-expiry-interval:10m}", initialDelay = "1m")
    void deleteExpired() {
        runner.run(NAME, () -> drafts.deleteExpired(OffsetDateTime.now(clock)));
    }
}
