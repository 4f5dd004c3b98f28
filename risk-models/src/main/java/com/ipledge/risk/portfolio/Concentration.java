package com.ipledge.risk.portfolio;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Herfindahl-Hirschman index of exposure: the sum of squared shares, 1/n for n equal parts, 1 for a single one. */
public final class Concentration {
    static final String UNSPECIFIED = "UNSPECIFIED";

    private Concentration() {
    }

    public static double herfindahl(Collection<BigDecimal> exposures) {
        double total = 0.0;
        for (BigDecimal e : exposures) {
            total += e.doubleValue();
        }
        if (total <= 0.0) {
            return 0.0;
        }
        double hhi = 0.0;
        for (BigDecimal e : exposures) {
            double share = e.doubleValue() / total;
            hhi += share * share;
        }
        return hhi;
    }

    /** HHI of the exposures' EAD grouped by one tag. */
    public static double herfindahl(List<Exposure> exposures, Tag tag) {
        return herfindahl(exposureByLevel(exposures, tag).values());
    }

    public static Map<String, BigDecimal> exposureByLevel(List<Exposure> exposures, Tag tag) {
        Map<String, BigDecimal> byLevel = new LinkedHashMap<>();
        for (Exposure e : exposures) {
            String level = e.tag(tag) == null ? UNSPECIFIED : e.tag(tag);
            byLevel.merge(level, e.ead(), BigDecimal::add);
        }
        return byLevel;
    }
}
