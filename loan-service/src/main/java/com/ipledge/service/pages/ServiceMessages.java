package com.ipledge.service.pages;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the English field messages the services write for the API ({@code DomainProblem}'s errors) into bundle keys
 * with arguments, one key per validation rule the services know (required, check character, type digit, ...).
 * A message no rule knows is still shown, under {@code error.other}, with the service's English text as its
 * argument, so that nothing the person must fix is hidden.
 */
final class ServiceMessages {
    private record Rule(Pattern pattern, String key) {
    }

    private static final List<Rule> RULES = List.of(
            rule("is required", "error.required"),
            rule("must be 18 characters", "error.creditCode.length"),
            rule("character (\\d+) \\('(.)'\\) is not allowed.*", "error.creditCode.character"),
            rule("check character should be '?([0-9A-Z])'?, not '?(.)'?", "error.checkCharacter"),
            rule("must be a CN patent application number.*", "error.patent.format"),
            rule("type digit (\\d) denotes \\w+, but type is \\w+", "error.patent.typeMismatch"),
            rule("type digit (\\d) is not 1, 2, 3, 8 or 9", "error.patent.typeDigit"),
            rule("year (\\d+) is not a plausible filing year.*", "error.patent.year"),
            rule("8-digit numbers were issued before 2003 only", "error.patent.oldForm"),
            rule("is in (\\d{4}) but the application number says (\\d{4})", "error.filingDate.year"),
            rule("is in the future", "error.future"),
            rule("is before the filing date", "error.beforeFiling"),
            rule("is before (\\d{4}).*", "error.tooEarly"),
            rule("must be at most (\\d+) characters", "error.maxLength"),
            rule("must be between (\\d+) and (\\d+)", "error.range"),
            rule("must be greater than 0", "error.positive"),
            rule("must not be negative", "error.negative"),
            rule("must have at most 2 decimals.*", "error.decimals"),
            rule("is not a plausible amount.*", "error.implausible"),
            rule("must be at most (\\d+) yuan", "error.maxAmount"),
            rule("must be a trademark registration number.*", "error.trademark.number"),
            rule("at least one Nice class.*", "error.nice.required"),
            rule("Nice classes run from 1 to 45; (.+) is not one", "error.nice.range"),
            rule("class (\\d+) is listed twice", "error.nice.duplicate"),
            rule("apply to marks only", "error.nice.patent"),
            rule("is required for a .*", "error.registrationDate.required"),
            rule("applies to marks; .*", "error.registrationDate.patent"),
            rule("applies to patents; .*", "error.grantDate.mark"),
            rule("must be a GB/T 4754-2017 code.*", "error.industry.format"),
            rule("division (\\d{2}) is not in section ([A-T]).*", "error.industry.division"),
            rule("must be a six-digit GB/T 2260.*", "error.region.format"),
            rule("province part (\\d{2}) is not.*", "error.region.province"),
            rule("at least one pledged asset is required", "error.assets.required"),
            rule("is listed twice", "error.asset.twice"));

    private ServiceMessages() {
    }

    private static Rule rule(String regex, String key) {
        return new Rule(Pattern.compile(regex), key);
    }

    /** The error for a service message about {@code field} (already translated to the form's field name). */
    static FormError translate(String field, String message) {
        String m = message == null ? "" : message.strip();
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(m);
            if (matcher.matches()) {
                String[] args = new String[matcher.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = matcher.group(i + 1);
                }
                return FormError.of(field, rule.key(), args);
            }
        }
        return FormError.of(field, "error.other", m);
    }
}
