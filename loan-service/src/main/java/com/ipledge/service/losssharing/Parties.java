package com.ipledge.service.losssharing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The rule base names parties in upper snake case; answers use the short lowerCamel keys of API.md. */
public final class Parties {
    public static final String BANK = "BANK";
    public static final String INSURER = "INSURER";
    public static final String POOL = "RISK_COMPENSATION_POOL";
    public static final String GUARANTOR = "GUARANTOR";
    public static final String GUARANTEE_FUND = "GUARANTEE_FUND";

    private static final Map<String, String> KEYS = Map.of(BANK, "bank", INSURER, "insurer", POOL, "pool",
            GUARANTOR, "guarantor", GUARANTEE_FUND, "guaranteeFund", "APPRAISER", "appraiser",
            "LOCAL_GOVERNMENT", "localGovernment");

    private Parties() {
    }

    /** The same amounts keyed by {@link #key}, in the given order. */
    public static Map<String, BigDecimal> keyed(Map<String, BigDecimal> byParty) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        byParty.forEach((party, amount) -> out.put(key(party), amount));
        return out;
    }

    /** BANK -> bank, RISK_COMPENSATION_POOL -> pool, GUARANTEE_FUND -> guaranteeFund, SOME_PARTY -> someParty. */
    public static String key(String party) {
        String known = KEYS.get(party);
        if (known != null) {
            return known;
        }
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : party.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
