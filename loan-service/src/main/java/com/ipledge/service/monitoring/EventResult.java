package com.ipledge.service.monitoring;

import com.ipledge.service.ipasset.LegalStatus;
import com.ipledge.service.problem.FieldError;
import io.micronaut.core.annotation.Introspected;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What became of one reported event.
 *
 * @param index    its position in the batch (0 for a single event)
 * @param line     its line in a CSV upload (the header is line 1); null for JSON
 * @param outcome  RECORDED (stored and applied), DUPLICATE (reported before by the same source: nothing new) or
 *                 REJECTED (not stored; see {@code errors})
 * @param assets   the caller's assets (every bank's for the bureau) under this number, and what changed
 * @param alerts   the alerts this event raised
 */
@Introspected
public record EventResult(int index, Integer line, String outcome, boolean duplicate, UUID eventId,
                          String assetNumber, String type, LocalDate occurredOn, List<AssetChange> assets,
                          List<LoanAlert> alerts, List<FieldError> errors) {
    public static final String RECORDED = "RECORDED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String REJECTED = "REJECTED";

    /** One matched asset: its legal status before and after, its expiry, and the live loans it secures. */
    @Introspected
    public record AssetChange(UUID assetId, UUID bankId, String assetType, LegalStatus previousStatus,
                              LegalStatus legalStatus, LocalDate expiresOn, List<UUID> loans) {
    }

    /** The answer to a batch (JSON {@code events} or CSV): counts, then one result per event in order. */
    @Introspected
    public record Batch(int received, int recorded, int duplicates, int rejected, int alertsRaised,
                        List<EventResult> results) {
    }
}
