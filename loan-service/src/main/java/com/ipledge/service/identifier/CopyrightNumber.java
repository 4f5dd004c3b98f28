package com.ipledge.service.identifier;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registered work's registration number (作品登记号): {@code {issuer}作登字-{YYYY}-{category}-{8 digits}}, the issuer
 * {@code 国} for the Copyright Protection Center of China or a province's one-character abbreviation
 * ({@link Province}); the category a capital letter (A written works, F fine art, ... as the registry lists them).
 * Older certificates read e.g. {@code 作登字10-2010-J-240} (a two-digit office code, a shorter serial): accepted and
 * kept exactly as written, as the register shows them.
 *
 * @param written the number as registered (stripped of surrounding blanks only)
 * @param issuer  国, a province's abbreviation, or empty for an older form
 * @param year    the registration year the number carries
 */
public record CopyrightNumber(String written, String issuer, int year, char category, boolean olderForm) {
    private static final Pattern CURRENT = Pattern.compile("(\\S?)作登字-(\\d{4})-(.)-(\\d+)");
    private static final Pattern OLDER = Pattern.compile("作登字(\\d{2})-(\\d{4})-([A-Z])-(\\d{1,8})");
    private static final int FIRST_YEAR = 1991;
    private static final String SHAPE = "must be a copyright registration number such as 国作登字-2020-F-00012345 "
            + "({issuer}作登字-{year}-{category letter}-{8 digits}) or an older form such as 作登字10-2010-J-240";

    /** Parses the number or explains what is wrong with it. */
    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return Result.error("is required");
        }
        String s = text.strip();
        int thisYear = LocalDate.now(com.ipledge.service.TimeFactory.BUSINESS_ZONE).getYear();
        Matcher older = OLDER.matcher(s);
        if (older.matches()) {
            int year = Integer.parseInt(older.group(2));
            if (year < FIRST_YEAR || year > thisYear) {
                return Result.error("year " + year + " is not a plausible registration year");
            }
            return Result.ok(new CopyrightNumber(s, "", year, older.group(3).charAt(0), true));
        }
        Matcher m = CURRENT.matcher(s);
        if (!m.matches()) {
            return Result.error(SHAPE);
        }
        String issuer = m.group(1);
        if (issuer.isEmpty()) {
            return Result.error("the issuer before 作登字 is missing: 国 (the national centre) or a province's "
                    + "one-character abbreviation such as 甘");
        }
        if (!issuer.equals("国") && Province.byAbbreviation(issuer.charAt(0)).isEmpty()) {
            return Result.error("issuer " + issuer + " is neither 国 nor a province's one-character abbreviation");
        }
        int year = Integer.parseInt(m.group(2));
        if (year < FIRST_YEAR || year > thisYear) {
            return Result.error("year " + year + " is not a plausible registration year");
        }
        char category = m.group(3).charAt(0);
        if (category < 'A' || category > 'Z') {
            return Result.error("category " + category + " must be one capital letter (A written works, "
                    + "F fine art, ...)");
        }
        if (m.group(4).length() != 8) {
            return Result.error("the serial after the category must have 8 digits, not " + m.group(4).length());
        }
        return Result.ok(new CopyrightNumber(s, issuer, year, category, false));
    }

    public record Result(Optional<CopyrightNumber> number, Optional<String> problem) {
        static Result error(String message) {
            return new Result(Optional.empty(), Optional.of(message));
        }

        static Result ok(CopyrightNumber n) {
            return new Result(Optional.of(n), Optional.empty());
        }
    }
}
