package com.ipledge.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Legal-status events on a pledged right (API: POST /monitoring/events). Events the CNIPA gazette publishes carry
 * its code (PP01 a court preservation, TR01 a transfer, ...); a report may name an event by either.
 */
public enum MonitoringEventType {
    FEE_OVERDUE(null), FEE_PAID(null), LAPSED(null), RESTORED("RR01"), INVALIDATION_FILED(null),
    INVALIDATION_REJECTED(null), INVALIDATED("IW01"), LITIGATION(null), TRANSFERRED("TR01"), RENEWED(null),
    /** 质押登记生效: a pledge over the right took effect. */
    PLEDGE_EFFECTIVE("PE01"),
    /** 质押登记变更: a registered pledge changed (debt amount or term). */
    PLEDGE_CHANGED("PM01"),
    /** 质押登记注销: a registered pledge was cancelled. */
    PLEDGE_CANCELLED("PC01"),
    /** 财产保全: a court froze the right. */
    PRESERVATION("PP01"),
    /** 保全解除: the court lifted its freeze. */
    PRESERVATION_LIFTED("PD01"),
    /** 实施许可合同备案生效: a licence of the right was recorded. */
    LICENCE_RECORDED("EE01"),
    /** 实施许可合同备案变更: a recorded licence changed. */
    LICENCE_CHANGED("EM01");

    private final String gazetteCode;

    MonitoringEventType(String gazetteCode) {
        this.gazetteCode = gazetteCode;
    }

    /** The CNIPA gazette's code for this event, or null when the gazette publishes none. */
    public String gazetteCode() {
        return gazetteCode;
    }

    /** The event a name ({@code PRESERVATION}) or a gazette code ({@code PP01}) denotes, in any letter case. */
    public static Optional<MonitoringEventType> parse(String nameOrCode) {
        if (nameOrCode == null) {
            return Optional.empty();
        }
        String s = nameOrCode.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(s) || s.equals(t.gazetteCode)).findFirst();
    }
}
