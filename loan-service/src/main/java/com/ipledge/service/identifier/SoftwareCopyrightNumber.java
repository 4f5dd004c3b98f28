package com.ipledge.service.identifier;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A computer-software copyright registration number (软件登记号): the registration year, {@code SR} and a sequence
 * of 6 digits before 2019 ({@code 2016SR041877}), 7 from 2019 ({@code 2019SR0322683}). The certificate has a number
 * of its own, {@code 软著登字第N号}.
 */
public record SoftwareCopyrightNumber(int year, String sequence) {
    private static final Pattern SHAPE = Pattern.compile("(\\d{4})SR(\\d+)");
    private static final Pattern CERTIFICATE = Pattern.compile("软著登字第(\\d{1,8})号");
    private static final int FIRST_YEAR = 1992;
    private static final int SEVEN_DIGITS_FROM = 2019;

    /** Parses the number (any case of SR) or explains what is wrong with it. */
    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return Result.error("is required");
        }
        Matcher m = SHAPE.matcher(text.strip().toUpperCase());
        if (!m.matches()) {
            return Result.error("must be a software registration number: the year, SR and the sequence, e.g. "
                    + "2016SR041877 (6 digits before 2019) or 2019SR0322683 (7 from 2019)");
        }
        int year = Integer.parseInt(m.group(1));
        int thisYear = LocalDate.now(com.ipledge.service.TimeFactory.BUSINESS_ZONE).getYear();
        if (year < FIRST_YEAR || year > thisYear) {
            return Result.error("year " + year + " is not a plausible registration year");
        }
        int digits = m.group(2).length();
        int expected = year < SEVEN_DIGITS_FROM ? 6 : 7;
        if (digits != expected) {
            return Result.error("numbers registered " + (year < SEVEN_DIGITS_FROM ? "before" : "from") + " 2019 have "
                    + expected + " digits after SR, this one has " + digits);
        }
        return new Result(Optional.of(new SoftwareCopyrightNumber(year, m.group(2))), Optional.empty());
    }

    /** Why a certificate number is not of the form 软著登字第N号, or empty. */
    public static Optional<String> certificateProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("is required: the certificate's number, 软著登字第N号");
        }
        if (!CERTIFICATE.matcher(text.strip()).matches()) {
            return Optional.of("must read 软著登字第N号 with N the certificate's serial (up to 8 digits)");
        }
        return Optional.empty();
    }

    /** The canonical form stored and shown. */
    public String canonical() {
        return year + "SR" + sequence;
    }

    public record Result(Optional<SoftwareCopyrightNumber> number, Optional<String> problem) {
        static Result error(String message) {
            return new Result(Optional.empty(), Optional.of(message));
        }
    }
}
