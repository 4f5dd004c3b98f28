package com.ipledge.service.monitoring;

import java.util.EnumSet;
import java.util.Set;

/** An alert's life: raised OPEN, ACKNOWLEDGED by the bank, RESOLVED once handled. {@link #next()} is the table. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public Set<AlertStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(ACKNOWLEDGED, RESOLVED);
            case ACKNOWLEDGED -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.noneOf(AlertStatus.class);
        };
    }

    /** The statuses from which {@code target} can be reached. */
    public static Set<AlertStatus> from(AlertStatus target) {
        Set<AlertStatus> from = EnumSet.noneOf(AlertStatus.class);
        for (AlertStatus s : values()) {
            if (s.next().contains(target)) {
                from.add(s);
            }
        }
        return from;
    }
}
