package com.ipledge.service.batch;

import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Role;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One uploaded batch: its kind, the CSV header it was uploaded with, its counters ({@code done} counts every
 * processed row, OK or ERROR; {@code failed} the ERROR ones) and who uploaded it: the rows run as that caller.
 */
public record BatchJob(UUID id, UUID bankId, BatchKind kind, Status status, List<String> header, int total, int done,
                       int failed, UUID createdBy, Role createdByRole, String requestId, OffsetDateTime createdAt,
                       OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    public enum Status { QUEUED, RUNNING, DONE }

    /** The uploader, as the rows' services see it: same principal, role and bank scope. */
    public Caller creator() {
        return new Caller(createdBy, createdByRole, bankId);
    }
}
