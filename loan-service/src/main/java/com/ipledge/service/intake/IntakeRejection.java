package com.ipledge.service.intake;

import io.micronaut.core.annotation.Introspected;

/** Why the bank turns an intake down; the applicant's status page says it was not accepted. */
@Introspected
public record IntakeRejection(String reason) {
}
