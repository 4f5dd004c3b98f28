package com.ipledge.service.intake;

import com.ipledge.service.borrower.NewBorrower;
import com.ipledge.service.ipasset.IpType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored public-form filing: the facts as the firm typed them (checked, numbers canonical) and its fate;
 * {@code reference} is the short code a person reads out on the phone (see {@link IntakeReferences}).
 */
public record PublicIntake(UUID id, String reference, UUID bankId, IntakeStatus status, NewBorrower firm, List<Asset> assets,
                           BigDecimal requestedAmount, int termMonths, String purpose, String contactName,
                           String contactPhone, String clientAddress, OffsetDateTime submittedAt,
                           OffsetDateTime decidedAt, UUID decidedBy, String rejectReason, UUID borrowerId,
                           UUID applicationId) {
    /** A right as typed; {@code position} is its row on the form. */
    public record Asset(int position, IpType type, String number, String title, LocalDate filingDate,
                        LocalDate grantDate, LocalDate registrationDate, List<Integer> niceClasses) {
    }
}
