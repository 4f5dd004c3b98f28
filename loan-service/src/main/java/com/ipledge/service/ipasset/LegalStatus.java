package com.ipledge.service.ipasset;

/**
 * Where an IP right stands with the registry. FEE_OVERDUE is the six-month grace period after a missed annual fee;
 * LAPSED, INVALIDATED and EXPIRED rights are gone as collateral.
 */
public enum LegalStatus {
    VALID, FEE_OVERDUE, PLEDGED, INVALIDATION_FILED, INVALIDATED, LAPSED, EXPIRED
}
