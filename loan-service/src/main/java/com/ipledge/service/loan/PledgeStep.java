package com.ipledge.service.loan;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One step of a pledge on the register, with the registry's number and date and the certificate.
 *
 * @param debtAmount the secured debt as registered by this step (yuan); null when the step did not touch it
 * @param debtEndsOn the day the secured debt falls due as registered by this step; null when untouched
 */
@Introspected
public record PledgeStep(UUID id, Kind step, String registrationNo, LocalDate registeredOn,
                         @Nullable String certificateNo, @Nullable BigDecimal debtAmount,
                         @Nullable LocalDate debtEndsOn, @Nullable String reason, String recordedBy,
                         OffsetDateTime recordedAt) {

    /** 质押登记 / 变更 / 续展 / 注销. */
    public enum Kind {
        REGISTERED, CHANGED, EXTENDED, RELEASED
    }
}
