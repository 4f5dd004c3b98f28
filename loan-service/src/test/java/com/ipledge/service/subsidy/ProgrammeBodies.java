package com.ipledge.service.subsidy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/v1/subsidy-programmes} the subsidy tests start from; each test changes what it tests. */
final class ProgrammeBodies {
    private ProgrammeBodies() {
    }

    /**
     * Invention patents only, IP at least half the collateral; half the interest at a rate counted at most LPR + 40 %,
     * 100,000.00 a firm a year; each fee half-subsidised up to {@code feeCap}.
     */
    static Map<String, Object> of(String code, String name, LocalDate validFrom, LocalDate validTo, String budget,
                                  String feeCap) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", code);
        p.put("name", name);
        p.put("validFrom", validFrom.toString());
        p.put("validTo", validTo.toString());
        p.put("budget", budget);
        p.put("interestShare", "0.5");
        p.put("rateCapMarkup", "0.4");
        p.put("interestCapPerFirmYear", "100000.00");
        p.put("minIpShare", "0.5");
        p.put("eligibleIpTypes", List.of("INVENTION_PATENT"));
        p.put("guaranteeFeeShare", "0.5");
        p.put("guaranteeFeeCap", feeCap);
        p.put("insuranceFeeShare", "0.5");
        p.put("insuranceFeeCap", feeCap);
        p.put("valuationFeeShare", "0.5");
        p.put("valuationFeeCap", feeCap);
        return p;
    }
}
