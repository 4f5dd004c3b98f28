package com.ipledge.service.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.csv.Csv;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The bureau's reports over HTTP: the statistics pack of a past day stays what it was while the business date moves
 * on and more is disbursed, repaid (also back-dated), defaulted and classified; every figure is checked by hand
 * against this test's own loans; the scorecard's indicators, scores and ranks likewise; each XLSX is read back with
 * POI and compared with the JSON and CSV answers. Amounts are exact to the fen; shares exact to six decimals.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsApiTest extends ApiTestBase {
    /** An XLSX cell holds a double: a value from the JSON must match it this closely. */
    private static final double CELL = 1e-9;

    private Sql sql;
    private UUID bankA;
    private UUID bankB;
    private String officerA;
    private String approverA;
    private String officerB;
    private String approverB;
    private String bureau;
    private LocalDate d0;
    private LocalDate d1;
    /** Firm X borrows at bank A on d0 and again at bank B on d1; Y at A, Z at B. */
    private String firmX;
    private String loanA1;
    private String loanA2;
    private String loanB1;
    private String loanB2;
    private String appB2;
    private Map<String, Object> packAtD0;
    private LoanBook book;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false", "ipledge.business-date.adjustable", "true");
    }

    @BeforeAll
    void buildBook() {
        sql = new Sql(databaseUrl());
        bankA = createBank("RPTA");
        bankB = createBank("RPTB");
        UUID bankC = createBank("RPTC");
        officerA = apiKey("BANK_OFFICER", bankA);
        approverA = apiKey("BANK_APPROVER", bankA);
        officerB = apiKey("BANK_OFFICER", bankB);
        approverB = apiKey("BANK_APPROVER", bankB);
        bureau = apiKey("BUREAU", null);
        d0 = today();
        d1 = d0.plusDays(3);
        book = new LoanBook(this);
        book.quotaPlans(bureau, List.of(bankA, bankB, bankC), List.of(d0.getYear(), d0.getYear() + 1));
        firmX = Fixtures.creditCode();
        loanA1 = book.approve(approverA, book.application(officerA, firm(firmX, "620100"), "500000", false));
        book.disburse(officerA, loanA1);
        loanA2 = book.approve(approverA, book.application(officerA, firm(Fixtures.creditCode(), "620502"), "400000",
                true));
        book.disburse(officerA, loanA2);
        Answer repaid = post("/api/v1/loans/" + loanA2 + "/repayments",
                Map.of("amount", "1000.00", "paidOn", d0.toString()), officerA);
        assertEquals(201, repaid.status(), repaid::toString);
        loanB1 = book.approve(approverB, book.application(officerB, firm(Fixtures.creditCode(), "110105"), "600000",
                false));
        book.disburse(officerB, loanB1);
        // filed and approved today, drawn three days later: bank B's median speed is (0 + 3) / 2 days
        appB2 = book.application(officerB, firm(firmX, "620100"), "200000", false);
        loanB2 = book.approve(approverB, appB2);
    }

    /** A strong firm with {@code creditCode} in {@code region}. */
    private static Map<String, Object> firm(String creditCode, String region) {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        borrower.put("creditCode", creditCode);
        borrower.put("regionCode", region);
        return borrower;
    }

    // ------------------------------------------------------------------------------------- hand arithmetic

    private static BigDecimal dec(Object o) {
        return new BigDecimal(o.toString());
    }

    private BigDecimal principalRepaid(String loan) {
        String v = sql.text("SELECT coalesce(sum(principal_part), 0) FROM repayment WHERE loan_id = '" + loan + "'");
        return new BigDecimal(v).setScale(2);
    }

    /** The loan's principal: what the decision approved, which may be less than was asked for. */
    private BigDecimal p(String loan) {
        return new BigDecimal(sql.text("SELECT principal FROM loan WHERE id = '" + loan + "'")).setScale(2);
    }

    private BigDecimal rate(String loan) {
        return new BigDecimal(sql.text("SELECT annual_rate FROM loan WHERE id = '" + loan + "'"));
    }

    /** The utility model's part of {@code amount} on the two-asset loan: pro rata to the decision's values. */
    private BigDecimal utilityPart(BigDecimal amount) {
        String decision = "(SELECT decision_id FROM loan WHERE id = '" + loanA2 + "')";
        BigDecimal invention = new BigDecimal(sql.text("SELECT dc.collateral_value FROM decision_collateral dc "
                + "JOIN ip_asset a ON a.id = dc.asset_id WHERE a.type = 'INVENTION_PATENT' AND dc.decision_id = "
                + decision));
        BigDecimal utility = new BigDecimal(sql.text("SELECT dc.collateral_value FROM decision_collateral dc "
                + "JOIN ip_asset a ON a.id = dc.asset_id WHERE a.type = 'UTILITY_MODEL' AND dc.decision_id = "
                + decision));
        return amount.multiply(utility).divide(invention.add(utility), 2, RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> pack, String table, String key) {
        for (Object o : (List<?>) pack.get(table)) {
            Map<String, Object> r = (Map<String, Object>) o;
            if (key.equals(r.get("key"))) {
                return r;
            }
        }
        throw new AssertionError("no " + key + " in " + table + ": " + pack.get(table));
    }

    /** A row's figures as the expected text of {@code key: granted loans/amount/firms, book loans/balance/firms, NPL}. */
    private static String figures(Map<String, Object> r) {
        return r.get("grantedLoans") + "/" + dec(r.get("grantedAmount")).setScale(2) + "/" + r.get("grantedFirms")
                + " " + r.get("outstandingLoans") + "/" + dec(r.get("outstandingBalance")).setScale(2) + "/"
                + r.get("outstandingFirms") + " " + r.get("nonPerformingLoans") + "/"
                + dec(r.get("nonPerformingBalance")).setScale(2) + "/" + dec(r.get("nplRatio")).setScale(6);
    }

    private static String expected(long gl, BigDecimal ga, long gf, long ol, BigDecimal ob, long of, long nl,
                                   BigDecimal nb) {
        BigDecimal ratio = ob.signum() == 0 ? BigDecimal.ZERO.setScale(6) : nb.divide(ob, 6, RoundingMode.HALF_UP);
        return gl + "/" + ga.setScale(2) + "/" + gf + " " + ol + "/" + ob.setScale(2) + "/" + of + " " + nl + "/"
                + nb.setScale(2) + "/" + ratio;
    }

    private Answer statistics(LocalDate asOf, String key) {
        Answer a = get("/api/v1/portfolio/statistics?asOf=" + asOf, key);
        assertEquals(200, a.status(), a::toString);
        return a;
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void theStatisticsPackOfTodayAddsUpToTheLoansByHand() {
        Map<String, Object> pack = statistics(d0, bureau).body();
        assertEquals(d0.toString(), pack.get("asOf"));
        BigDecimal a2 = p(loanA2).subtract(principalRepaid(loanA2));
        assertTrue(a2.compareTo(p(loanA2)) < 0, "the repayment paid some principal");
        BigDecimal granted = p(loanA1).add(p(loanA2)).add(p(loanB1));
        BigDecimal book = p(loanA1).add(p(loanB1)).add(a2);
        assertEquals(expected(3, granted, 3, 3, book, 3, 0, BigDecimal.ZERO),
                figures((Map<String, Object>) pack.get("totals")));
        assertEquals(expected(2, p(loanA1).add(p(loanA2)), 2, 2, p(loanA1).add(a2), 2, 0,
                BigDecimal.ZERO), figures(row(pack, "byBank", "RPTA")));
        assertEquals(expected(1, p(loanB1), 1, 1, p(loanB1), 1, 0, BigDecimal.ZERO),
                figures(row(pack, "byBank", "RPTB")));
        // regions: Lanzhou (620100), Tianshui (a county 620502 lies in 620500), Beijing's code as it is
        assertEquals(p(loanA1), dec(row(pack, "byRegion", "620100").get("outstandingBalance")));
        assertEquals(a2, dec(row(pack, "byRegion", "620500").get("outstandingBalance")));
        assertEquals("天水", row(pack, "byRegion", "620500").get("nameZh"));
        assertEquals(p(loanB1), dec(row(pack, "byRegion", "110105").get("outstandingBalance")));
        // IP types: the two-asset loan split pro rata to its decision's collateral values, exact to the fen
        BigDecimal utilityGranted = utilityPart(p(loanA2));
        BigDecimal utilityBook = utilityPart(a2);
        assertEquals(expected(1, utilityGranted, 1, 1, utilityBook, 1, 0, BigDecimal.ZERO),
                figures(row(pack, "byIpType", "UTILITY_MODEL")));
        assertEquals(expected(3, granted.subtract(utilityGranted), 3, 3,
                book.subtract(utilityBook), 3, 0, BigDecimal.ZERO), figures(row(pack, "byIpType", "INVENTION_PATENT")));
        // a bank's caller gets its own book
        Map<String, Object> own = statistics(d0, officerB).body();
        assertEquals(figures(row(pack, "byBank", "RPTB")), figures((Map<String, Object>) own.get("totals")));
        assertEquals(1, ((List<?>) own.get("byBank")).size());
        packAtD0 = pack;
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void thePackOfAPastDayStaysWhatItWasWhileTheLedgerMovesOn() {
        assertNotNull(packAtD0, "the pack of d0 was taken");
        Answer moved = put("/api/v1/admin/business-date", Map.of("date", d1.toString()), ADMIN_KEY);
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(d1, today());
        // more of everything on d1: a repayment, a back-dated repayment (paid on d0, entered on d1), a new loan to a
        // firm that already borrowed elsewhere, a default declared as of d0, a bank's own worse classification
        Answer r1 = post("/api/v1/loans/" + loanA1 + "/repayments",
                Map.of("amount", "10000.00", "paidOn", d1.toString()), officerA);
        assertEquals(201, r1.status(), r1::toString);
        Answer late = post("/api/v1/loans/" + loanA2 + "/repayments",
                Map.of("amount", "2000.00", "paidOn", d0.toString()), officerA);
        assertEquals(201, late.status(), late::toString);
        book.disburse(officerB, loanB2);
        Answer defaulted = post("/api/v1/loans/" + loanA2 + "/default", Map.of("defaultedOn", d0.toString(),
                "note", "back-dated"), officerA);
        assertEquals(201, defaulted.status(), defaulted::toString);
        Answer classified = put("/api/v1/loans/" + loanB1 + "/classification", Map.of("classification",
                "SUBSTANDARD", "reason", "the firm lost its main customer"), officerB);
        assertEquals(200, classified.status(), classified::toString);

        Map<String, Object> again = statistics(d0, bureau).body();
        assertEquals(packAtD0, again, "the pack of a closed day is reproducible");

        // and the pack of d1 has all of it, by hand
        Map<String, Object> pack = statistics(d1, bureau).body();
        BigDecimal a1 = p(loanA1).subtract(principalRepaid(loanA1));
        BigDecimal a2 = p(loanA2).subtract(principalRepaid(loanA2));
        BigDecimal b1 = p(loanB1);
        BigDecimal b2 = p(loanB2);
        int yearStart = d1.getYear();
        long grantedLoans = 0;
        BigDecimal grantedAmount = BigDecimal.ZERO;
        for (Object[] l : new Object[][]{{d0, p(loanA1)}, {d0, p(loanA2)}, {d0, b1}, {d1, b2}}) {
            if (((LocalDate) l[0]).getYear() == yearStart) {
                grantedLoans++;
                grantedAmount = grantedAmount.add((BigDecimal) l[1]);
            }
        }
        long grantedFirms = d0.getYear() == yearStart ? 3 : 1; // firm X twice, counted once
        BigDecimal book = a1.add(a2).add(b1).add(b2);
        assertEquals(expected(grantedLoans, grantedAmount, grantedFirms, 4, book, 3, 2, a2.add(b1)),
                figures((Map<String, Object>) pack.get("totals")));
        assertEquals(expected(d0.getYear() == yearStart ? 2 : 1, d0.getYear() == yearStart
                        ? b1.add(b2) : b2, d0.getYear() == yearStart ? 2 : 1, 2, b1.add(b2), 2, 1, b1),
                figures(row(pack, "byBank", "RPTB")));
        assertEquals("SUBSTANDARD", get("/api/v1/loans/" + loanA2, officerA).text("classification"));
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void theScorecardRanksTheBanksByTheWeightsOfPolicyData() {
        Answer card = get("/api/v1/portfolio/scorecard?from=" + d0 + "&to=" + d1, bureau);
        assertEquals(200, card.status(), card::toString);
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        ((Map<String, Object>) card.get("weights")).forEach((k, v) -> weights.put(k, dec(v)));
        assertEquals(0, new BigDecimal("1").compareTo(weights.values().stream().reduce(BigDecimal.ZERO,
                BigDecimal::add)));
        assertEquals(0, new BigDecimal("0.03").compareTo(dec(card.get("nplTolerance"))));
        Map<String, Map<String, Object>> banks = new HashMap<>();
        for (Object o : (List<?>) card.get("banks")) {
            Map<String, Object> b = (Map<String, Object>) o;
            banks.put((String) b.get("bankCode"), b);
        }
        Map<String, Object> a = banks.get("RPTA");
        Map<String, Object> b = banks.get("RPTB");
        Map<String, Object> c = banks.get("RPTC");
        // bank A: two loans to two new firms, drawn the day they were filed; one (A2) defaulted
        assertEquals(2, ((Number) a.get("grantedLoans")).intValue());
        BigDecimal aGranted = p(loanA1).add(p(loanA2));
        BigDecimal bGranted = p(loanB1).add(p(loanB2));
        assertEquals(aGranted, dec(a.get("grantedAmount")));
        assertEquals(bGranted, dec(b.get("grantedAmount")));
        assertEquals(2, ((Number) a.get("firstTimeBorrowers")).intValue());
        BigDecimal aBook = aGranted.subtract(principalRepaid(loanA1))
                .subtract(principalRepaid(loanA2));
        assertEquals(aBook, dec(a.get("outstanding")));
        BigDecimal aNpl = p(loanA2).subtract(principalRepaid(loanA2))
                .divide(aBook, 6, RoundingMode.HALF_UP);
        assertEquals(aNpl, dec(a.get("nplRatio")));
        assertEquals(Boolean.FALSE, a.get("nplWithinLimit"), "no overall NPL recorded: the limit is 3 points");
        BigDecimal aRate = rate(loanA1).multiply(p(loanA1)).add(rate(loanA2).multiply(p(loanA2)))
                .divide(aGranted, 6, RoundingMode.HALF_UP);
        assertEquals(aRate, dec(a.get("averageRate")));
        assertEquals(0, BigDecimal.ZERO.compareTo(dec(a.get("medianDaysToDisburse"))));
        // bank B: firm X had borrowed at A first, so only firm Z is new; B2 took three days
        assertEquals(2, ((Number) b.get("borrowers")).intValue());
        assertEquals(1, ((Number) b.get("firstTimeBorrowers")).intValue());
        assertEquals(0, new BigDecimal("1.5").compareTo(dec(b.get("medianDaysToDisburse"))));
        assertEquals(0, BigDecimal.ONE.compareTo(dec(b.get("smallLoanShare"))));
        BigDecimal bRate = rate(loanB1).multiply(p(loanB1)).add(rate(loanB2).multiply(p(loanB2)))
                .divide(bGranted, 6, RoundingMode.HALF_UP);
        assertEquals(bRate, dec(b.get("averageRate")));
        // quota use of the plans of to's year (B's loans drew on the plan of the year they were approved in)
        BigDecimal used = new BigDecimal(sql.text("SELECT sum(reserved + drawn) FROM quota_plan WHERE bank_id = '"
                + bankB + "' AND plan_year = " + d1.getYear()));
        assertEquals(used.divide(new BigDecimal("100000000"), 6, RoundingMode.HALF_UP), dec(b.get("quotaUse")));
        if (d1.getYear() == d0.getYear()) {
            assertEquals(bGranted.divide(new BigDecimal("100000000"), 6, RoundingMode.HALF_UP), dec(b.get("quotaUse")),
                    "both of B's loans drawn on this year's plan of 100,000,000");
        }
        // the scores by hand: best and worst among A and B (C granted nothing)
        Map<String, BigDecimal> sa = scores(a);
        Map<String, BigDecimal> sb = scores(b);
        BigDecimal bestGranted = aGranted.max(bGranted);
        assertEquals(new BigDecimal("100").multiply(aGranted).divide(bestGranted, 2, RoundingMode.HALF_UP),
                sa.get("grantedAmount"));
        assertEquals(new BigDecimal("100").multiply(bGranted).divide(bestGranted, 2, RoundingMode.HALF_UP),
                sb.get("grantedAmount"));
        assertEquals(new BigDecimal("100.00"), sa.get("firstTimeBorrowers"));
        assertEquals(new BigDecimal("50.00"), sb.get("firstTimeBorrowers"));
        assertEquals(new BigDecimal("100.00"), sa.get("speed"));
        assertEquals(new BigDecimal("0.00"), sb.get("speed"));
        assertEquals(new BigDecimal("0.00"), sa.get("npl"));
        assertEquals(new BigDecimal("0.00"), sb.get("npl"), "B1 is substandard: B is over 3 points too");
        BigDecimal lowRate = aRate.min(bRate);
        BigDecimal highRate = aRate.max(bRate);
        BigDecimal expectedRateScoreA = lowRate.compareTo(highRate) == 0 ? new BigDecimal("100.00")
                : new BigDecimal("100").multiply(highRate.subtract(aRate))
                .divide(highRate.subtract(lowRate), 2, RoundingMode.HALF_UP);
        assertEquals(expectedRateScoreA, sa.get("averageRate"));
        for (Map<String, Object> bank : List.of(a, b, c)) {
            BigDecimal total = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> s : scores(bank).entrySet()) {
                total = total.add(weights.get(s.getKey()).multiply(s.getValue()));
            }
            assertEquals(total.setScale(2, RoundingMode.HALF_UP), dec(bank.get("total")), bank::toString);
        }
        for (String indicator : scores(c).keySet()) {
            assertEquals(0, scores(c).get(indicator).signum(), "a bank that granted nothing scores nothing");
        }
        // rank = 1 + the number of banks with a higher total; listed in rank order
        List<Map<String, Object>> all = (List<Map<String, Object>>) card.get("banks");
        int previous = 0;
        for (Map<String, Object> bank : all) {
            long higher = all.stream().filter(o -> dec(o.get("total")).compareTo(dec(bank.get("total"))) > 0).count();
            int rank = ((Number) bank.get("rank")).intValue();
            assertEquals(1 + higher, rank, bank::toString);
            assertTrue(rank >= previous);
            previous = rank;
        }
        assertTrue(((Number) c.get("rank")).intValue() > ((Number) a.get("rank")).intValue());
        // a bank's caller sees its own row, ranked among all
        Answer own = get("/api/v1/portfolio/scorecard?from=" + d0 + "&to=" + d1, officerB);
        assertEquals(200, own.status(), own::toString);
        List<?> rows = (List<?>) own.get("banks");
        assertEquals(1, rows.size());
        assertEquals(b, rows.get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, BigDecimal> scores(Map<String, Object> bank) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        ((Map<String, Object>) bank.get("scores")).forEach((k, v) -> out.put(k, dec(v).setScale(2)));
        return out;
    }
    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void everyReportOpensAsXlsxWithTheNumbersOfTheJsonAndCsv() throws Exception {
        // the statistics pack of d0: one sheet per table, the day on every sheet
        try (XSSFWorkbook book = workbook("/api/v1/portfolio/statistics.xlsx?asOf=" + d0)) {
            assertEquals(List.of("合计", "按知识产权类型", "按银行", "按地区"), sheetNames(book));
            for (String table : List.of("byIpType", "byBank", "byRegion")) {
                Sheet sheet = book.getSheetAt(List.of("totals", "byIpType", "byBank", "byRegion").indexOf(table));
                assertTrue(sheet.getRow(1).getCell(0).getStringCellValue().startsWith("数据日期 " + d0));
                assertEquals("年内发放金额（元）", sheet.getRow(2).getCell(3).getStringCellValue());
                List<Map<String, Object>> rows = (List<Map<String, Object>>) packAtD0.get(table);
                assertEquals(rows.size(), sheet.getLastRowNum() - 2);
                for (int i = 0; i < rows.size(); i++) {
                    Row r = sheet.getRow(3 + i);
                    Map<String, Object> json = rows.get(i);
                    assertEquals(json.get("key"), r.getCell(0).getStringCellValue());
                    List<String> fields = List.of("grantedLoans", "grantedAmount", "grantedFirms", "outstandingLoans",
                            "outstandingBalance", "outstandingFirms", "nonPerformingLoans", "nonPerformingBalance",
                            "nplRatio");
                    for (int f = 0; f < fields.size(); f++) {
                        assertEquals(dec(json.get(fields.get(f))).doubleValue(),
                                r.getCell(2 + f).getNumericCellValue(), CELL, table + " " + fields.get(f));
                    }
                }
            }
            assertEquals("0.00%", book.getSheetAt(0).getRow(3).getCell(10).getCellStyle().getDataFormatString());
        }
        // its CSV: the same numbers as text
        List<Csv.Row> csv = csv("/api/v1/portfolio/statistics.csv?table=byBank&asOf=" + d0);
        assertEquals("银行代码", csv.get(0).values().get(0));
        Map<String, Object> bankA = row(packAtD0, "byBank", "RPTA");
        Csv.Row a = csv.stream().filter(r -> r.values().get(0).equals("RPTA")).findFirst().orElseThrow();
        assertEquals(0, dec(bankA.get("outstandingBalance")).compareTo(new BigDecimal(a.values().get(6))));
        assertEquals(0, dec(bankA.get("grantedAmount")).compareTo(new BigDecimal(a.values().get(3))));

        // the scorecard
        Map<String, Object> card = get("/api/v1/portfolio/scorecard?from=" + d0 + "&to=" + d1, bureau).body();
        try (XSSFWorkbook book = workbook("/api/v1/portfolio/scorecard.xlsx?from=" + d0 + "&to=" + d1)) {
            Sheet sheet = book.getSheetAt(0);
            assertTrue(sheet.getRow(1).getCell(0).getStringCellValue().startsWith("数据日期 " + d1));
            assertEquals("发放金额（元）", sheet.getRow(2).getCell(4).getStringCellValue());
            List<Map<String, Object>> banks = (List<Map<String, Object>>) card.get("banks");
            int last = sheet.getRow(2).getLastCellNum() - 1;
            assertEquals("总分", sheet.getRow(2).getCell(last).getStringCellValue());
            for (int i = 0; i < banks.size(); i++) {
                Row r = sheet.getRow(3 + i);
                Map<String, Object> json = banks.get(i);
                assertEquals(((Number) json.get("rank")).doubleValue(), r.getCell(0).getNumericCellValue(), CELL);
                assertEquals(json.get("bankCode"), r.getCell(1).getStringCellValue());
                assertEquals(dec(json.get("grantedAmount")).doubleValue(), r.getCell(4).getNumericCellValue(), CELL);
                assertEquals(dec(json.get("averageRate")).doubleValue(), r.getCell(10).getNumericCellValue(), CELL);
                assertEquals(dec(json.get("medianDaysToDisburse")).doubleValue(), r.getCell(19).getNumericCellValue(),
                        CELL);
                assertEquals(dec(json.get("total")).doubleValue(), r.getCell(last).getNumericCellValue(), CELL);
            }
        }
        List<Csv.Row> cardCsv = csv("/api/v1/portfolio/scorecard.csv?from=" + d0 + "&to=" + d1);
        assertEquals("排名", cardCsv.get(0).values().get(0));
        Map<String, Object> first = ((List<Map<String, Object>>) card.get("banks")).get(0);
        assertEquals(first.get("bankCode"), cardCsv.get(1).values().get(1));
        assertEquals(0, dec(first.get("total")).compareTo(new BigDecimal(cardCsv.get(1).values().get(
                cardCsv.get(1).values().size() - 1))));

        // every summary CSV has an XLSX twin with the same cells
        for (String table : PortfolioCsv.TABLES) {
            List<Csv.Row> rows = csv("/api/v1/portfolio/summary.csv?table=" + table);
            try (XSSFWorkbook book = workbook("/api/v1/portfolio/summary-table.xlsx?table=" + table)) {
                Sheet sheet = book.getSheetAt(0);
                assertEquals("数据日期 " + today(), sheet.getRow(1).getCell(0).getStringCellValue());
                assertEquals(rows.size() - 1, sheet.getLastRowNum() - 2, table);
                assertEquals(rows.get(0).values().size(), sheet.getRow(2).getLastCellNum(), table);
                for (int i = 1; i < rows.size(); i++) {
                    List<String> values = rows.get(i).values();
                    Row r = sheet.getRow(2 + i);
                    for (int c = 0; c < values.size(); c++) {
                        Cell cell = r.getCell(c);
                        if (cell.getCellType() == CellType.NUMERIC) {
                            assertEquals(new BigDecimal(values.get(c)).doubleValue(), cell.getNumericCellValue(),
                                    CELL, table + " row " + i + " column " + c);
                        } else {
                            assertEquals(values.get(c), cell.getStringCellValue(), table + " row " + i + " col " + c);
                        }
                    }
                }
            }
        }
    }

    @Test
    @Order(5)
    void badDatesAndTablesAreFourHundredsNamingTheField() {
        for (Object[] c : new Object[][]{
                {"/api/v1/portfolio/statistics?asOf=2026-13-01", "asOf"},
                {"/api/v1/portfolio/statistics?asOf=" + today().plusDays(1), "asOf"},
                {"/api/v1/portfolio/statistics.csv?table=nope", "table"},
                {"/api/v1/portfolio/scorecard?from=" + d1 + "&to=" + d0, "from"},
                {"/api/v1/portfolio/scorecard?to=tomorrow", "to"},
                {"/api/v1/portfolio/summary-table.xlsx?table=all", "table"}}) {
            Answer a = get((String) c[0], bureau);
            assertEquals(400, a.status(), a::toString);
            assertEquals("application/problem+json", a.contentType(), a::toString);
            assertEquals(List.of(c[1]), a.errorFields(), a::toString);
        }
        Answer forbidden = get("/api/v1/portfolio/scorecard", ADMIN_KEY);
        assertEquals(403, forbidden.status(), forbidden::toString);
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void theWeightsArePolicyDataCheckedWhenStored() {
        Map<String, Object> params = get("/api/v1/policy-parameters", bureau).body();
        Map<String, Object> scorecard = (Map<String, Object>) params.get("scorecard");
        assertEquals(0, new BigDecimal("10000000").compareTo(dec(scorecard.get("smallLoanMaxPrincipal"))));
        Map<String, Object> weights = new LinkedHashMap<>((Map<String, Object>) scorecard.get("weights"));
        weights.put("speed", "0.50");
        Answer bad = put("/api/v1/policy-parameters", withScorecard(params, weights), bureau);
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.errorFields().stream().anyMatch(f -> f.endsWith("scorecard.weights")), bad::toString);

        // everything on speed: bank A (drawn the day it was filed) beats bank B outright
        Map<String, Object> speedOnly = new LinkedHashMap<>();
        weights.keySet().forEach(k -> speedOnly.put(k, "0"));
        speedOnly.put("speed", "1");
        Answer stored = put("/api/v1/policy-parameters", withScorecard(params, speedOnly), bureau);
        assertEquals(200, stored.status(), stored::toString);
        Answer card = get("/api/v1/portfolio/scorecard?from=" + d0 + "&to=" + d1, bureau);
        Map<String, Object> first = ((List<Map<String, Object>>) card.get("banks")).get(0);
        assertEquals("RPTA", first.get("bankCode"));
        assertEquals(new BigDecimal("100.00"), dec(first.get("total")).setScale(2));
        assertEquals(stored.text("version"), card.text("parametersVersion"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withScorecard(Map<String, Object> params, Map<String, Object> weights) {
        Map<String, Object> body = new LinkedHashMap<>(params);
        Map<String, Object> scorecard = new LinkedHashMap<>((Map<String, Object>) params.get("scorecard"));
        scorecard.put("weights", weights);
        body.put("scorecard", scorecard);
        return body;
    }

    private byte[] download(String path) {
        HttpResponse<byte[]> r = client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(bureau)
                .accept(MediaType.ALL_TYPE), byte[].class);
        assertEquals(200, r.code());
        assertTrue(r.header("Content-Disposition").contains("attachment"));
        return r.body();
    }

    private XSSFWorkbook workbook(String path) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(download(path)));
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            names.add(book.getSheetName(i));
        }
        return names;
    }

    private List<Csv.Row> csv(String path) throws Csv.Malformed {
        String text = new String(download(path), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 with BOM");
        return Csv.read(text.substring(1));
    }
}
