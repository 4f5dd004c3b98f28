package com.ipledge.service.identifier;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.regex.Pattern;

/** CN trademark registration numbers (digits, no leading zero) and their Nice classes (1-45). */
public final class TrademarkNumber {
    private static final Pattern DIGITS = Pattern.compile("[1-9]\\d{0,9}");

    private TrademarkNumber() {
    }

    public static Optional<String> problem(String number) {
        if (number == null || !DIGITS.matcher(number.strip()).matches()) {
            return Optional.of("must be a trademark registration number: 1-10 digits, no leading zero");
        }
        return Optional.empty();
    }

    /** Why a set of Nice classes is unacceptable, or empty when every class is in 1-45 and none repeats. */
    public static Optional<String> niceClassesProblem(Collection<Integer> classes) {
        if (classes == null || classes.isEmpty()) {
            return Optional.of("at least one Nice class (1-45) is required for a mark");
        }
        HashSet<Integer> seen = new HashSet<>();
        for (Integer c : classes) {
            if (c == null || c < 1 || c > 45) {
                return Optional.of("Nice classes run from 1 to 45; " + c + " is not one");
            }
            if (!seen.add(c)) {
                return Optional.of("class " + c + " is listed twice");
            }
        }
        return Optional.empty();
    }
}
