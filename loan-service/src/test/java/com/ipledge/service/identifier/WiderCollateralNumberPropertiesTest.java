package com.ipledge.service.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The copyright and software-copyright parsers answer any input with a verdict, never an exception; every
 * well-formed number parses to itself; the digit count of a software number follows its year.
 */
class WiderCollateralNumberPropertiesTest {

    @Property(tries = 3000)
    void parsersNeverThrow(@ForAll("junk") String text) {
        CopyrightNumber.parse(text);
        SoftwareCopyrightNumber.parse(text);
        SoftwareCopyrightNumber.certificateProblem(text);
        Province.regionCodeProblem(text);
    }

    @Property(tries = 1000)
    void aWellFormedCopyrightNumberIsKeptAsWritten(@ForAll("copyrightNumbers") String number) {
        CopyrightNumber parsed = CopyrightNumber.parse(number).number().orElseThrow(() -> new AssertionError(number));
        assertEquals(number, parsed.written());
        assertEquals(Integer.parseInt(number.substring(number.indexOf('-') + 1, number.indexOf('-') + 5)),
                parsed.year());
    }

    @Property(tries = 1000)
    void aSoftwareNumberHasSixDigitsBefore2019AndSevenFrom(@ForAll("years") int year,
                                                          @ForAll("sequences") String sequence) {
        String number = year + "SR" + sequence;
        boolean valid = sequence.length() == (year < 2019 ? 6 : 7);
        SoftwareCopyrightNumber.Result result = SoftwareCopyrightNumber.parse(number.toLowerCase());
        assertEquals(valid, result.problem().isEmpty(), number + " " + result.problem());
        if (valid) {
            assertEquals(number, result.number().orElseThrow().canonical());
        } else {
            assertTrue(result.problem().orElseThrow().contains("digits after SR"), result.problem().orElseThrow());
        }
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("国甘京作登字软著第号-0123456789ABFJSRsr ").ofMaxLength(26),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> copyrightNumbers() {
        Arbitrary<String> issuers = Arbitraries.of("国", "京", "甘", "陇", "粤", "川", "蜀", "新");
        Arbitrary<Integer> years = Arbitraries.integers().between(1995, 2025);
        Arbitrary<Character> categories = Arbitraries.chars().range('A', 'Z');
        Arbitrary<String> serials = Arbitraries.strings().numeric().ofLength(8);
        return Combinators.combine(issuers, years, categories, serials)
                .as((i, y, c, s) -> i + "作登字-" + y + "-" + c + "-" + s);
    }

    @Provide
    Arbitrary<Integer> years() {
        return Arbitraries.integers().between(1992, 2025);
    }

    @Provide
    Arbitrary<String> sequences() {
        return Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(7);
    }
}
