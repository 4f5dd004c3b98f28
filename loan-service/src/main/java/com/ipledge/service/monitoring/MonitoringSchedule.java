package com.ipledge.service.monitoring;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Runs the monitoring jobs periodically (one instance at a time; both are idempotent). */
@Singleton
@Requires(property = "ipledge.jobs.enabled", notEquals = "false")
public class MonitoringSchedule {
    private final MonitoringJobs jobs;

    public MonitoringSchedule(MonitoringJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "${ipledge.jobs.monitoring-due-dates-interval:6h}", initialDelay = "2m")
    void dueDates() {
        jobs.runDueDateWarnings();
    }

    @Scheduled(fixedDelay = "${ipledge.jobs.monitoring-revaluation-interval:24h}", initialDelay = "5m")
    void revaluation() {
        jobs.runRevaluation();
    }
}
