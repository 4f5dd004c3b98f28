package com.ipledge.rules.sme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GB/T 4754-2017 industry code: a section letter (A-T) and optionally a division (2 digits), group (3) or
 * class (4), e.g. {@code C3911}. The division must belong to the section.
 */
public record IndustryCode(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-T](\\d{2}(\\d{1,2})?)?");
    /** First and last division of each section A..T in GB/T 4754-2017. */
    private static final int[][] DIVISIONS = {
        {1, 5}, {6, 12}, {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65}, {66, 69},
        {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90}, {91, 96}, {97, 97}
    };

    public IndustryCode {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Why {@code text} is not a GB/T 4754-2017 code, or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return Optional.of("must be a GB/T 4754-2017 code: a section letter A-T and up to four digits, e.g. C3911");
        }
        if (text.length() >= 3) {
            int division = Integer.parseInt(text.substring(1, 3));
            int[] range = DIVISIONS[text.charAt(0) - 'A'];
            if (division < range[0] || division > range[1]) {
                return Optional.of(String.format("division %02d is not in section %c (divisions %02d-%02d)",
                        division, text.charAt(0), range[0], range[1]));
            }
        }
        return Optional.empty();
    }

    public char section() {
        return value.charAt(0);
    }

    /**
     * The keys a policy table is looked up by for {@code code}, most specific first: its division ({@code C27}) and
     * its section ({@code C}); empty for no code. The caller adds its own catch-all.
     */
    public static List<String> divisionThenSection(String code) {
        List<String> keys = new ArrayList<>();
        if (code != null && code.length() >= 3) {
            keys.add(code.substring(0, 3));
        }
        if (code != null && !code.isEmpty()) {
            keys.add(code.substring(0, 1));
        }
        return keys;
    }
}
