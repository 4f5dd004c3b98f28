package com.ipledge.valuation;

/** Where the right stands at the valuation date. */
public enum LegalStatus {
    /** Application filed, not yet granted or registered. */
    PENDING,
    /** Granted patent or registered mark, fees paid. */
    IN_FORCE,
    /** Annual fee (or renewal) overdue but inside the grace period. */
    FEE_OVERDUE,
    /** A request for invalidation (or cancellation of a mark) is pending. */
    INVALIDATION_FILED,
    /** Ended for unpaid fees: collateral lost, cannot be valued. */
    LAPSED,
    /** Declared invalid: collateral lost, cannot be valued. */
    INVALIDATED;

    /** Whether there is still a right to value. */
    public boolean isValuable() {
        return this != LAPSED && this != INVALIDATED;
    }
}
