package com.ipledge.service.batch;

import java.util.UUID;

/** Published after an upload's transaction has committed, so that a worker can start on it at once. */
public record BatchJobCreated(UUID jobId) {
}
