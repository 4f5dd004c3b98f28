package com.ipledge.service.loan;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A request to license or transfer a pledged right, which needs the pledgee's consent (Civil Code art. 444), and
 * what becomes of its proceeds: they prepay the loan, or go to the escrow account named here.
 */
@Introspected
public record PledgeConsent(UUID id, UUID loanId, Kind kind, String counterparty, BigDecimal proceeds,
                            ProceedsUse proceedsUse, @Nullable String escrowAccount, Status status,
                            UUID requestedBy, OffsetDateTime requestedAt, @Nullable UUID decidedBy,
                            @Nullable OffsetDateTime decidedAt, @Nullable String note) {

    public enum Kind {
        LICENCE, TRANSFER
    }

    public enum ProceedsUse {
        PREPAY, ESCROW
    }

    public enum Status {
        REQUESTED, APPROVED, REFUSED
    }
}
