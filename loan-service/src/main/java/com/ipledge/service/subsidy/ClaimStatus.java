package com.ipledge.service.subsidy;

/** A quarterly subsidy claim: filed by the bank (its amount committed against the budget), then decided and paid. */
public enum ClaimStatus {
    FILED, APPROVED, REFUSED, PAID
}
