package com.ipledge.rules;

import java.time.LocalDate;

/** A legal-status event on one pledged right (API: POST /monitoring/events). */
public record LegalStatusEvent(String assetId, IpType assetType, MonitoringEventType type, LocalDate occurredOn) {
}
