package com.ipledge.service.batch;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code ipledge.batch.*}: how much one bank may have queued (rows still to work, and Monte Carlo paths of its
 * valuation rows) and how many workers an instance runs. The defaults live once, in application.yml.
 */
@ConfigurationProperties("ipledge.batch")
record BatchSettings(long maxQueuedRowsPerBank, long maxQueuedPathsPerBank, int threads) {
    BatchSettings {
        threads = Math.max(1, threads);
    }
}
