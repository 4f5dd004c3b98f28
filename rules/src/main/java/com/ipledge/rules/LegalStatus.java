package com.ipledge.rules;

/** Legal status of an IP right as the register (CNIPA) shows it. */
public enum LegalStatus {
    /** Granted or registered and in force. */
    VALID,
    /** Filed but not yet granted or registered: not pledgeable. */
    PENDING,
    /** Annual fee unpaid, inside the 6-month grace period (surcharge due); lapses if not paid. */
    FEE_OVERDUE,
    /** A request for invalidation (无效宣告) is pending. */
    INVALIDATION_FILED,
    /** Ownership or infringement litigation is pending over the right. */
    IN_LITIGATION,
    /** Already pledged to another creditor. */
    PLEDGED,
    /** Ended early, e.g. for unpaid annual fees (终止). */
    LAPSED,
    /** Declared invalid. */
    INVALIDATED,
    /** The term of protection ran out. */
    EXPIRED
}
