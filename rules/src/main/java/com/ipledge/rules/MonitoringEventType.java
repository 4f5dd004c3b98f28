package com.ipledge.rules;

/** Legal-status events on a pledged right (API: POST /monitoring/events). */
public enum MonitoringEventType {
    FEE_OVERDUE, FEE_PAID, LAPSED, RESTORED, INVALIDATION_FILED, INVALIDATION_REJECTED, INVALIDATED, LITIGATION,
    TRANSFERRED, RENEWED
}
