package com.ipledge.service.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A two-bank book built through the API (filing, evaluation, approval, pledge registration, disbursement, a
 * repayment, a declared default), and the portfolio views checked
 * against arithmetic done here from the database rows.
 */
@MicronautTest(transactional = false)
class PortfolioApiTest extends ApiTestBase {
    /** Answers write a double with at most 10 decimal places (DecimalPlacesModule): compare to that. */
    private static final double ROUNDED = 1e-10;

    private static final ZoneId BUSINESS = ZoneId.of("Asia/Shanghai");
    private static final String TRICKY_NAME = "甘肃\"丝路\"银行, 兰州";

    private Sql sql;
    private UUID bankA;
    private UUID bankB;
    private String officerA;
    private String approverA;
    private String officerB;
    private String approverB;
    private String bureau;
    private String defaultedLoan;
    private String twoAssetLoan;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void buildBook() {
        sql = new Sql(databaseUrl());
        bankA = createBank("PORTA");
        Answer b = post("/api/v1/admin/banks", Map.of("code", "PORTB", "name", TRICKY_NAME), ADMIN_KEY);
        assertEquals(201, b.status(), b::toString);
        bankB = UUID.fromString(b.text("id"));
        officerA = apiKey("BANK_OFFICER", bankA);
        approverA = apiKey("BANK_APPROVER", bankA);
        officerB = apiKey("BANK_OFFICER", bankB);
        approverB = apiKey("BANK_APPROVER", bankB);
        bureau = apiKey("BUREAU", null);
        LoanBook book = new LoanBook(this);
        book.quotaPlans(bureau, List.of(bankA, bankB), List.of(today().getYear()));

        // bank A: manufacturing in Lanzhou; IT in Tianshui on two assets (then partly repaid); farming in
        // Zhangye (then defaulted)
        book.disburse(officerA, book.approve(approverA, book.application(officerA,
                firm("C3911", "ENERGY_SAVING_ENVIRONMENTAL", "620100"), "500000", false)));
        twoAssetLoan = book.approve(approverA, book.application(officerA,
                firm("I6510", "DATA_INFORMATION", "620500"), "400000", true));
        book.disburse(officerA, twoAssetLoan);
        Answer repaid = post("/api/v1/loans/" + twoAssetLoan + "/repayments",
                Map.of("amount", "1000.00", "paidOn", today().toString()), officerA);
        assertEquals(201, repaid.status(), repaid::toString);
        assertEquals("REPAYING", repaid.text("status"));
        defaultedLoan = book.approve(approverA, book.application(officerA,
                firm("A0141", "CIRCULAR_AGRICULTURE", "620700"), "300000", false));
        book.disburse(officerA, defaultedLoan);
        // declared in default by the bank: the service makes it DEFAULTED and at least substandard (non-performing)
        Answer defaulted = post("/api/v1/loans/" + defaultedLoan + "/default",
                Map.of("defaultedOn", today().toString(), "note", "the firm stopped paying"), officerA,
                java.util.UUID.randomUUID().toString());
        assertEquals(201, defaulted.status(), defaulted::toString);
        assertEquals("SUBSTANDARD", get("/api/v1/loans/" + defaultedLoan, officerA).text("classification"));

        // bank B: a firm outside Gansu without an ecological tag, and an approved loan not yet drawn
        book.disburse(officerB, book.approve(approverB, book.application(officerB, firm("C2740", null, "110105"),
                "600000", false)));
        book.approve(approverB, book.application(officerB, firm("C3911", "ENERGY_SAVING_ENVIRONMENTAL", "620100"),
                "200000", false));
    }

    /** A strong firm in {@code industry} and {@code region}, with the ecological tag {@code eco} or none. */
    private static Map<String, Object> firm(String industry, String eco, String region) {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        borrower.put("industryCode", industry);
        borrower.put("regionCode", region);
        if (eco == null) {
            borrower.remove("ecoIndustry");
        } else {
            borrower.put("ecoIndustry", eco);
        }
        return borrower;
    }

    // ------------------------------------------------------------------------------------------ the figures

