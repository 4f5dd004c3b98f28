package com.ipledge.service.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    /** Codes of real firms as printed on their business licences (public registry data). */
    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100799655058B",
        "91110000802100433B"})
    void realCodesAreValid(String code) {
        assertTrue(UnifiedSocialCreditCode.isValid(code), code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "914403001922038217 | check character should be '6', not '7'",
        "9144030071526726XH | check character should be 'G', not 'H'",
        "91440300192203821 | must be 18 characters",
        "9144030019220382160 | must be 18 characters",
        "91440300I922038216 | character 9 ('I') is not allowed; use 0-9 and upper-case letters except I, O, S, V, Z",
        "9144030071526726xg | character 17 ('x') is not allowed; use 0-9 and upper-case letters except I, O, S, V, Z",
    })
    void invalidCodesSayWhy(String code, String expected) {
        assertEquals(expected, UnifiedSocialCreditCode.problem(code).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"91440300192203821, 6", "9144030071526726X, G", "91330100799655058, B"})
    void checkCharacterOfRealCodes(String first17, char check) {
        assertEquals(check, UnifiedSocialCreditCode.checkCharacter(first17));
    }
}
