package com.ipledge.service.intake;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/**
 * The officer's confirmation of an intake. Without {@code borrowerId} the firm and its rights are registered anew
 * (refused while the bank has a borrower with that credit code or an asset with one of those numbers); with it the
 * application attaches to that borrower and to the assets on file, and only if every difference is accepted.
 */
@Introspected
public record IntakeConfirmation(@Nullable UUID borrowerId, @Nullable Boolean acceptDifferences) {
}
