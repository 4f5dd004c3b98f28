package com.ipledge.service.support;

import com.ipledge.service.identifier.PatentNumber;
import com.ipledge.service.identifier.UnifiedSocialCreditCode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid request bodies with unique identifiers, for tests to change one field at a time. */
public final class Fixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

    private Fixtures() {
    }

    /** A valid credit code, different on every call. */
    public static String creditCode() {
        String first17 = String.format("91620100MA%07d", SEQUENCE.incrementAndGet());
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** A valid 12-digit application number of the given type digit and year, different on every call. */
    public static String patentNumber(int year, int typeDigit) {
        String digits = String.format("%04d%d%07d", year, typeDigit, SEQUENCE.incrementAndGet());
        return "ZL" + digits + "." + PatentNumber.checkCharacter(digits);
    }

    public static Map<String, Object> borrower() {
        Map<String, Object> b = new HashMap<>();
        b.put("name", "兰州绿源节能科技有限公司");
        b.put("creditCode", creditCode());
        b.put("industryCode", "C3911");
        b.put("ecoIndustry", "ENERGY_SAVING_ENVIRONMENTAL");
        b.put("regionCode", "620100");
        b.put("employees", 120);
        b.put("operatingRevenue", "35000000.00");
        b.put("totalAssets", "52000000");
        b.put("foundedOn", "2012-05-18");
        return b;
    }

    public static Map<String, Object> invention(String ownerCreditCode) {
        Map<String, Object> a = new HashMap<>();
        a.put("type", "INVENTION_PATENT");
        a.put("number", patentNumber(2017, 1));
        a.put("title", "一种高效余热回收装置");
        a.put("ownerCreditCode", ownerCreditCode);
        a.put("filingDate", "2017-08-10");
        a.put("grantDate", "2019-11-05");
        a.put("legalStatus", "VALID");
        a.put("claims", 12);
        a.put("forwardCitations", 7);
        a.put("familySize", 3);
        return a;
    }

    /** A borrower with the revenue (80 million yuan) behind a strong application. */
    public static Map<String, Object> strongBorrower() {
        Map<String, Object> b = borrower();
        b.put("operatingRevenue", "80000000");
        return b;
    }

    /** A young invention patent: filed three years ago (business calendar) on 1 March, granted two years later. */
    public static Map<String, Object> youngInvention(String ownerCreditCode) {
        Map<String, Object> a = invention(ownerCreditCode);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 3;
        a.put("number", patentNumber(year, 1));
        a.put("filingDate", year + "-03-01");
        a.put("grantDate", (year + 2) + "-06-01");
        return a;
    }

    public static Map<String, Object> trademark(String ownerCreditCode) {
        Map<String, Object> a = new HashMap<>();
        a.put("type", "TRADEMARK");
        a.put("number", String.valueOf(20_000_000 + SEQUENCE.incrementAndGet()));
        a.put("title", "绿源");
        a.put("ownerCreditCode", ownerCreditCode);
        a.put("filingDate", "2015-02-01");
        a.put("registrationDate", "2016-03-14");
        a.put("legalStatus", "VALID");
        a.put("niceClasses", List.of(7, 11));
        return a;
    }

    public static Map<String, Object> application(String borrowerId, List<String> assetIds) {
        Map<String, Object> a = new HashMap<>();
        a.put("borrowerId", borrowerId);
        a.put("requestedAmount", "3000000.00");
        a.put("termMonths", 12);
        a.put("purpose", "购买生产设备");
        a.put("collateral", assetIds.stream().map(id -> Map.of("assetId", id)).toList());
        return a;
    }
}
