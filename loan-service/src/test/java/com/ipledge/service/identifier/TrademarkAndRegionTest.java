package com.ipledge.service.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrademarkAndRegionTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "12345678", "1234567890"})
    void trademarkNumbers(String n) {
        assertTrue(TrademarkNumber.problem(n).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123", "12345678901", "12A45", "-5"})
    void badTrademarkNumbers(String n) {
        assertEquals("must be a trademark registration number: 1-10 digits, no leading zero",
                TrademarkNumber.problem(n).orElseThrow());
    }

    @Test
    void niceClasses() {
        assertTrue(TrademarkNumber.niceClassesProblem(List.of(1, 9, 45)).isEmpty());
        assertEquals("Nice classes run from 1 to 45; 46 is not one",
                TrademarkNumber.niceClassesProblem(List.of(9, 46)).orElseThrow());
        assertEquals("Nice classes run from 1 to 45; 0 is not one",
                TrademarkNumber.niceClassesProblem(List.of(0)).orElseThrow());
        assertEquals("class 9 is listed twice", TrademarkNumber.niceClassesProblem(List.of(9, 9)).orElseThrow());
        assertEquals("at least one Nice class (1-45) is required for a mark",
                TrademarkNumber.niceClassesProblem(List.of()).orElseThrow());
        assertEquals("Nice classes run from 1 to 45; null is not one",
                TrademarkNumber.niceClassesProblem(Arrays.asList(3, null)).orElseThrow());
    }

    @Test
    void regionCodes() {
        assertTrue(RegionCode.problem("620100").isEmpty());
        assertTrue(RegionCode.problem("110105").isEmpty());
        assertEquals("province part 99 is not a province-level division", RegionCode.problem("990100").orElseThrow());
        assertEquals("must be a six-digit GB/T 2260 administrative division code, e.g. 620100",
                RegionCode.problem("6201").orElseThrow());
    }
}
