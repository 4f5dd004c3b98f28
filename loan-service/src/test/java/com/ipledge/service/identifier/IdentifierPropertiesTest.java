package com.ipledge.service.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.rules.sme.IndustryCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every identifier parser answers any input with a verdict, never an exception; check characters catch typos. */
class IdentifierPropertiesTest {

    @Property(tries = 3000)
    void parsersNeverThrow(@ForAll("junk") String text) {
        PatentNumber.parse(text);
        UnifiedSocialCreditCode.problem(text);
        TrademarkNumber.problem(text);
        RegionCode.problem(text);
        IndustryCode.problem(text);
    }

    @Property(tries = 2000)
    void aValidCreditCodeWithOneCharacterChangedIsRejected(@ForAll("first17") String first17,
                                                          @ForAll("position") int position,
                                                          @ForAll("symbol") char replacement) {
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        assertTrue(UnifiedSocialCreditCode.isValid(code));
        if (code.charAt(position) != replacement) {
            String typo = code.substring(0, position) + replacement + code.substring(position + 1);
            // mod 31 with weights coprime to 31 catches every single substitution
            assertTrue(UnifiedSocialCreditCode.problem(typo).isPresent(), typo);
        }
    }

    @Property(tries = 2000)
    void aPatentNumberWithOneDigitChangedIsRejected(@ForAll("patentDigits") String digits,
                                                   @ForAll("digitPosition") int position,
                                                   @ForAll("digit") char replacement) {
        String number = digits + "." + PatentNumber.checkCharacter(digits);
        assertTrue(PatentNumber.parse(number).problem().isEmpty(), number);
        if (digits.charAt(position) != replacement) {
            String typo = digits.substring(0, position) + replacement + digits.substring(position + 1);
            // weights 2..9 are all non-zero mod 11, so a single changed digit always changes the check character
            assertNotEquals(PatentNumber.checkCharacter(digits), PatentNumber.checkCharacter(typo));
        }
    }

    @Property(tries = 500)
    void canonicalFormIsStable(@ForAll("patentDigits") String digits) {
        String number = "ZL" + digits + "." + PatentNumber.checkCharacter(digits);
        String canonical = PatentNumber.parse(number).number().orElseThrow().canonical();
        assertEquals(canonical, PatentNumber.parse(canonical).number().orElseThrow().canonical());
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789.XZLzlCN -").ofMaxLength(20),
                Arbitraries.strings().withChars(UnifiedSocialCreditCode.ALPHABET + "IOSVZ").ofLength(18),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").ofMaxLength(6),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> first17() {
        return Arbitraries.strings().withChars(UnifiedSocialCreditCode.ALPHABET).ofLength(17);
    }

    @Provide
    Arbitrary<Integer> position() {
        return Arbitraries.integers().between(0, 16);
    }

    @Provide
    Arbitrary<Character> symbol() {
        return Arbitraries.of(UnifiedSocialCreditCode.ALPHABET.chars().mapToObj(c -> (char) c).toList());
    }

    @Provide
    Arbitrary<String> patentDigits() {
        return Arbitraries.integers().between(2003, 2025).flatMap(year -> Arbitraries.of('1', '2', '3', '8', '9')
                .flatMap(type -> Arbitraries.strings().numeric().ofLength(7).map(rest -> year + "" + type + rest)));
    }

    @Provide
    Arbitrary<Integer> digitPosition() {
        return Arbitraries.integers().between(0, 11);
    }

    @Provide
    Arbitrary<Character> digit() {
        return Arbitraries.chars().range('0', '9');
    }
}