    /** A live or defaulted loan as the database holds it. */
    record Row(String loanId, String bankId, String bankCode, String status, BigDecimal outstanding,
               BigDecimal principal, BigDecimal pd, BigDecimal lgd, String industryCode, String regionCode) {
        boolean live() {
            return status.equals("DISBURSED") || status.equals("REPAYING");
        }
    }

    private List<Row> rows(UUID bankOrNull) {
        String where = bankOrNull == null ? "" : " AND l.bank_id = '" + bankOrNull + "'";
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> r : query("SELECT l.id, l.bank_id, k.code, l.status, l.outstanding_principal, "
                + "l.principal, d.pd, d.lgd, b.industry_code, b.region_code FROM loan l JOIN bank k ON k.id = "
                + "l.bank_id JOIN borrower b ON b.id = l.borrower_id JOIN decision d ON d.id = l.decision_id "
                + "WHERE l.status IN ('DISBURSED', 'REPAYING', 'DEFAULTED')" + where)) {
            rows.add(new Row(r.get("id").toString(), r.get("bank_id").toString(), (String) r.get("code"),
                    (String) r.get("status"), (BigDecimal) r.get("outstanding_principal"),
                    (BigDecimal) r.get("principal"), (BigDecimal) r.get("pd"), (BigDecimal) r.get("lgd"),
                    (String) r.get("industry_code"), ((String) r.get("region_code")).trim()));
        }
        return rows;
    }

    private List<Map<String, Object>> query(String statement) {
        try (Connection c = DriverManager.getConnection(databaseUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(statement)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal dec(Object o) {
        return new BigDecimal(o.toString());
    }

    private static BigDecimal yuan(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Answer a, String field) {
        return (List<Map<String, Object>>) a.get(field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put((String) r.get("key"), r));
        return m;
    }

    private static double hhi(Map<String, BigDecimal> exposures) {
        BigDecimal total = exposures.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        double sum = 0;
        for (BigDecimal e : exposures.values()) {
            double share = e.doubleValue() / total.doubleValue();
            sum += share * share;
        }
        return sum;
    }

    @Test
    void bureauSummaryMatchesTheBook() {
        Answer a = get("/api/v1/portfolio/summary", bureau);
        assertEquals(200, a.status(), a::toString);
        List<Row> rows = rows(null);
        assertEquals(4, rows.size(), "four drawn loans, one of them defaulted: " + rows);

        // totals: exposure, defaulted, EL = sum PD x LGD x outstanding over live loans
        BigDecimal live = BigDecimal.ZERO;
        BigDecimal defaulted = BigDecimal.ZERO;
        BigDecimal el = BigDecimal.ZERO;
        Map<String, BigDecimal> byBank = new LinkedHashMap<>();
        Map<String, BigDecimal> bySection = new LinkedHashMap<>();
        Map<String, BigDecimal> elBySection = new LinkedHashMap<>();
        Map<String, BigDecimal> byRegion = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.live()) {
                defaulted = defaulted.add(r.outstanding());
                continue;
            }
            live = live.add(r.outstanding());
            BigDecimal loss = r.pd().multiply(r.lgd()).multiply(r.outstanding());
            el = el.add(loss);
            byBank.merge(r.bankCode(), r.outstanding(), BigDecimal::add);
            bySection.merge(r.industryCode().substring(0, 1), r.outstanding(), BigDecimal::add);
            elBySection.merge(r.industryCode().substring(0, 1), loss, BigDecimal::add);
            byRegion.merge(r.regionCode(), r.outstanding(), BigDecimal::add);
        }
        Map<String, Object> totals = map(a.get("totals"));
        assertEquals(3L, ((Number) totals.get("liveLoans")).longValue());
        assertEquals(0, live.compareTo(dec(totals.get("liveExposure"))), totals::toString);
        assertEquals(1L, ((Number) totals.get("defaultedLoans")).longValue());
        assertEquals(0, defaulted.compareTo(dec(totals.get("defaultedExposure"))));
        assertEquals(new BigDecimal(sql.text("SELECT principal FROM loan WHERE id = '" + defaultedLoan + "'")),
                dec(totals.get("defaultedExposure")).setScale(2));
        assertTrue(el.signum() > 0, "the decisions carry PD and LGD");
        assertEquals(yuan(el), dec(totals.get("expectedLoss")).setScale(2));
        assertEquals(defaulted.divide(live.add(defaulted), 6, RoundingMode.HALF_UP),
                dec(totals.get("nplRatio")).setScale(6));

        // by bank (exposure, defaulted shown separately) and its HHI = sum of squared shares
        Map<String, Map<String, Object>> banks = byKey(list(a, "byBank"));
        assertEquals(byBank.keySet(), banks.keySet());
        byBank.forEach((code, exposure) -> assertEquals(0, exposure.compareTo(dec(banks.get(code).get("exposure"))),
                code));
        assertEquals(0, defaulted.compareTo(dec(banks.get("PORTA").get("defaultedExposure"))));
        assertEquals(bankB.toString(), banks.get("PORTB").get("id"));
        assertEquals(TRICKY_NAME, banks.get("PORTB").get("nameZh"));
        Map<String, Object> herfindahl = map(a.get("herfindahl"));
        double bankHhi = hhi(byBank);
        assertEquals(bankHhi, ((Number) herfindahl.get("bank")).doubleValue(), ROUNDED);
        assertTrue(bankHhi > 0.5 && bankHhi < 1.0, "two banks: " + bankHhi);

        // by industry (GB/T 4754 section), with EL per section
        Map<String, Map<String, Object>> sections = byKey(list(a, "byIndustry"));
        assertEquals(List.of("C", "I", "A"), List.copyOf(sections.keySet()), "by exposure, largest first");
        assertEquals(Set.of("C", "I"), bySection.keySet());
        // the defaulted farm loan: a row with no live exposure, its outstanding shown separately
        assertEquals(0, ((Number) sections.get("A").get("loans")).intValue());
        assertEquals(0, BigDecimal.ZERO.compareTo(dec(sections.get("A").get("exposure"))));
        assertEquals(1, ((Number) sections.get("A").get("defaultedLoans")).intValue());
        assertEquals(0, defaulted.compareTo(dec(sections.get("A").get("defaultedExposure"))));
        bySection.forEach((s, exposure) -> {
            assertEquals(0, exposure.compareTo(dec(sections.get(s).get("exposure"))), s);
            assertEquals(yuan(elBySection.get(s)), dec(sections.get(s).get("expectedLoss")).setScale(2), s);
        });
        assertEquals("制造业", sections.get("C").get("nameZh"));
        assertEquals(hhi(bySection), ((Number) herfindahl.get("industry")).doubleValue(), ROUNDED);

        // ecological industries: one live loan has none
        Map<String, Map<String, Object>> ecos = byKey(list(a, "byEcoIndustry"));
        assertEquals("节能环保", ecos.get("ENERGY_SAVING_ENVIRONMENTAL").get("nameZh"));
        assertEquals(1L, ((Number) ecos.get("UNSPECIFIED").get("loans")).longValue());
        assertEquals(1L, ((Number) ecos.get("CIRCULAR_AGRICULTURE").get("defaultedLoans")).longValue());

        // regions: Gansu prefectures named, others not
        Map<String, Map<String, Object>> regions = byKey(list(a, "byRegion"));
        byRegion.forEach((code, exposure) -> assertEquals(0, exposure.compareTo(dec(regions.get(code)
                .get("exposure"))), code));
        assertEquals("兰州", regions.get("620100").get("nameZh"));
        assertEquals("620100", regions.get("620100").get("prefecture"));
        assertEquals("天水", regions.get("620500").get("nameZh"));
        assertNull(regions.get("110105").get("prefecture"));
        assertNull(regions.get("110105").get("nameZh"));
        assertEquals(hhi(byRegion), ((Number) herfindahl.get("region")).doubleValue(), ROUNDED);

        // loans by status
        Map<String, Object> status = map(a.get("loansByStatus"));
        assertEquals(2, ((Number) status.get("DISBURSED")).intValue(), status::toString); // A1 and B1
        assertEquals(1, ((Number) status.get("REPAYING")).intValue());
        assertEquals(1, ((Number) status.get("DEFAULTED")).intValue());
        assertEquals(1, ((Number) status.get("APPROVED")).intValue());
        assertEquals(0, ((Number) status.get("CLOSED")).intValue());
    }

    @Test
    void ipTypeSplitFollowsTheDecisionsCollateralValues() throws Exception {
        Answer a = get("/api/v1/portfolio/summary", bureau);
        BigDecimal outstanding = new BigDecimal(sql.text("SELECT outstanding_principal FROM loan WHERE id = '"
                + twoAssetLoan + "'"));
        JsonNode body = JSON.readTree(sql.text("SELECT d.body FROM decision d JOIN loan l ON l.decision_id = d.id "
                + "WHERE l.id = '" + twoAssetLoan + "'"));
        Map<String, BigDecimal> valueByType = new HashMap<>();
        for (JsonNode c : body.path("collateral")) {
            String type = sql.text("SELECT type FROM ip_asset WHERE id = '" + c.path("assetId").asText() + "'");
            valueByType.put(type, new BigDecimal(c.path("collateralValue").asText()));
        }
        assertEquals(2, valueByType.size(), body::toString);
        BigDecimal total = valueByType.get("INVENTION_PATENT").add(valueByType.get("UTILITY_MODEL"));
        assertTrue(total.signum() > 0);
        // the utility model's share of the two-asset loan, by hand; everything else is invention patents
        BigDecimal utility = outstanding.multiply(valueByType.get("UTILITY_MODEL"))
                .divide(total, 2, RoundingMode.HALF_UP);
        Map<String, Map<String, Object>> types = byKey(list(a, "byIpType"));
        assertEquals(0, utility.compareTo(dec(types.get("UTILITY_MODEL").get("exposure"))), types::toString);
        BigDecimal live = dec(map(a.get("totals")).get("liveExposure"));
        BigDecimal sum = types.values().stream().map(r -> dec(r.get("exposure"))).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(0, live.compareTo(sum), "the split adds up to the fen");
        assertEquals(0, live.subtract(utility).compareTo(dec(types.get("INVENTION_PATENT").get("exposure"))));
        assertEquals(3L, ((Number) types.get("INVENTION_PATENT").get("loans")).longValue());
        assertEquals("实用新型", types.get("UTILITY_MODEL").get("nameZh"));
        double invention = live.subtract(utility).doubleValue() / live.doubleValue();
        double um = utility.doubleValue() / live.doubleValue();
        assertEquals(invention * invention + um * um,
                ((Number) map(a.get("herfindahl")).get("ipType")).doubleValue(), ROUNDED);
    }

    @Test
    void quotaTrendsAndAlerts() {
        Answer a = get("/api/v1/portfolio/summary", bureau);
        Map<String, Map<String, Object>> quota = new LinkedHashMap<>();
        list(a, "quota").forEach(q -> quota.put((String) q.get("bankCode"), q));
        assertEquals(List.of("PORTA", "PORTB"), List.copyOf(quota.keySet()));
        for (Map.Entry<String, Map<String, Object>> e : quota.entrySet()) {
            String bank = e.getKey().equals("PORTA") ? bankA.toString() : bankB.toString();
            BigDecimal drawn = new BigDecimal(sql.text("SELECT coalesce(sum(principal), 0) FROM loan WHERE bank_id = '"
                    + bank + "' AND disbursed_on IS NOT NULL"));
            BigDecimal reserved = new BigDecimal(sql.text("SELECT coalesce(sum(principal), 0) FROM loan WHERE "
                    + "bank_id = '" + bank + "' AND status IN ('APPROVED', 'PLEDGE_REGISTERED')"));
            Map<String, Object> q = e.getValue();
            assertEquals(0, drawn.compareTo(dec(q.get("drawn"))), q::toString);
            assertEquals(0, reserved.compareTo(dec(q.get("reserved"))), q::toString);
            assertEquals(0, new BigDecimal("100000000").subtract(drawn).subtract(reserved)
                    .compareTo(dec(q.get("available"))));
            assertEquals(today().getYear(), ((Number) q.get("year")).intValue());
        }
        assertTrue(dec(quota.get("PORTB").get("reserved")).signum() > 0, "bank B's undrawn approval");

        List<Map<String, Object>> trends = list(a, "trends");
        assertEquals(12, trends.size());
        assertEquals(YearMonth.from(today()).toString(), trends.get(11).get("month"));
        assertEquals(YearMonth.from(today()).minusMonths(11).toString(), trends.get(0).get("month"));
        BigDecimal disbursed = new BigDecimal(sql.text("SELECT sum(principal) FROM loan WHERE disbursed_on IS NOT NULL"));
        assertEquals(4, ((Number) trends.get(11).get("disbursedCount")).intValue());
        assertEquals(0, disbursed.compareTo(dec(trends.get(11).get("disbursedAmount"))));
        assertEquals(0, ((Number) trends.get(0).get("disbursedCount")).intValue());

        boolean alertTable = sql.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'alert'"
                + " AND table_schema = current_schema()") == 1;
        Map<String, Object> alerts = map(a.get("alerts"));
        assertEquals(alertTable, alerts.get("available"), alerts::toString);
        if (!alertTable) {
            assertEquals(0, ((Number) alerts.get("open")).intValue());
        }
    }

    @Test
    void aBankSeesOnlyItsOwnBook() {
        for (UUID bank : List.of(bankA, bankB)) {
            String key = bank.equals(bankA) ? officerA : approverB;
            Answer a = get("/api/v1/portfolio/summary", key);
            assertEquals(200, a.status(), a::toString);
            List<Row> rows = rows(bank);
            BigDecimal live = rows.stream().filter(Row::live).map(Row::outstanding).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            BigDecimal el = rows.stream().filter(Row::live).map(r -> r.pd().multiply(r.lgd())
                    .multiply(r.outstanding())).reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<String, Object> totals = map(a.get("totals"));
            assertEquals(0, live.compareTo(dec(totals.get("liveExposure"))), totals::toString);
            assertEquals(yuan(el), dec(totals.get("expectedLoss")).setScale(2));
            List<Map<String, Object>> banks = list(a, "byBank");
            assertEquals(1, banks.size());
            assertEquals(bank.toString(), banks.get(0).get("id"));
            assertEquals(1.0, ((Number) map(a.get("herfindahl")).get("bank")).doubleValue(), ROUNDED);
            assertEquals(List.of(bank.toString()), list(a, "quota").stream().map(q -> q.get("bankId")).toList());
            long loans = sql.count("SELECT count(*) FROM loan WHERE bank_id = '" + bank + "'");
            assertEquals(loans, map(a.get("loansByStatus")).values().stream()
                    .mapToLong(v -> ((Number) v).longValue()).sum());
            Answer risk = get("/api/v1/portfolio/risk?scenarios=2000", key);
            assertEquals(200, risk.status(), risk::toString);
            assertEquals(rows.stream().filter(Row::live).count(), ((Number) risk.get("loans")).longValue());
            assertEquals(0, live.compareTo(dec(risk.get("totalExposure"))));
        }
        assertEquals(401, get("/api/v1/portfolio/summary", null).status());
        assertEquals(403, get("/api/v1/portfolio/summary", ADMIN_KEY).status());
    }

    @Test
    void riskAnswersOrderedQuantilesAndTheAnalyticExpectedLoss() {
        Answer a = get("/api/v1/portfolio/risk?scenarios=200000&seed=7&confidence=0.95", bureau);
        assertEquals(200, a.status(), a::toString);
        List<Row> live = rows(null).stream().filter(Row::live).toList();
        BigDecimal el = live.stream().map(r -> r.pd().multiply(r.lgd()).multiply(r.outstanding()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal exposure = live.stream().map(Row::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(live.size(), ((Number) a.get("loans")).intValue());
        assertEquals(0, exposure.compareTo(dec(a.get("totalExposure"))));
        assertEquals(yuan(el).doubleValue(), dec(a.get("analyticExpectedLoss")).doubleValue(), 0.011);
        double simulated = dec(a.get("expectedLoss")).doubleValue();
        assertEquals(el.doubleValue(), simulated, 0.10 * el.doubleValue(), "simulated EL near the analytic EL");

        Map<String, Object> q = map(a.get("lossQuantiles"));
        Map<String, Object> es = map(a.get("expectedShortfall"));
        assertEquals(List.of("0.95", "0.99", "0.999"), List.copyOf(q.keySet()));
        assertEquals(q, map(a.get("var")));
        BigDecimal previous = BigDecimal.ZERO;
        for (String level : List.of("0.95", "0.99", "0.999")) {
            BigDecimal quantile = dec(q.get(level));
            assertTrue(quantile.compareTo(previous) >= 0, "quantiles increase: " + q);
            assertTrue(dec(es.get(level)).compareTo(quantile) >= 0, "ES at or above VaR: " + es);
            assertTrue(quantile.compareTo(exposure) <= 0);
            previous = quantile;
        }
        assertTrue(dec(q.get("0.999")).compareTo(dec(a.get("expectedLoss"))) > 0, q::toString);
        assertEquals(200_000, ((Number) a.get("scenarios")).intValue());
        assertEquals(Boolean.FALSE, a.get("scenariosCapped"));
        assertEquals(7, ((Number) a.get("seed")).intValue());
        assertEquals(0.12, ((Number) a.get("correlation")).doubleValue(), ROUNDED);
        long binned = list(a, "histogram").stream().mapToLong(b -> ((Number) b.get("count")).longValue()).sum();
        assertEquals(200_000, binned);
        Map<String, Object> contributions = map(a.get("contributions"));
        assertEquals(Arrays.asList("bank", "industry", "region", "ipType").stream().sorted().toList(),
                contributions.keySet().stream().sorted().toList());
        assertEquals(hhiOf(live), ((Number) map(a.get("herfindahl")).get("bank")).doubleValue(), ROUNDED);

        // stress: analytic figures by hand
        Map<String, Map<String, Object>> stress = new LinkedHashMap<>();
        list(a, "stress").forEach(s -> stress.put((String) s.get("name"), s));
        assertEquals(List.of("PD_X2", "COLLATERAL_HAIRCUT_30", "BIGGEST_INDUSTRY_SHOCK"),
                List.copyOf(stress.keySet()));
        double pdX2 = 0;
        double haircut = 0;
        double shock = 0;
        Map<String, BigDecimal> bySection = new LinkedHashMap<>();
        live.forEach(r -> bySection.merge(r.industryCode().substring(0, 1), r.outstanding(), BigDecimal::add));
        String biggest = bySection.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        for (Row r : live) {
            double pd = r.pd().doubleValue();
            double lgd = r.lgd().doubleValue();
            double ead = r.outstanding().doubleValue();
            pdX2 += Math.min(1, 2 * pd) * lgd * ead;
            haircut += pd * (1 - (1 - lgd) * 0.7) * ead;
            shock += Math.min(1, pd * (r.industryCode().startsWith(biggest) ? 3 : 1)) * lgd * ead;
        }
        assertEquals(pdX2, dec(stress.get("PD_X2").get("analyticExpectedLoss")).doubleValue(), 0.02);
        assertEquals(haircut, dec(stress.get("COLLATERAL_HAIRCUT_30").get("analyticExpectedLoss")).doubleValue(),
                0.02);
        assertEquals(biggest, stress.get("BIGGEST_INDUSTRY_SHOCK").get("shockedIndustry"));
        assertEquals(shock, dec(stress.get("BIGGEST_INDUSTRY_SHOCK").get("analyticExpectedLoss")).doubleValue(),
                0.02);
        for (Map<String, Object> s : stress.values()) {
            assertTrue(dec(map(s.get("lossQuantiles")).get("0.999")).compareTo(dec(q.get("0.999"))) >= 0,
                    "a stress never lowers the 99.9% loss (same seed): " + s);
        }

        Answer again = get("/api/v1/portfolio/risk?scenarios=200000&seed=7&confidence=0.95", bureau);
        assertEquals(q, map(again.get("lossQuantiles")), "seeded: the same answer");
    }

    private static double hhiOf(List<Row> live) {
        Map<String, BigDecimal> byBank = new LinkedHashMap<>();
        live.forEach(r -> byBank.merge(r.bankCode(), r.outstanding(), BigDecimal::add));
        return hhi(byBank);
    }

    @Test
    void badRiskParametersAreNamed() {
        Answer zero = get("/api/v1/portfolio/risk?scenarios=0", bureau);
        assertEquals(400, zero.status(), zero::toString);
        assertEquals(List.of("scenarios"), zero.errorFields());
        Answer many = get("/api/v1/portfolio/risk?scenarios=5000000&seed=x&confidence=1.5,abc", bureau);
        assertEquals(400, many.status(), many::toString);
        assertTrue(many.errorFields().containsAll(List.of("scenarios", "seed", "confidence")), many::toString);
        assertTrue(many.contentType().contains("problem+json"));
        Answer table = get("/api/v1/portfolio/summary.csv?table=everything", bureau);
        assertEquals(400, table.status(), table::toString);
        assertEquals(List.of("table"), table.errorFields());
    }

    // ---------------------------------------------------------------------------------------------- CSV

    private HttpResponse<byte[]> csv(String table, String key) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET("/api/v1/portfolio/summary.csv?table=" + table)
                    .bearerAuth(key), byte[].class);
        } catch (HttpClientResponseException e) {
            throw new AssertionError(e.getStatus() + " " + e.getResponse().getBody(String.class).orElse(""));
        }
    }

    /** RFC 4180: fields split on commas outside quotes; "" inside quotes is a quote; records end with CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertEquals(0, field.length() + record.size(), "the last record ends with CRLF");
        return records;
    }

    private List<Map<String, String>> csvRecords(String table, String key) {
        HttpResponse<byte[]> r = csv(table, key);
        assertEquals(200, r.code());
        assertTrue(r.getContentType().orElseThrow().toString().startsWith("text/csv"), r.getContentType()::toString);
        assertTrue(r.getHeaders().get("Content-Disposition").contains("portfolio-" + table));
        byte[] bytes = r.body();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "BOM");
        List<List<String>> records = parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> rec : records.subList(1, records.size())) {
            assertEquals(header.size(), rec.size(), rec::toString);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), rec.get(i));
            }
            out.add(m);
        }
        return out;
    }

    @Test
    void csvExportsParseAndAddUp() {
        Answer summary = get("/api/v1/portfolio/summary", bureau);
        Map<String, Object> totals = map(summary.get("totals"));
        BigDecimal live = dec(totals.get("liveExposure"));
        BigDecimal defaulted = dec(totals.get("defaultedExposure"));
        for (String table : List.of("byBank", "byIndustry", "byEcoIndustry", "byRegion", "byIpType")) {
            List<Map<String, String>> rows = csvRecords(table, bureau);
            assertEquals(0, live.compareTo(rows.stream().map(r -> new BigDecimal(r.get("exposure")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add)), table);
            assertEquals(0, defaulted.compareTo(rows.stream().map(r -> new BigDecimal(r.get("defaultedExposure")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add)), table);
            assertEquals(list(summary, table).size(), rows.size(), table);
        }
        List<Map<String, String>> banks = csvRecords("byBank", bureau);
        assertTrue(banks.stream().anyMatch(r -> r.get("bankName").equals(TRICKY_NAME)),
                "a name with a comma and quotes survives: " + banks);
        assertTrue(new String(csv("byBank", bureau).body(), StandardCharsets.UTF_8)
                .contains("\"甘肃\"\"丝路\"\"银行, 兰州\""), "RFC 4180 quoting");
        assertEquals("兰州", csvRecords("byRegion", bureau).stream().filter(r -> r.get("regionCode")
                .equals("620100")).findFirst().orElseThrow().get("nameZh"));

        List<Map<String, String>> quota = csvRecords("quota", bureau);
        BigDecimal drawn = list(summary, "quota").stream().map(q -> dec(q.get("drawn"))).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(0, drawn.compareTo(quota.stream().map(r -> new BigDecimal(r.get("drawn")))
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertEquals(2, quota.size());
        List<Map<String, String>> trends = csvRecords("trends", bureau);
        assertEquals(12, trends.size());
        assertEquals(4, trends.stream().mapToInt(r -> Integer.parseInt(r.get("disbursedCount"))).sum());

        List<Map<String, String>> own = csvRecords("byBank", officerA);
        assertEquals(List.of("PORTA"), own.stream().map(r -> r.get("bankCode")).toList());
        assertFalse(own.isEmpty());
        assertNotNull(own.get(0).get("bankId"));
    }
}
