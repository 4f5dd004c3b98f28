package com.ipledge.service.identifier;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CN patent application number: {@code YYYY T NNNNNNN . C} since 2003 (12 digits) or {@code YY T NNNNN . C}
 * before (8 digits), optionally prefixed {@code ZL} once granted. T is the type digit; C is a check character:
 * weights 2,3,4,5,6,7,8,9,2,3,4,5 (old form 2..9) on the digits, sum mod 11, 10 written X.
 */
public record PatentNumber(String digits, char check) {
    public enum Kind { INVENTION, UTILITY_MODEL, DESIGN }

    private static final Pattern SHAPE = Pattern.compile("(?:ZL|CN)?(\\d{12}|\\d{8})\\.([0-9X])");

    /** Parses the number or explains what is wrong with it. */
    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return Result.error("is required");
        }
        String s = text.strip().toUpperCase().replace(" ", "");
        Matcher m = SHAPE.matcher(s);
        if (!m.matches()) {
            return Result.error("must be a CN patent application number such as ZL201710601862.3 "
                    + "(12 digits, or 8 before 2003, a dot and the check character)");
        }
        String digits = m.group(1);
        char check = m.group(2).charAt(0);
        char expected = checkCharacter(digits);
        if (check != expected) {
            return Result.error("check character should be " + expected + ", not " + check);
        }
        PatentNumber number = new PatentNumber(digits, check);
        if (number.kind().isEmpty()) {
            return Result.error("type digit " + number.typeDigit() + " is not 1, 2, 3, 8 or 9");
        }
        int year = number.filingYear();
        if (digits.length() == 12 && (year < 2003 || year > LocalDate.now(com.ipledge.service.TimeFactory.BUSINESS_ZONE).getYear() + 1)) {
            return Result.error("year " + year + " is not a plausible filing year for a 12-digit number");
        }
        if (digits.length() == 8 && year > 2003) {
            return Result.error("8-digit numbers were issued before 2003 only");
        }
        return new Result(Optional.of(number), Optional.empty());
    }

    public static char checkCharacter(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * (2 + i % 8);
        }
        int check = sum % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    public char typeDigit() {
        return digits.charAt(digits.length() == 12 ? 4 : 2);
    }

    /** 1 and 8 (PCT) are inventions, 2 and 9 (PCT) utility models, 3 designs. */
    public Optional<Kind> kind() {
        return switch (typeDigit()) {
            case '1', '8' -> Optional.of(Kind.INVENTION);
            case '2', '9' -> Optional.of(Kind.UTILITY_MODEL);
            case '3' -> Optional.of(Kind.DESIGN);
            default -> Optional.empty();
        };
    }

    public int filingYear() {
        if (digits.length() == 12) {
            return Integer.parseInt(digits.substring(0, 4));
        }
        int yy = Integer.parseInt(digits.substring(0, 2));
        return yy >= 85 ? 1900 + yy : 2000 + yy;
    }

    /** The canonical form stored and shown: digits, dot, check; no ZL prefix. */
    public String canonical() {
        return digits + "." + check;
    }

    public record Result(Optional<PatentNumber> number, Optional<String> problem) {
        static Result error(String message) {
            return new Result(Optional.empty(), Optional.of(message));
        }
    }
}
