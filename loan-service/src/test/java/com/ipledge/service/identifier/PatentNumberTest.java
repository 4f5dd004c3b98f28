package com.ipledge.service.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatentNumberTest {

    @Test
    void designDocExampleSums157() {
        // DESIGN.md: 201710601862 -> weighted sum 157 -> 157 mod 11 = 3
        assertEquals('3', PatentNumber.checkCharacter("201710601862"));
        PatentNumber n = PatentNumber.parse("201710601862.3").number().orElseThrow();
        assertEquals(PatentNumber.Kind.INVENTION, n.kind().orElseThrow());
        assertEquals(2017, n.filingYear());
        assertEquals("201710601862.3", n.canonical());
    }

    @ParameterizedTest
    @CsvSource({
        "ZL201710601862.3, INVENTION, 2017",
        "zl201710601862.3, INVENTION, 2017",
        "ZL 201710601862.3, INVENTION, 2017",
        "200420062596.X, UTILITY_MODEL, 2004",
        "98123456.9, INVENTION, 1998",
        "201930123453.7, DESIGN, 2019",
        "201880012345.5, INVENTION, 2018",
        "201990012345.5, UTILITY_MODEL, 2019",
    })
    void validNumbers(String text, PatentNumber.Kind kind, int year) {
        PatentNumber.Result r = PatentNumber.parse(text);
        assertTrue(r.problem().isEmpty(), () -> text + ": " + r.problem());
        assertEquals(kind, r.number().orElseThrow().kind().orElseThrow());
        assertEquals(year, r.number().orElseThrow().filingYear());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "201710601862.4 | check character should be 3, not 4",
        "200420062596.0 | check character should be X, not 0",
        "98123456.1 | check character should be 9, not 1",
        "201750601862.5 | type digit 5 is not 1, 2, 3, 8 or 9",
        "199810601862.X | year 1998 is not a plausible filing year for a 12-digit number",
        "05123456.4 | 8-digit numbers were issued before 2003 only",
        "201710601862 | must be a CN patent application number such as ZL201710601862.3 (12 digits, or 8 before 2003, a dot and the check character)",
        "2017106018623.3 | must be a CN patent application number such as ZL201710601862.3 (12 digits, or 8 before 2003, a dot and the check character)",
        "US201710601862.3 | must be a CN patent application number such as ZL201710601862.3 (12 digits, or 8 before 2003, a dot and the check character)",
    })
    void invalidNumbersSayWhy(String text, String expected) {
        assertEquals(expected, PatentNumber.parse(text).problem().orElseThrow());
    }

    @Test
    void oldFormUsesWeightsTwoToNine() {
        // 9,8,1,2,3,4,5,6 x 2..9 = 18+24+4+10+18+28+40+54 = 196; 196 mod 11 = 9
        assertEquals('9', PatentNumber.checkCharacter("98123456"));
    }
}
