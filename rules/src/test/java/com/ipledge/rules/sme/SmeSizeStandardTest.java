package com.ipledge.rules.sme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Boundaries of the MIIT 2011 table (工信部联企业〔2011〕300号): each class's lower bounds must all be met;
 * amounts below are in 万元 (10,000 yuan) to read like the published table.
 */
class SmeSizeStandardTest {
    private final SmeSizeStandard standard = SmeSizeStandard.miit2011();

    private SizeClass classify(String industry, long employees, String revenueWan, String assetsWan) {
        return standard.classify(new IndustryCode(industry), employees, wan(revenueWan), wan(assetsWan));
    }

    private static BigDecimal wan(String s) {
        return new BigDecimal(s).multiply(BigDecimal.valueOf(10_000));
    }

    @ParameterizedTest(name = "industry {1} staff, {2} wan -> {3}")
    @CsvSource({
        // 工业: medium X>=300 and Y>=2000; small X>=20 and Y>=300; large X>=1000 and Y>=40000
        "C3911, 1000, 40000, LARGE",
        "C3911, 999, 40000, MEDIUM",
        "C3911, 1000, 39999.99, MEDIUM",
        "C3911, 300, 2000, MEDIUM",
        "C3911, 299, 2000, SMALL",
        "C3911, 300, 1999.99, SMALL",
        "C3911, 20, 300, SMALL",
        "C3911, 19, 300, MICRO",
        "C3911, 20, 299.99, MICRO",
        "B0610, 5000, 100000, LARGE",
        "D4411, 25, 500, SMALL",
    })
    void industry(String code, long employees, String revenue, SizeClass expected) {
        assertEquals(expected, classify(code, employees, revenue, "0"));
    }

    @ParameterizedTest(name = "retail {1} staff, {2} wan -> {3}")
    @CsvSource({
        // 零售业: large X>=300 and Y>=20000; medium X>=50 and Y>=500; small X>=10 and Y>=100
        "F5211, 300, 20000, LARGE",
        "F5211, 299, 20000, MEDIUM",
        "F5211, 50, 500, MEDIUM",
        "F5211, 49, 500, SMALL",
        "F5211, 50, 499.99, SMALL",
        "F5211, 10, 100, SMALL",
        "F5211, 9, 100, MICRO",
        "F5211, 10, 99.99, MICRO",
    })
    void retail(String code, long employees, String revenue, SizeClass expected) {
        assertEquals(expected, classify(code, employees, revenue, "0"));
    }

    @ParameterizedTest(name = "software {1} staff, {2} wan -> {3}")
    @CsvSource({
        // 软件和信息技术服务业: large X>=300 and Y>=10000; medium X>=100 and Y>=1000; small X>=10 and Y>=50
        "I6510, 300, 10000, LARGE",
        "I6510, 300, 9999.99, MEDIUM",
        "I6510, 100, 1000, MEDIUM",
        "I6510, 99, 1000, SMALL",
        "I6510, 10, 50, SMALL",
        "I6510, 10, 49.99, MICRO",
        "I6510, 9, 5000, MICRO",
    })
    void software(String code, long employees, String revenue, SizeClass expected) {
        assertEquals(expected, classify(code, employees, revenue, "0"));
    }

