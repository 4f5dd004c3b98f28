package com.ipledge.service.loan;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The life of an approved loan; {@link #next()} is the whole transition table. */
public enum LoanStatus {
    APPROVED, PLEDGE_REGISTERED, DISBURSED, REPAYING, CLOSED, DEFAULTED, WITHDRAWN, EXPIRED;

    public Set<LoanStatus> next() {
        return switch (this) {
            case APPROVED -> EnumSet.of(PLEDGE_REGISTERED, WITHDRAWN, EXPIRED);
            case PLEDGE_REGISTERED -> EnumSet.of(DISBURSED, WITHDRAWN, EXPIRED);
            case DISBURSED -> EnumSet.of(REPAYING, CLOSED, DEFAULTED);
            case REPAYING -> EnumSet.of(REPAYING, CLOSED, DEFAULTED);
            case CLOSED, DEFAULTED, WITHDRAWN, EXPIRED -> EnumSet.noneOf(LoanStatus.class);
        };
    }

    /** The statuses of the book (live and defaulted): what balances, NPL ratios and classification count. */
    public static final List<String> BOOK = List.of(DISBURSED.name(), REPAYING.name(), DEFAULTED.name());

    public boolean isLive() {
        return this == DISBURSED || this == REPAYING;
    }

    public boolean isInBook() {
        return isLive() || this == DEFAULTED;
    }

    /** Quota is still reserved (approved, not yet drawn or given back). */
    public boolean holdsReservation() {
        return this == APPROVED || this == PLEDGE_REGISTERED;
    }
}
