package com.ipledge.service.identifier;

import java.util.Optional;
import java.util.Set;

/** A GB/T 2260 administrative division code: six digits whose first two name a province-level division. */
public final class RegionCode {
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    private RegionCode() {
    }

    public static Optional<String> problem(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return Optional.of("must be a six-digit GB/T 2260 administrative division code, e.g. 620100");
        }
        if (!PROVINCES.contains(code.substring(0, 2))) {
            return Optional.of("province part " + code.substring(0, 2) + " is not a province-level division");
        }
        return Optional.empty();
    }
}