    @ParameterizedTest(name = "construction Y={1} Z={2} -> {3}")
    @CsvSource({
        // 建筑业 uses revenue and total assets: medium Y>=6000 and Z>=5000; small Y>=300 and Z>=300
        "80000, 80000, LARGE",
        "80000, 79999.99, MEDIUM",
        "6000, 5000, MEDIUM",
        "6000, 4999.99, SMALL",
        "300, 300, SMALL",
        "299.99, 300, MICRO",
        "300, 299.99, MICRO",
    })
    void construction(String revenue, String assets, SizeClass expected) {
        assertEquals(expected, classify("E4710", 50, revenue, assets));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "A0141, AGRICULTURE", "C2740, INDUSTRY", "E48, CONSTRUCTION", "F5110, WHOLESALE", "F5211, RETAIL",
        "G5311, OTHER", "G5411, TRANSPORT", "G5910, TRANSPORT", "G5920, WAREHOUSING", "G6010, POSTAL",
        "H6110, ACCOMMODATION", "H6210, CATERING", "I6311, INFORMATION_TRANSMISSION",
        "I6420, INFORMATION_TRANSMISSION", "I6510, SOFTWARE_IT", "K7010, REAL_ESTATE_DEVELOPMENT",
        "K7020, PROPERTY_MANAGEMENT", "K7040, OTHER", "L7211, LEASING_BUSINESS_SERVICES", "M7320, OTHER",
        "N7721, OTHER", "R8890, OTHER", "C, INDUSTRY"
    })
    void sectors(String code, String sector) {
        assertEquals(sector, standard.sectorOf(new IndustryCode(code)));
    }

    @Test
    void agricultureUsesRevenueOnly() {
        assertEquals(SizeClass.LARGE, classify("A0111", 0, "20000", "0"));
        assertEquals(SizeClass.MEDIUM, classify("A0111", 5000, "19999.99", "0"));
        assertEquals(SizeClass.SMALL, classify("A0111", 1, "50", "0"));
        assertEquals(SizeClass.MICRO, classify("A0111", 1000, "49.99", "0"));
    }

    @Test
    void otherIndustriesUseEmployeesOnly() {
        assertEquals(SizeClass.LARGE, classify("M7320", 300, "0", "0"));
        assertEquals(SizeClass.MEDIUM, classify("M7320", 100, "0", "0"));
        assertEquals(SizeClass.SMALL, classify("M7320", 10, "0", "0"));
        assertEquals(SizeClass.MICRO, classify("M7320", 9, "1000000", "0"));
    }

    @Test
    void realEstateDevelopmentUsesRevenueAndAssets() {
        assertEquals(SizeClass.LARGE, classify("K7010", 5, "200000", "10000"));
        assertEquals(SizeClass.MEDIUM, classify("K7010", 5, "1000", "5000"));
        assertEquals(SizeClass.SMALL, classify("K7010", 5, "100", "2000"));
        assertEquals(SizeClass.MICRO, classify("K7010", 5, "100", "1999.99"));
    }

    @Test
    void industryCodesAreChecked() {
        assertTrue(IndustryCode.problem("C3911").isEmpty());
        assertEquals("division 65 is not in section C (divisions 13-43)", IndustryCode.problem("C6510").orElseThrow());
        assertTrue(IndustryCode.problem("Z1234").isPresent());
        assertTrue(IndustryCode.problem("C39111").isPresent());
        assertTrue(IndustryCode.problem("c3911").isPresent());
        assertThrows(IllegalArgumentException.class, () -> new IndustryCode("X"));
    }

    @Test
    void everySectorHasThreeBoundedClasses() {
        for (String sector : new String[]{"AGRICULTURE", "INDUSTRY", "CONSTRUCTION", "WHOLESALE", "RETAIL",
            "TRANSPORT", "WAREHOUSING", "POSTAL", "ACCOMMODATION", "CATERING", "INFORMATION_TRANSMISSION",
            "SOFTWARE_IT", "REAL_ESTATE_DEVELOPMENT", "PROPERTY_MANAGEMENT", "LEASING_BUSINESS_SERVICES", "OTHER"}) {
            for (SizeClass size : new SizeClass[]{SizeClass.LARGE, SizeClass.MEDIUM, SizeClass.SMALL}) {
                SmeSizeStandard.Threshold t = standard.threshold(sector, size);
                assertTrue(t != null && (t.minEmployees() != null || t.minRevenueYuan() != null
                        || t.minAssetsYuan() != null), sector + " " + size);
            }
        }
    }
}
