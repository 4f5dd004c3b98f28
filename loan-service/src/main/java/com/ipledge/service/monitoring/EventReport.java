package com.ipledge.service.monitoring;

import com.ipledge.rules.MonitoringEventType;
import com.ipledge.service.ipasset.IpType;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /monitoring/events}: one event ({@code assetNumber, type, occurredOn, assetType?}) or a
 * batch ({@code events: [...]}), never both.
 */
@Introspected
public record EventReport(@Nullable String assetNumber, @Nullable MonitoringEventType type,
                          @Nullable LocalDate occurredOn, @Nullable IpType assetType,
                          @Nullable List<Event> events) {

    /** One legal-status event on an IP right as a registry (or the bank) reports it. */
    @Introspected
    public record Event(@Nullable String assetNumber, @Nullable MonitoringEventType type,
                        @Nullable LocalDate occurredOn, @Nullable IpType assetType) {
    }

    boolean isBatch() {
        return events != null;
    }
}
