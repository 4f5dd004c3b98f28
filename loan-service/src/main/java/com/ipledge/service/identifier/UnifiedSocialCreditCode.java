package com.ipledge.service.identifier;

import java.util.Optional;

/**
 * A firm's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31-symbol alphabet
 * {@code 0-9 A-H J-N P-R T U W-Y}; the last is a check character over the first 17.
 */
public final class UnifiedSocialCreditCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    /** Why {@code code} is not a valid code, or empty when it is one. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("character " + (i + 1) + " ('" + code.charAt(i)
                        + "') is not allowed; use 0-9 and upper-case letters except I, O, S, V, Z");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of("check character should be '" + expected + "', not '" + code.charAt(17) + "'");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The GB 32100-2015 check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
