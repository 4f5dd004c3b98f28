package com.ipledge.service.batch;

import com.ipledge.service.problem.FieldError;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One data row of a batch: its file line, its values as one CSV line, and once processed its outcome. */
public record BatchRow(UUID jobId, int line, String raw, String inputKey, Status status, int attempts, UUID entityId,
                       String entityStatus, BigDecimal reconciledValue, BigDecimal collateralValue,
                       List<FieldError> errors, OffsetDateTime processedAt) {

    public enum Status { PENDING, OK, ERROR }
}
