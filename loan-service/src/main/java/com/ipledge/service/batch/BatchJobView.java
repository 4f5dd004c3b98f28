package com.ipledge.service.batch;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A batch job as {@code GET /batch-jobs/{id}} answers it: progress ({@code done} of {@code total} rows processed,
 * {@code succeeded} + {@code failed} = {@code done}), the first 20 row errors
 * ({@code moreErrors} when there are more: the results CSV has them all) and links. Lists leave {@code errors} out.
 */
@Introspected
public record BatchJobView(UUID id, BatchKind kind, BatchJob.Status status, int total, int done, int succeeded,
                           int failed, @Nullable List<RowError> errors, @Nullable Boolean moreErrors,
                           @Nullable UUID bankId, UUID createdBy, @Nullable String requestId,
                           OffsetDateTime createdAt, @Nullable OffsetDateTime startedAt,
                           @Nullable OffsetDateTime finishedAt, Links links) {

    /** One bad field of one row: {@code line} is the file line the row starts on (the header is line 1). */
    @Introspected
    public record RowError(int line, String field, String message) {
    }

    @Introspected
    public record Links(String self, String results) {
    }

    static BatchJobView of(BatchJob j, List<RowError> errors, Boolean moreErrors) {
        String self = "/api/v1/batch-jobs/" + j.id();
        return new BatchJobView(j.id(), j.kind(), j.status(), j.total(), j.done(), j.done() - j.failed(), j.failed(),
                errors, moreErrors, j.bankId(), j.createdBy(), j.requestId(), j.createdAt(), j.startedAt(),
                j.finishedAt(), new Links(self, self + "/results"));
    }
}
