package com.ipledge.service.loan;

import com.ipledge.service.loan.schedule.RepaymentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An approved IP-pledge loan, from approval to closure. */
public record Loan(UUID id, UUID applicationId, UUID bankId, UUID borrowerId, UUID decisionId, UUID quotaPlanId,
                   BigDecimal principal, BigDecimal annualRate, int termMonths, RepaymentType repaymentType,
                   LoanStatus status, OffsetDateTime approvedAt, OffsetDateTime expiresAt,
                   String pledgeRegistrationNo, LocalDate pledgeRegisteredOn, LocalDate disbursedOn,
                   BigDecimal outstandingPrincipal, LocalDate closedOn, int version) {
}
