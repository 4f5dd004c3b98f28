package com.ipledge.service.losssharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Risk sharing in layers over HTTP on the real database: a layered scheme (provincial pool, city pool, insurer,
 * guarantee fund, bank), loans enrolled with mixed collateral, claims filed once the loan is non-performing and
 * taken through review to payment within caps, balances and windows, recoveries clawed back pro rata to the fen,
 * concurrent payments that never overdraw a pool, roles and tenant isolation. The business date only moves forward
 * (by the admin's PUT, which runs each day's close of business), so the steps run in order. Every figure is worked
 * out by hand in the comments.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskLayersApiTest extends ApiTestBase {
    private static final String PRINCIPAL = "300000";

    private Sql sql;
    private String officer;
    private String approver;
    private String otherOfficer;
    private String otherApprover;
    private String bureau;
    private String scheme;
    private String concurrent;
    private LocalDate classifiedOn;
    /** Loans: two ordinary defaults, one filed late, four against one small pool, one over the pool's leverage. */
    private String l1;
    private String l2;
    private String late;
    private final List<String> pooled = new ArrayList<>();
    private String overLeverage;
    private final Map<String, BigDecimal> ipValue = new HashMap<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false", "ipledge.business-date.adjustable", "true");
    }

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        UUID bank = createBank("LAYERBANK");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        UUID other = createBank("LAYEROTHER");
        otherOfficer = apiKey("BANK_OFFICER", other);
        otherApprover = apiKey("BANK_APPROVER", other);
        bureau = apiKey("BUREAU", null);
        for (int year : List.of(thisYear(), thisYear() + 1)) {
            Answer plan = post("/api/v1/quota-plans", Map.of("bankId", bank, "year", year,
                    "amount", "100000000"), bureau);
            assertEquals(201, plan.status(), plan::toString);
        }
        Answer hook = post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:9/hook", "events",
                List.of("claim.filed", "claim.paid", "claim.refused", "claim.clawed_back")), officer);
        assertEquals(201, hook.status(), hook::toString);
        l1 = disbursedLoan();
        l2 = disbursedLoan();
        late = disbursedLoan();
        for (int i = 0; i < 4; i++) {
            pooled.add(disbursedLoan());
        }
        overLeverage = disbursedLoan();
    }

    private String disbursedLoan() {
        String app = fileStrongApplication(officer, PRINCIPAL);
        Answer decision = post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        assertEquals(0, new BigDecimal(PRINCIPAL).compareTo(new BigDecimal(decision.text("approvedLimit"))),
                decision::toString);
        Answer approved = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), approver);
        assertEquals(201, approved.status(), approved::toString);
        String id = approved.text("loanId");
        ipValue.put(id, new BigDecimal(decision.text("totalCollateralValue")));
        Answer pledge = post("/api/v1/loans/" + id + "/pledge-registration",
                Map.of("registrationNo", "Y2026L" + id.substring(0, 8), "registeredOn", today().toString()), officer);
        assertEquals(200, pledge.status(), pledge::toString);
        Answer disbursed = post("/api/v1/loans/" + id + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);
        return id;
    }

    private static Map<String, Object> layer(String party, String kind, String share, Object... terms) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("party", party);
        l.put("kind", kind);
        l.put("share", share);
        for (int i = 0; i < terms.length; i += 2) {
            l.put((String) terms[i], terms[i + 1]);
        }
        return l;
    }

    private static BigDecimal yuan(String v) {
        return new BigDecimal(v);
    }

    private static BigDecimal amount(Object v) {
        return v == null ? null : new BigDecimal(v.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private Map<String, Map<String, Object>> claimsByParty(Answer a) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> c : list(a.get("claims"))) {
            out.put((String) c.get("party"), c);
        }
        return out;
    }

    private Map<String, Map<String, Object>> layersByParty(String schemeId) {
        Answer s = get("/api/v1/risk-sharing/layered-schemes/" + schemeId, bureau);
        assertEquals(200, s.status(), s::toString);
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> l : list(s.get("layers"))) {
            out.put((String) l.get("party"), l);
        }
        return out;
    }

    private Answer enrol(String loan, String schemeId, BigDecimal other) {
        Map<String, Object> body = new HashMap<>();
        body.put("schemeId", schemeId);
        if (other != null) {
            body.put("otherCollateralValue", other.toPlainString());
        }
        return post("/api/v1/loans/" + loan + "/risk-layers", body, officer);
    }

    private void substandard(String loan) {
        Answer a = put("/api/v1/loans/" + loan + "/classification", Map.of("classification", "SUBSTANDARD",
                "reason", "经营停滞，两期未还 / the firm stopped trading"), approver);
        assertEquals(200, a.status(), a::toString);
    }

    private Answer act(String loan, Map<String, Object> claim, String step, Object body, String key) {
        return post("/api/v1/loans/" + loan + "/layer-claims/" + claim.get("id") + "/" + step, body, key);
    }

    private Answer review(String loan, Map<String, Object> claim, String key) {
        return act(loan, claim, "review", Map.of(), key);
    }

    private Answer pay(String loan, Map<String, Object> claim, String key) {
        return act(loan, claim, "payment", Map.of("paidOn", today().toString()), key);
    }

    private static LocalDate nextWeekday(LocalDate d) {
        LocalDate n = d.plusDays(1);
        while (n.getDayOfWeek() == DayOfWeek.SATURDAY || n.getDayOfWeek() == DayOfWeek.SUNDAY) {
            n = n.plusDays(1);
        }
        return n;
    }

    /** Adds a day to its year's calendar as the bureau would: read the year, put it back with the day. */
    private void declare(LocalDate day, String list, String name) {
        Answer current = get("/api/v1/calendar/working-days?year=" + day.getYear(), bureau);
        Map<String, Object> body = new HashMap<>();
        body.put("year", day.getYear());
        body.put("source", current.status() == 200 ? current.text("source") : "演练安排");
        body.put("holidays", current.status() == 200 ? current.get("holidays") : new ArrayList<>());
        body.put("workingDays", current.status() == 200 ? current.get("workingDays") : new ArrayList<>());
        List<Object> days = new ArrayList<>(list(body.get(list)));
        days.add(Map.of("date", day.toString(), "name", name));
        body.put(list, days);
        Answer changed = put("/api/v1/calendar/working-days", body, bureau);
        assertEquals(200, changed.status(), changed::toString);
    }

    @Test
    @Order(1)
    void theBureauConfiguresLayersAndBadInputIsRefusedNamingTheField() {
        List<Map<String, Object>> layers = List.of(
                layer("PROVINCIAL_POOL", "POOL", "0.35", "perYearCap", "100000", "claimWindowWorkingDays", 10,
                        "balance", "1000000", "leverageMultiple", "10"),
                layer("CITY_POOL", "POOL", "0.25", "perLoanCap", "25000", "claimWindowWorkingDays", 10,
                        "balance", "500000"),
                layer("INSURER", "INSURER", "0.20", "claimWindowWorkingDays", 20),
                layer("GUARANTEE_FUND", "GUARANTEE_FUND", "0.10", "perLoanCap", "10000",
                        "claimWindowWorkingDays", 30, "balance", "12500"),
                layer("BANK", "BANK", "0.10"));
        Answer byBank = post("/api/v1/risk-sharing/layered-schemes", Map.of("name", "甘肃分层", "layers", layers),
                officer);
        assertEquals(403, byBank.status(), byBank::toString);

        List<Map<String, Object>> wrong = new ArrayList<>(layers);
        wrong.set(4, layer("BANK", "BANK", "0.05"));
        Answer notOne = post("/api/v1/risk-sharing/layered-schemes", Map.of("name", "bad", "layers", wrong), bureau);
        assertEquals(400, notOne.status(), notOne::toString);
        assertEquals(List.of("layers"), notOne.errorFields());
        assertTrue(notOne.raw().contains("0.95"), notOne::toString);
        wrong = new ArrayList<>(layers);
        wrong.set(1, layer("CITY_POOL", "POOL", "0.25"));
        wrong.set(0, layer("PROVINCIAL_POOL", "POOL", "0.35", "balance", "1000000", "leverageMultiple", "0"));
        Answer noBalance = post("/api/v1/risk-sharing/layered-schemes", Map.of("name", "bad", "layers", wrong),
                bureau);
        assertEquals(400, noBalance.status(), noBalance::toString);
        assertEquals(List.of("layers[0].leverageMultiple", "layers[1].balance"),
                noBalance.errorFields().stream().sorted().toList());
        Answer bankCapped = post("/api/v1/risk-sharing/layered-schemes", Map.of("name", "bad", "layers",
                List.of(layer("CITY_POOL", "POOL", "0.5", "balance", "1"),
                        layer("BANK", "BANK", "0.5", "perLoanCap", "1"))), bureau);
        assertEquals(400, bankCapped.status(), bankCapped::toString);
        assertEquals(List.of("layers[1].perLoanCap"), bankCapped.errorFields());

        Answer created = post("/api/v1/risk-sharing/layered-schemes", Map.of("name", "甘肃省知识产权质押分层风险分担",
                "layers", layers), bureau);
        assertEquals(201, created.status(), created::toString);
        scheme = created.text("id");
        Answer conc = post("/api/v1/risk-sharing/layered-schemes", Map.of("name", "兰州市小额补偿池", "layers",
                List.of(layer("LANZHOU_POOL", "POOL", "1", "perLoanCap", "40000", "claimWindowWorkingDays", 10,
                                "balance", "100000", "leverageMultiple", "12"),
                        layer("BANK", "BANK", "0"))), bureau);
        assertEquals(201, conc.status(), conc::toString);
        concurrent = conc.text("id");
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'risk-layer-scheme.created'"
                + " AND entity_id = '" + scheme + "'"));
    }

    @Test
    @Order(2)
    void loansAreEnrolledWithTheirIpShareAndAPoolsLeverageIsEnforced() {
        Answer missing = post("/api/v1/loans/" + l1 + "/risk-layers", Map.of(), officer);
        assertEquals(400, missing.status(), missing::toString);
        assertEquals(List.of("schemeId"), missing.errorFields());
        Answer negative = enrol(l1, scheme, yuan("-1"));
        assertEquals(400, negative.status(), negative::toString);
        assertEquals(List.of("otherCollateralValue"), negative.errorFields());
        Answer byOtherBank = post("/api/v1/loans/" + l1 + "/risk-layers", Map.of("schemeId", scheme), otherOfficer);
        assertEquals(404, byOtherBank.status(), byOtherBank::toString);

        // mixed collateral: as much non-IP collateral as IP, so the IP share is exactly one half
        for (String loan : List.of(l1, l2, late)) {
            Answer a = enrol(loan, scheme, ipValue.get(loan));
            assertEquals(201, a.status(), a::toString);
            assertEquals(0, yuan("0.5").compareTo(amount(a.get("ipShare"))), a::toString);
            assertEquals(0, ipValue.get(loan).compareTo(amount(a.get("ipCollateralValue"))), a::toString);
        }
        assertEquals(409, enrol(l1, scheme, null).status(), "enrolled once");
        for (String loan : pooled) {
            Answer a = enrol(loan, concurrent, null);
            assertEquals(201, a.status(), a::toString);
            assertEquals(0, BigDecimal.ONE.compareTo(amount(a.get("ipShare"))), a::toString);
        }
        // the small pool backs 12 x 100,000 = 1,200,000 = four loans of 300,000; a fifth does not fit
        Answer fifth = enrol(overLeverage, concurrent, null);
        assertEquals(409, fifth.status(), fifth::toString);
        assertTrue(fifth.text("type").endsWith("pool-leverage-exceeded"), fifth::toString);
        Map<String, Object> pool = layersByParty(concurrent).get("LANZHOU_POOL");
        assertEquals(0, yuan("1200000.00").compareTo(amount(pool.get("leverageLimit"))), pool::toString);
        assertEquals(0, yuan("1200000.00").compareTo(amount(pool.get("committedPrincipal"))), pool::toString);
        assertEquals(0, amount(pool.get("leverageHeadroom")).signum(), pool::toString);
        Map<String, Object> provincial = layersByParty(scheme).get("PROVINCIAL_POOL");
        assertEquals(0, yuan("900000.00").compareTo(amount(provincial.get("committedPrincipal"))),
                provincial::toString);
    }

    @Test
    @Order(3)
    void aLayeredDefaultPaysEachLayerWithinItsCaps() {
        Answer performing = post("/api/v1/loans/" + l1 + "/layer-claims", Map.of(), officer);
        assertEquals(422, performing.status(), performing::toString);
        assertTrue(performing.text("type").endsWith("loan-performing"), performing::toString);
        classifiedOn = today();
        for (String loan : List.of(l1, l2, late)) {
            substandard(loan);
        }
        pooled.forEach(this::substandard);

        Answer filed = post("/api/v1/loans/" + l1 + "/layer-claims", Map.of("note", "首笔代偿"), officer);
        assertEquals(201, filed.status(), filed::toString);
        // loss = outstanding 300,000.00 + no interest due yet; IP share 1/2: covered 150,000.00.
        // provincial 0.35 -> 52,500.00; city 0.25 -> 37,500.00 capped at 25,000.00; insurer 0.20 -> 30,000.00;
        // fund 0.10 -> 15,000.00 capped at 10,000.00; the bank: 300,000 - 117,500 = 182,500.00
        assertEquals(0, yuan("300000.00").compareTo(amount(filed.get("loss"))), filed::toString);
        assertEquals(0, yuan("150000.00").compareTo(amount(filed.get("coveredLoss"))), filed::toString);
        assertEquals(classifiedOn.toString(), filed.text("nonPerformingOn"));
        Map<String, Map<String, Object>> c = claimsByParty(filed);
        assertEquals(List.of("PROVINCIAL_POOL", "CITY_POOL", "INSURER", "GUARANTEE_FUND"), List.copyOf(c.keySet()));
        assertEquals(0, yuan("52500.00").compareTo(amount(c.get("PROVINCIAL_POOL").get("amount"))));
        assertEquals(0, yuan("25000.00").compareTo(amount(c.get("CITY_POOL").get("amount"))));
        assertEquals(true, c.get("CITY_POOL").get("capped"));
        assertEquals(0, yuan("30000.00").compareTo(amount(c.get("INSURER").get("amount"))));
        assertEquals(0, yuan("10000.00").compareTo(amount(c.get("GUARANTEE_FUND").get("amount"))));
        assertEquals(true, c.get("GUARANTEE_FUND").get("capped"));
        assertEquals(0, yuan("182500.00").compareTo(amount(filed.get("bankPart"))), filed::toString);
        c.values().forEach(x -> assertEquals("FILED", x.get("status")));
        assertEquals(409, post("/api/v1/loans/" + l1 + "/layer-claims", Map.of(), officer).status(), "filed once");

        // who decides: the bureau for public money (pools, the fund); the bank's approver may record the insurer's
        Answer bankOnPool = review(l1, c.get("PROVINCIAL_POOL"), approver);
        assertEquals(403, bankOnPool.status(), bankOnPool::toString);
        assertEquals(403, review(l1, c.get("INSURER"), officer).status(), "an officer does not decide claims");
        assertEquals(409, pay(l1, c.get("INSURER"), approver).status(), "paid only after review");
        Answer noDate = act(l1, c.get("INSURER"), "payment", Map.of(), approver);
        assertEquals(400, noDate.status(), noDate::toString);
        assertEquals(List.of("paidOn"), noDate.errorFields());
        for (String party : List.of("PROVINCIAL_POOL", "CITY_POOL", "GUARANTEE_FUND")) {
            Answer r = review(l1, c.get(party), bureau);
            assertEquals(200, r.status(), r::toString);
            assertEquals("UNDER_REVIEW", r.text("status"));
            Answer p = pay(l1, c.get(party), bureau);
            assertEquals(200, p.status(), p::toString);
            assertEquals("PAID", p.text("status"));
            assertEquals(0, amount(c.get(party).get("amount")).compareTo(amount(p.get("paidAmount"))), p::toString);
            assertNull(p.get("reason"), p::toString);
        }
        assertEquals(200, review(l1, c.get("INSURER"), approver).status());
        Answer insurerPaid = pay(l1, c.get("INSURER"), approver);
        assertEquals(200, insurerPaid.status(), insurerPaid::toString);

        // balances: provincial 1,000,000 - 52,500 = 947,500; city 500,000 - 25,000 = 475,000; fund 12,500 - 10,000
        Map<String, Map<String, Object>> layers = layersByParty(scheme);
        assertEquals(0, yuan("947500.00").compareTo(amount(layers.get("PROVINCIAL_POOL").get("balance"))));
        assertEquals(0, yuan("52500.00").compareTo(amount(layers.get("PROVINCIAL_POOL").get("paidThisYear"))));
        assertEquals(0, yuan("475000.00").compareTo(amount(layers.get("CITY_POOL").get("balance"))));
        assertEquals(0, yuan("2500.00").compareTo(amount(layers.get("GUARANTEE_FUND").get("balance"))));

        // the second loan: the provincial pool has 100,000 - 52,500 = 47,500 of its year left, the fund 2,500
        Answer second = post("/api/v1/loans/" + l2 + "/layer-claims", Map.of(), officer);
        assertEquals(201, second.status(), second::toString);
        Map<String, Map<String, Object>> c2 = claimsByParty(second);
        for (String party : List.of("PROVINCIAL_POOL", "CITY_POOL", "GUARANTEE_FUND", "INSURER")) {
            assertEquals(200, review(l2, c2.get(party), bureau).status());
        }
        Answer yearCapped = pay(l2, c2.get("PROVINCIAL_POOL"), bureau);
        assertEquals(200, yearCapped.status(), yearCapped::toString);
        assertEquals(0, yuan("47500.00").compareTo(amount(yearCapped.get("paidAmount"))), yearCapped::toString);
        assertTrue(yearCapped.text("reason").contains("per-year cap of 100000.00"), yearCapped::toString);
        Answer balanceCapped = pay(l2, c2.get("GUARANTEE_FUND"), bureau);
        assertEquals(200, balanceCapped.status(), balanceCapped::toString);
        assertEquals(0, yuan("2500.00").compareTo(amount(balanceCapped.get("paidAmount"))), balanceCapped::toString);
        assertTrue(balanceCapped.text("reason").contains("balance"), balanceCapped::toString);
        assertEquals(200, pay(l2, c2.get("CITY_POOL"), bureau).status());
        Answer refused = act(l2, c2.get("INSURER"), "refusal", Map.of("reason", "投保时未如实告知 / not disclosed"),
                bureau);
        assertEquals(200, refused.status(), refused::toString);
        assertEquals("REFUSED", refused.text("status"));
        Answer noReason = act(l2, c2.get("INSURER"), "refusal", Map.of("reason", " "), bureau);
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals(List.of("reason"), noReason.errorFields());
        // what the bank bears: 300,000 - 47,500 - 25,000 - 2,500 (the insurer refused) = 225,000.00
        Answer l2View = get("/api/v1/loans/" + l2 + "/risk-layers", officer);
        assertEquals(0, yuan("225000.00").compareTo(amount(l2View.get("bankPart"))), l2View::toString);
        layers = layersByParty(scheme);
        assertEquals(0, yuan("900000.00").compareTo(amount(layers.get("PROVINCIAL_POOL").get("balance"))));
        assertEquals(0, yuan("100000.00").compareTo(amount(layers.get("PROVINCIAL_POOL").get("paidThisYear"))));
        assertEquals(0, amount(layers.get("GUARANTEE_FUND").get("balance")).signum());
        assertEquals(4 + 4, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'layer-claim.filed'"));
        assertEquals(7, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'layer-claim.paid'"));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'layer-claim.refused'"));
        assertEquals(7, sql.count("SELECT count(*) FROM webhook_event WHERE type = 'claim.paid'"));
        assertEquals(8, sql.count("SELECT count(*) FROM webhook_event WHERE type = 'claim.filed'"));
    }

    @Test
    @Order(4)
    void concurrentPaymentsFromOnePoolNeverOverdrawIt() throws Exception {
        List<Map<String, Object>> claims = new ArrayList<>();
        for (String loan : pooled) {
            Answer f = post("/api/v1/loans/" + loan + "/layer-claims", Map.of(), officer);
            assertEquals(201, f.status(), f::toString);
            Map<String, Object> claim = claimsByParty(f).get("LANZHOU_POOL");
            // covered 300,000.00 (no other collateral) x 1 capped at 40,000.00
            assertEquals(0, yuan("40000.00").compareTo(amount(claim.get("amount"))), claim::toString);
            assertEquals(200, review(loan, claim, bureau).status());
            claims.add(claim);
        }
        // four payments of 40,000 at once from a balance of 100,000: 40,000 + 40,000 + 20,000, and one finds it empty
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String loan = pooled.get(i);
                Map<String, Object> claim = claims.get(i);
                calls.add(() -> pay(loan, claim, bureau));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            List<Answer> paid = answers.stream().filter(a -> a.status() == 200).toList();
            List<Answer> empty = answers.stream().filter(a -> a.status() == 409).toList();
            assertEquals(3, paid.size(), answers::toString);
            assertEquals(1, empty.size(), answers::toString);
            assertTrue(empty.get(0).text("type").endsWith("layer-exhausted"), empty::toString);
            BigDecimal total = paid.stream().map(a -> amount(a.get("paidAmount"))).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            assertEquals(0, yuan("100000.00").compareTo(total), answers::toString);
            assertEquals(List.of(yuan("20000.00"), yuan("40000.00"), yuan("40000.00")), paid.stream()
                    .map(a -> amount(a.get("paidAmount")).setScale(2)).sorted().toList());
        } finally {
            pool.shutdown();
        }
        Map<String, Object> layer = layersByParty(concurrent).get("LANZHOU_POOL");
        assertEquals(0, amount(layer.get("balance")).signum(), layer::toString);
        assertEquals("0.00", sql.text("SELECT balance::text FROM risk_layer WHERE scheme_id = '" + concurrent
                + "' AND party = 'LANZHOU_POOL'"));
        assertEquals("100000.00", sql.text("SELECT sum(paid_amount)::text FROM layer_claim c JOIN risk_layer l"
                + " ON l.id = c.layer_id WHERE l.scheme_id = '" + concurrent + "'"));
    }

    @Test
    @Order(5)
    void aRecoveryClawsBackProRataToTheFen() {
        Answer tooEarly = post("/api/v1/loans/" + l1 + "/layer-recoveries", Map.of("amount", "1",
                "recoveredOn", today().plusDays(1).toString()), officer);
        assertEquals(400, tooEarly.status(), tooEarly::toString);
        assertEquals(List.of("recoveredOn"), tooEarly.errorFields());
        Answer badCosts = post("/api/v1/loans/" + l1 + "/layer-recoveries", Map.of("amount", "100",
                "costs", "101", "recoveredOn", today().toString()), officer);
        assertEquals(400, badCosts.status(), badCosts::toString);
        assertEquals(List.of("costs"), badCosts.errorFields());

        // net 50,500.01 - 500.00 = 50,000.01 = 5,000,001 fen, shared by the loss each bore (total 300,000):
        // provincial 52,500 -> 875,000.175 fen; city 25,000 -> 416,666.750; insurer 30,000 -> 500,000.100;
        // fund 10,000 -> 166,666.700; bank 182,500 -> 3,041,667.275. Floors add up to 4,999,999: the 2 fen left go
        // to the largest remainders, the city pool (.750) and the fund (.700).
        Answer r = post("/api/v1/loans/" + l1 + "/layer-recoveries", Map.of("amount", "50500.01",
                "costs", "500.00", "recoveredOn", today().toString()), officer);
        assertEquals(201, r.status(), r::toString);
        assertEquals(0, yuan("50000.01").compareTo(amount(r.get("netAmount"))), r::toString);
        Map<String, Object> back = map(r.get("clawedBack"));
        assertEquals(0, yuan("8750.00").compareTo(amount(back.get("provincialPool"))), r::toString);
        assertEquals(0, yuan("4166.67").compareTo(amount(back.get("cityPool"))), r::toString);
        assertEquals(0, yuan("5000.00").compareTo(amount(back.get("insurer"))), r::toString);
        assertEquals(0, yuan("1666.67").compareTo(amount(back.get("guaranteeFund"))), r::toString);
        assertEquals(0, yuan("30416.67").compareTo(amount(r.get("bankPart"))), r::toString);
        BigDecimal sum = amount(r.get("bankPart"));
        for (Object v : back.values()) {
            sum = sum.add(amount(v));
        }
        assertEquals(0, yuan("50000.01").compareTo(sum), "the parts add up to the net recovery to the fen");

        // balances get the clawbacks back: provincial 900,000 + 8,750; city 450,000 + 4,166.67; fund 0 + 1,666.67
        Map<String, Map<String, Object>> layers = layersByParty(scheme);
        assertEquals(0, yuan("908750.00").compareTo(amount(layers.get("PROVINCIAL_POOL").get("balance"))));
        assertEquals(0, yuan("454166.67").compareTo(amount(layers.get("CITY_POOL").get("balance"))));
        assertEquals(0, yuan("1666.67").compareTo(amount(layers.get("GUARANTEE_FUND").get("balance"))));
        assertEquals(0, yuan("100000.00").compareTo(amount(layers.get("PROVINCIAL_POOL").get("paidThisYear"))),
                "a clawback returns money to the pool, not room under the year's cap");
        Answer view = get("/api/v1/loans/" + l1 + "/risk-layers", officer);
        assertEquals(0, yuan("8750.00").compareTo(amount(claimsByParty(view).get("PROVINCIAL_POOL")
                .get("clawedBack"))), view::toString);
        assertEquals(1, list(view.get("recoveries")).size());
        assertEquals(4, sql.count("SELECT count(*) FROM webhook_event WHERE type = 'claim.clawed_back'"));
        assertEquals(4, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'layer-claim.clawed-back'"));

        // at most 300,000.00 - 50,000.01 = 249,999.99 more can be recovered
        Answer beyond = post("/api/v1/loans/" + l1 + "/layer-recoveries", Map.of("amount", "250000.00",
                "recoveredOn", today().toString()), officer);
        assertEquals(422, beyond.status(), beyond::toString);
        assertTrue(beyond.raw().contains("249999.99"), beyond::toString);
    }

    @Test
    @Order(6)
    void aClaimFiledAfterItsWindowIsRefusedNamingTheWindow() {
        // the bureau declares the two weekdays after the classification holidays and the Saturday after it a 调休
        // working day; the window counts 10 working days by that calendar (with any official days already there)
        LocalDate h1 = nextWeekday(classifiedOn);
        LocalDate h2 = nextWeekday(h1);
        LocalDate saturday = classifiedOn.plusDays(1);
        while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
            saturday = saturday.plusDays(1);
        }
        declare(h1, "holidays", "演练假日");
        declare(h2, "holidays", "演练假日");
        declare(saturday, "workingDays", "演练调休上班");
        // a window into a year whose calendar is not entered is left to the reviewer: enter the next year too
        int next = classifiedOn.getYear() + 1;
        if (get("/api/v1/calendar/working-days?year=" + next, bureau).status() == 404) {
            Answer entered = put("/api/v1/calendar/working-days", Map.of("year", next, "source", "演练安排",
                    "holidays", List.of(), "workingDays", List.of()), bureau);
            assertEquals(200, entered.status(), entered::toString);
        }
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        for (int year = classifiedOn.getYear(); year <= classifiedOn.getYear() + 1; year++) {
            Answer cal = get("/api/v1/calendar/working-days?year=" + year, officer);
            if (cal.status() == 200) {
                list(cal.get("holidays")).forEach(d -> off.add(LocalDate.parse((String) d.get("date"))));
                list(cal.get("workingDays")).forEach(d -> worked.add(LocalDate.parse((String) d.get("date"))));
            }
        }
        assertTrue(off.containsAll(List.of(h1, h2)) && worked.contains(saturday), off + " " + worked);
        LocalDate windowEnd = classifiedOn;
        LocalDate mondayToFriday = classifiedOn;
        for (int left = 10, plain = 10; left > 0 || plain > 0; ) {
            if (left > 0) {
                windowEnd = windowEnd.plusDays(1);
                boolean weekend = windowEnd.getDayOfWeek() == DayOfWeek.SATURDAY
                        || windowEnd.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (!off.contains(windowEnd) && (!weekend || worked.contains(windowEnd))) {
                    left--;
                }
            }
            if (plain > 0) {
                mondayToFriday = mondayToFriday.plusDays(1);
                if (mondayToFriday.getDayOfWeek() != DayOfWeek.SATURDAY
                        && mondayToFriday.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    plain--;
                }
            }
        }
        assertTrue(windowEnd.isAfter(mondayToFriday), windowEnd + " vs " + mondayToFriday);
        Answer window = get("/api/v1/calendar/working-day-windows?from=" + classifiedOn + "&days=10", officer);
        assertEquals(windowEnd.toString(), window.text("endsOn"), window::toString);
        Answer moved = put("/api/v1/admin/business-date", Map.of("date", windowEnd.plusDays(1).toString()),
                ADMIN_KEY);
        assertEquals(200, moved.status(), moved::toString);
        Answer filed = post("/api/v1/loans/" + late + "/layer-claims", Map.of(), officer);
        assertEquals(201, filed.status(), filed::toString);
        Map<String, Map<String, Object>> c = claimsByParty(filed);
        for (String party : List.of("PROVINCIAL_POOL", "CITY_POOL")) {
            Map<String, Object> claim = c.get(party);
            assertEquals("REFUSED", claim.get("status"), claim::toString);
            assertEquals(windowEnd.toString(), claim.get("windowEndsOn"));
            String reason = (String) claim.get("reason");
            assertTrue(reason.contains("claim window of 10 working days"), reason);
            assertTrue(reason.contains(classifiedOn.toString()) && reason.contains(windowEnd.toString()), reason);
            assertEquals(409, review(late, claim, bureau).status(), "a refused claim is closed");
        }
        // the insurer's 20 and the fund's 30 working days are still open
        assertEquals("FILED", c.get("INSURER").get("status"));
        assertEquals("FILED", c.get("GUARANTEE_FUND").get("status"));
        assertEquals(2, sql.count("SELECT count(*) FROM webhook_event WHERE type = 'claim.refused'"
                + " AND body LIKE '%working days%'"));

        // the bureau's work list: the two claims still filed, the insurer's and the fund's of this loan
        Answer queue = get("/api/v1/risk-sharing/layer-claims?status=FILED", bureau);
        assertEquals(200, queue.status(), queue::toString);
        List<Map<String, Object>> open = list(queue.json());
        assertEquals(List.of(c.get("INSURER").get("id"), c.get("GUARANTEE_FUND").get("id")).stream().sorted()
                .toList(), open.stream().map(x -> (String) x.get("id")).sorted().toList());
        assertEquals(403, get("/api/v1/risk-sharing/layer-claims", officer).status());
        Answer badStatus = get("/api/v1/risk-sharing/layer-claims?status=OPEN", bureau);
        assertEquals(400, badStatus.status(), badStatus::toString);
        assertEquals(List.of("status"), badStatus.errorFields());
    }

    @Test
    @Order(7)
    void anotherBankSeesAndDecidesNothing() {
        Answer view = get("/api/v1/loans/" + l1 + "/risk-layers", otherOfficer);
        assertEquals(404, view.status(), view::toString);
        Answer filing = post("/api/v1/loans/" + late + "/layer-claims", Map.of(), otherOfficer);
        assertEquals(404, filing.status(), filing::toString);
        Map<String, Object> insurer = claimsByParty(get("/api/v1/loans/" + late + "/risk-layers", officer))
                .get("INSURER");
        Answer review = review(late, insurer, otherApprover);
        assertEquals(404, review.status(), review::toString);
        Answer recovery = post("/api/v1/loans/" + l1 + "/layer-recoveries", Map.of("amount", "1",
                "recoveredOn", today().toString()), otherOfficer);
        assertEquals(404, recovery.status(), recovery::toString);
        assertEquals("FILED", claimsByParty(get("/api/v1/loans/" + late + "/risk-layers", officer))
                .get("INSURER").get("status"));
    }

    @Test
    @Order(8)
    void aLoanRepaidInFullGivesItsPrincipalBackToThePoolsHeadroom() {
        List<Map<String, Object>> layers = List.of(
                layer("SMALL_POOL", "POOL", "0.5", "balance", "30000", "leverageMultiple", "10"),
                layer("BANK", "BANK", "0.5"));
        Answer created = post("/api/v1/risk-sharing/layered-schemes", Map.of("name", "回收杠杆", "layers", layers),
                bureau);
        assertEquals(201, created.status(), created::toString);
        String small = created.text("id");
        String first = disbursedLoan();
        String second = disbursedLoan();
        assertEquals(201, enrol(first, small, null).status());
        // 10 x 30,000 = 300,000 backs one loan of 300,000: a second does not fit while the first is outstanding
        Answer full = enrol(second, small, null);
        assertEquals(409, full.status(), full::toString);
        assertTrue(full.text("type").endsWith("pool-leverage-exceeded"), full::toString);

        Answer part = post("/api/v1/loans/" + first + "/repayments", Map.of("amount", "1000.00",
                "paidOn", today().toString()), officer);
        assertEquals(201, part.status(), part::toString);
        assertEquals(0, yuan(PRINCIPAL).compareTo(amount(layersByParty(small).get("SMALL_POOL")
                .get("committedPrincipal"))), "a part repayment leaves the commitment as enrolled");
        Answer payoff = post("/api/v1/loans/" + first + "/repayments", Map.of("amount",
                part.text("outstandingPrincipal"), "paidOn", today().toString()), officer);
        assertEquals(201, payoff.status(), payoff::toString);
        assertEquals("CLOSED", payoff.text("status"));
        Map<String, Object> pool = layersByParty(small).get("SMALL_POOL");
        assertEquals(0, amount(pool.get("committedPrincipal")).signum(), pool::toString);
        assertEquals(0, yuan("300000.00").compareTo(amount(pool.get("leverageHeadroom"))), pool::toString);
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'loan.risk-layers-released' "
                + "AND entity_id = '" + first + "'"));

        Answer fits = enrol(second, small, null);
        assertEquals(201, fits.status(), fits::toString);
        assertEquals(0, yuan(PRINCIPAL).compareTo(amount(layersByParty(small).get("SMALL_POOL")
                .get("committedPrincipal"))));
    }
}
