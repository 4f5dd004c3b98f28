package com.ipledge.service.losssharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.loan.Loans;
import com.ipledge.service.problem.DomainProblem;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Insurance premiums, pool capacity, defaults with the loss waterfall, claims, recoveries, realised LGD and the NPL
 * view, over HTTP on a real database. Figures are hand-computed in the comments.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LossSharingApiTest extends ApiTestBase {
    static final String INSURED_POOL = "INSURED_POOL_54_26_16_4/RISK_COMPENSATION_POOL";
    static final String POOL_60_40 = "POOL_60_40/RISK_COMPENSATION_POOL";

    @Inject
    Schemes schemes;
    @Inject
    Covers covers;
    @Inject
    Loans loans;

    record BankKeys(UUID id, String officer, String approver) {
    }

    private Sql sql;
    private BankKeys main;
    private BankKeys other;
    private String bureau;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false", "ipledge.business-date.adjustable", "true");
    }

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        bureau = apiKey("BUREAU", null);
        main = bank("LOSSBANK");
        other = bank("OTHERBANK");
        schemes.ensureDefaults();
    }

    BankKeys bank(String code) {
        UUID id = createBank(code);
        Answer plan = post("/api/v1/quota-plans", Map.of("bankId", id, "year", thisYear(),
                "amount", "100000000"), bureau);
        assertEquals(201, plan.status(), plan::toString);
        return new BankKeys(id, apiKey("BANK_OFFICER", id), apiKey("BANK_APPROVER", id));
    }

    /** An approved loan with its pledge registered: a strong invention patent of a firm with real revenue. */
    String pledgedLoan(BankKeys bank, String requested, boolean insured, boolean eco) {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        if (!eco) {
            borrower.remove("ecoIndustry");
        }
        Answer b = post("/api/v1/borrowers", borrower, bank.officer());
        assertEquals(201, b.status(), b::toString);
        Map<String, Object> patent = Fixtures.youngInvention((String) borrower.get("creditCode"));
        Answer a = post("/api/v1/ip-assets", patent, bank.officer());
        assertEquals(201, a.status(), a::toString);
        Map<String, Object> app = Fixtures.application(b.text("id"), List.of(a.text("id")));
        app.put("requestedAmount", requested);
        app.put("insurance", insured);
        String appId = post("/api/v1/applications", app, bank.officer()).text("id");
        Answer decision = post("/api/v1/applications/" + appId + "/evaluation", Map.of(), bank.officer());
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        assertEquals(0, new BigDecimal(requested).compareTo(new BigDecimal(decision.text("approvedLimit"))),
                "the figures below assume the full amount: " + decision);
        Answer approved = post("/api/v1/applications/" + appId + "/approval", Map.of("approve", true),
                bank.approver());
        assertEquals(201, approved.status(), approved::toString);
        String loan = approved.text("loanId");
        Answer pledge = post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "Y" + loan.substring(0, 8), "registeredOn", today().toString()),
                bank.officer());
        assertEquals(200, pledge.status(), pledge::toString);
        return loan;
    }

    /**
     * Disburses over HTTP and makes sure the cover is recorded: through the lead's hook in LoanService.disburse
     * when it is there, else by calling {@link Covers#onDisbursed} as that hook will. The status answered:
     * 200, or 409 when the pool had no room.
     */
    int disburse(BankKeys bank, String loan) {
        Answer d = post("/api/v1/loans/" + loan + "/disbursement", Map.of(), bank.officer());
        if (d.status() != 200) {
            assertEquals(409, d.status(), d::toString);
            assertTrue(d.text("type").endsWith("pool-capacity-exhausted"), d::toString);
            return 409;
        }
        if (coverRows(loan) == 0) {
            try {
                covers.onDisbursed(loans.find(UUID.fromString(loan), Optional.empty()).orElseThrow());
            } catch (DomainProblem p) {
                assertEquals("pool-capacity-exhausted", p.type());
                return 409;
            }
        }
        return 200;
    }

    long coverRows(String loan) {
        return sql.count("SELECT count(*) FROM loan_risk_cover WHERE loan_id = '" + loan + "'");
    }

    BigDecimal capacityUsed(String scheme) {
        return new BigDecimal(sql.text("SELECT capacity_used FROM loss_sharing_scheme WHERE name = '" + scheme + "'"));
    }

    static BigDecimal money(Object v) {
        return new BigDecimal(v.toString());
    }

    static Map<String, String> plain(Object map) {
        Map<String, String> out = new HashMap<>();
        ((Map<?, ?>) map).forEach((k, v) -> out.put(k.toString(), money(v).setScale(2).toPlainString()));
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Answer a) {
        return (List<Map<String, Object>>) a.json();
    }

    @Test
    void schemesAreSeededFromTheRuleBaseAndConfiguredByTheBureau() {
        Answer schemes = get("/api/v1/risk-sharing/schemes", main.officer());
        assertEquals(200, schemes.status(), schemes::toString);
        Map<String, Map<String, Object>> byName = new HashMap<>();
        list(schemes).forEach(s -> byName.put((String) s.get("name"), s));
        assertTrue(byName.keySet().containsAll(List.of("INSURED_POOL_54_26_16_4/INSURER", INSURED_POOL, POOL_60_40,
                "GUARANTEE_4321/GUARANTOR", "GUARANTEE_4321/GUARANTEE_FUND")), byName::toString);
        Map<String, Object> insurance = byName.get("INSURED_POOL_54_26_16_4/INSURER");
        assertEquals("GUARANTEE_INSURANCE", insurance.get("kind"));
        assertEquals(0, new BigDecimal("0.16").compareTo(money(insurance.get("coverageRatio"))));
        assertEquals(0, new BigDecimal("0.015").compareTo(money(insurance.get("premiumRate"))));
        assertEquals(0, new BigDecimal("0.5").compareTo(money(insurance.get("premiumSubsidyRatio"))));
        Map<String, Object> pool = byName.get(POOL_60_40);
        assertEquals(0, new BigDecimal("0.40").compareTo(money(pool.get("share"))));
        assertEquals("100000000.00", pool.get("capacity").toString());
        assertEquals("3000000.00", pool.get("perLoanCap").toString());

        Map<String, Object> body = new HashMap<>(Map.of("name", "Local government top-up", "kind",
                "GUARANTEE_FUND", "ruleScheme", "GUARANTEE_4321", "party", "LOCAL_GOVERNMENT", "perLoanCap",
                "100000"));
        assertEquals(403, post("/api/v1/risk-sharing/schemes", body, main.officer()).status());
        Answer created = post("/api/v1/risk-sharing/schemes", body, bureau, UUID.randomUUID().toString());
        assertEquals(201, created.status(), created::toString);
        assertEquals(0, new BigDecimal("0.10").compareTo(money(created.get("share"))), "the rule base's share");
        Answer again = post("/api/v1/risk-sharing/schemes", body, bureau);
        assertEquals(409, again.status(), again::toString);

        Answer bad = post("/api/v1/risk-sharing/schemes", Map.of("kind", "LOTTERY", "ruleScheme", "POOL_60_40",
                "share", "1.5", "capacity", "-1"), bureau);
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.errorFields().containsAll(List.of("name", "kind", "share", "capacity")), bad::toString);
        Answer unknown = post("/api/v1/risk-sharing/schemes", Map.of("name", "x", "kind",
                "RISK_COMPENSATION_POOL", "ruleScheme", "NO_SUCH_SCHEME", "capacity", "1000"), bureau);
        assertEquals(422, unknown.status(), unknown::toString);
        Answer wrongShare = post("/api/v1/risk-sharing/schemes", Map.of("name", "y", "kind", "GUARANTEE_FUND",
                "ruleScheme", "GUARANTEE_4321", "party", "GUARANTOR", "share", "0.5"), bureau);
        assertEquals(422, wrongShare.status(), wrongShare::toString);
    }

    @Test
    void premiumsSubsidiesAndPoolExposureAtDisbursement() {
        BigDecimal usedBefore = capacityUsed(INSURED_POOL);
        String loan = pledgedLoan(main, "300000", true, false);
        assertEquals(200, disburse(main, loan));
        // premium 300,000.00 x 0.015 = 4,500.00; subsidy 4,500.00 x 0.5 = 2,250.00;
        // pool-covered exposure 300,000.00 x 0.54 = 162,000.00 (under the 3,000,000.00 per-loan cap)
        Answer cover = get("/api/v1/loans/" + loan + "/risk-cover", main.officer());
        assertEquals(200, cover.status(), cover::toString);
        Map<String, Map<String, Object>> byParty = new HashMap<>();
        list(cover).forEach(c -> byParty.put((String) c.get("party"), c));
        assertEquals(Map.of("APPRAISER", 1, "BANK", 1, "INSURER", 1, "RISK_COMPENSATION_POOL", 1).keySet(),
                byParty.keySet());
        assertEquals("4500.00", byParty.get("INSURER").get("premium").toString());
        assertEquals("2250.00", byParty.get("INSURER").get("premiumSubsidy").toString());
        assertEquals("162000.00", byParty.get("RISK_COMPENSATION_POOL").get("poolExposure").toString());
        assertEquals(usedBefore.add(new BigDecimal("162000.00")), capacityUsed(INSURED_POOL));
        // recording it again (a retried hook) changes nothing
        covers.onDisbursed(loans.find(UUID.fromString(loan), Optional.empty()).orElseThrow());
        assertEquals(usedBefore.add(new BigDecimal("162000.00")), capacityUsed(INSURED_POOL));
        assertEquals(404, get("/api/v1/loans/" + loan + "/risk-cover", other.officer()).status());
    }

    @Test
    void poolCapacityIsNeverExceeded() throws Exception {
        // POOL_60_40: a 300,000.00 loan puts 120,000.00 on the pool
        String first = pledgedLoan(main, "300000", false, false);
        BigDecimal used = capacityUsed(POOL_60_40);
        // set by SQL: no endpoint changes a seeded pool's capacity, and filling its 100,000,000.00 with loans to
        // within a fen is no test
        sql.execute("UPDATE loss_sharing_scheme SET capacity = " + used.add(new BigDecimal("119999.99"))
                + " WHERE name = '" + POOL_60_40 + "'");
        assertEquals(409, disburse(main, first), "one fen short");
        assertEquals(used, capacityUsed(POOL_60_40), "nothing taken");
        assertEquals(0, coverRows(first));

        sql.execute("UPDATE loss_sharing_scheme SET capacity = " + used.add(new BigDecimal("120000.00"))
                + " WHERE name = '" + POOL_60_40 + "'");
        if ("PLEDGE_REGISTERED".equals(get("/api/v1/loans/" + first, main.officer()).text("status"))) {
            assertEquals(200, disburse(main, first), "the disbursement rolled back and can be retried");
        } else {
            covers.onDisbursed(loans.find(UUID.fromString(first), Optional.empty()).orElseThrow());
        }
        assertEquals(used.add(new BigDecimal("120000.00")), capacityUsed(POOL_60_40), "exactly full");

        // two loans race for room for one
        String a = pledgedLoan(main, "300000", false, false);
        String b = pledgedLoan(main, "300000", false, false);
        BigDecimal full = capacityUsed(POOL_60_40);
        sql.execute("UPDATE loss_sharing_scheme SET capacity = " + full.add(new BigDecimal("200000.00"))
                + " WHERE name = '" + POOL_60_40 + "'");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String loan : List.of(a, b)) {
                results.add(pool.submit((Callable<Integer>) () -> disburse(main, loan)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        } finally {
            pool.shutdown();
        }
        assertEquals(full.add(new BigDecimal("120000.00")), capacityUsed(POOL_60_40));
        assertEquals(1, (coverRows(a) > 0 ? 1 : 0) + (coverRows(b) > 0 ? 1 : 0), "one loan covered");
    }

    /** Last: it moves the business date a month on, and the other tests' loans are filed on today's. */
    @Test
    @Order(Integer.MAX_VALUE)
    void defaultSharesTheLossWithACapAndTheRoundingFen() {
        String loan = pledgedLoan(main, "300000", true, false);
        Answer tooEarly = post("/api/v1/loans/" + loan + "/default", Map.of("defaultedOn",
                today().toString()), main.officer());
        assertEquals(409, tooEarly.status(), "not disbursed yet: " + tooEarly);
        assertEquals(List.of("DISBURSED", "REPAYING"), tooEarly.get("allowedFrom"));
        assertEquals("PLEDGE_REGISTERED", tooEarly.text("currentStatus"));
        assertEquals(200, disburse(main, loan));

        // the business date moves to the day after the first instalment fell due, and 83.33 of its interest is paid:
        // 300,000.00 at 4.25% is 300,000.00 x 0.0425 / 12 = 1,062.50 of interest a month, 979.17 of it unpaid
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) get("/api/v1/loans/" + loan, main.officer())
                .get("schedule")).get(0);
        LocalDate dayAfter = LocalDate.parse((String) first.get("dueOn")).plusDays(1);
        Answer moved = put("/api/v1/admin/business-date", Map.of("date", dayAfter.toString()), ADMIN_KEY);
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(dayAfter, today());
        assertEquals(0, new BigDecimal("0.0425").compareTo(money(get("/api/v1/loans/" + loan, main.officer())
                .get("annualRate"))), "the rate the figures below assume");
        assertEquals("1062.50", first.get("interest").toString());
        Answer paid83 = post("/api/v1/loans/" + loan + "/repayments", Map.of("amount", "83.33",
                "paidOn", today().toString()), main.officer());
        assertEquals(201, paid83.status(), paid83::toString);
        assertEquals(404, post("/api/v1/loans/" + loan + "/default", Map.of("defaultedOn",
                today().toString()), other.officer()).status(), "another bank's loan");
        Answer bad = post("/api/v1/loans/" + loan + "/default", Map.of("defaultedOn", "2999-01-01",
                "note", "x"), main.officer());
        assertEquals(400, bad.status());
        assertEquals(List.of("defaultedOn"), bad.errorFields());

        Answer d = post("/api/v1/loans/" + loan + "/default", Map.of("defaultedOn", today().toString(),
                "note", "borrower stopped paying"), main.officer(), UUID.randomUUID().toString());
        assertEquals(201, d.status(), d::toString);
        // EAD = 300,000.00 + 979.17 = 300,979.17 = loss.
        // x .54/.26/.16/.04 = 162,528.7518 / 78,254.5842 / 48,156.6672 / 12,039.1668; truncated they add to
        // 300,979.15; the 2 fen go to the insurer (.72) and the appraiser (.68): 48,156.67 / 12,039.17.
        // The pool covered 162,000.00 at disbursement: 528.75 falls back to the bank -> 78,783.33.
        assertEquals("300979.17", d.text("exposureAtDefault"));
        assertEquals("300979.17", d.text("loss"));
        assertEquals("979.17", d.text("interestDue"));
        assertEquals(Map.of("pool", "162000.00", "bank", "78783.33", "insurer", "48156.67", "appraiser",
                "12039.17"), plain(d.get("lossAllocation")));
        assertEquals("DEFAULTED", get("/api/v1/loans/" + loan, main.officer()).text("status"));
        assertEquals(409, post("/api/v1/loans/" + loan + "/default", Map.of("defaultedOn",
                today().toString()), main.officer()).status(), "a default is declared once");

        Answer claims = get("/api/v1/loans/" + loan + "/claims", main.approver());
        assertEquals(200, claims.status(), claims::toString);
        Map<String, Map<String, Object>> byParty = new HashMap<>();
        list(claims).forEach(c -> byParty.put((String) c.get("party"), c));
        assertEquals(Map.of("APPRAISER", 1, "INSURER", 1, "RISK_COMPENSATION_POOL", 1).keySet(), byParty.keySet(),
                "one claim per non-bank party");
        assertEquals("48156.67", byParty.get("INSURER").get("amount").toString());
        assertEquals("FILED", byParty.get("INSURER").get("status"));
        assertEquals(404, get("/api/v1/loans/" + loan + "/claims", other.officer()).status());

        String insurer = (String) byParty.get("INSURER").get("id");
        String pay = "/api/v1/loans/" + loan + "/claims/" + insurer + "/payment";
        assertEquals(422, post(pay, Map.of("paidOn", today().toString(), "amount", "48156.66"),
                main.officer()).status(), "the payment must equal the claim");
        assertEquals(404, post(pay, Map.of("paidOn", today().toString(), "amount", "48156.67"),
                other.officer()).status());
        Answer paid = post(pay, Map.of("paidOn", today().toString(), "amount", "48156.67"), main.officer());
        assertEquals(200, paid.status(), paid::toString);
        assertEquals("PAID", paid.text("status"));
        assertEquals(today().toString(), paid.text("paidOn"));
        assertEquals(409, post(pay, Map.of("paidOn", today().toString(), "amount", "48156.67"),
                main.officer()).status(), "paid once");
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'loss-claim.paid' AND entity_id = '"
                + loan + "'"));
        assertEquals(Boolean.TRUE, get("/api/v1/audit/verify", bureau).get("ok"));
    }

    @Test
    void recoveriesAreSharedBackExactlyAndGiveTheRealisedLgd() {
        // a bank of its own: its recoveries become its later desk valuations' market comparables (issue 16)
        BankKeys recovering = bank("RECOVERBANK");
        String loan = pledgedLoan(recovering, "300000", true, false);
        assertEquals(200, disburse(recovering, loan));
        assertEquals(409, post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "1000",
                "recoveredOn", today().toString(), "method", "AUCTION"), recovering.officer()).status(),
                "no recovery before a default");
        Answer d = post("/api/v1/loans/" + loan + "/default", Map.of("defaultedOn", today().toString()),
                recovering.officer());
        assertEquals(201, d.status(), d::toString);
        // nothing due yet: EAD = loss = 300,000.00 -> 162,000.00 / 78,000.00 / 48,000.00 / 12,000.00
        // (the pool's 162,000.00 is exactly its cover: not capped)
        assertEquals(Map.of("pool", "162000.00", "bank", "78000.00", "insurer", "48000.00", "appraiser",
                "12000.00"), plain(d.get("lossAllocation")));

        Answer badMethod = post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "1000",
                "recoveredOn", today().toString(), "method", "LOTTERY"), recovering.officer());
        assertEquals(400, badMethod.status(), badMethod::toString);
        Answer costly = post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "1000", "costs", "1000.01",
                "recoveredOn", today().toString(), "method", "AUCTION"), recovering.officer());
        assertEquals(List.of("costs"), costly.errorFields());
        assertEquals(404, post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "1000",
                "recoveredOn", today().toString(), "method", "AUCTION"), other.officer()).status());

        // auction 200,000.00 less 20,000.00 costs: 180,000.00 net = 97,200.00 / 46,800.00 / 28,800.00 / 7,200.00
        Answer r1 = post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "200000.00", "costs", "20000",
                "recoveredOn", today().toString(), "method", "AUCTION"), recovering.officer(),
                UUID.randomUUID().toString());
        assertEquals(201, r1.status(), r1::toString);
        assertEquals("180000.00", r1.text("netAmount"));
        assertEquals(Map.of("pool", "97200.00", "bank", "46800.00", "insurer", "28800.00", "appraiser", "7200.00"),
                plain(r1.get("shares")));
        // (300,000.00 - 180,000.00) / 300,000.00 = 0.4
        assertEquals(0, new BigDecimal("0.4").compareTo(money(r1.get("realisedLgd"))));

        // a licence bringing 0.03 net: 3 fen x .54/.26/.16/.04 = 1.62 / 0.78 / 0.48 / 0.12 fen: truncated 1 fen
        // to the pool, the 2 left to the bank (.78) and the pool (.62)
        Answer r2 = post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "0.03",
                "recoveredOn", today().toString(), "method", "LICENCE"), recovering.officer());
        assertEquals(201, r2.status(), r2::toString);
        assertEquals(Map.of("pool", "0.02", "bank", "0.01", "insurer", "0.00", "appraiser", "0.00"),
                plain(r2.get("shares")));
        // (300,000.00 - 180,000.03) / 300,000.00 = 0.3999999 -> 0.400000
        assertEquals(0, new BigDecimal("0.400000").compareTo(money(r2.get("realisedLgd"))));

        // 119,999.97 is all that is left of the loss
        Answer beyond = post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "119999.98",
                "recoveredOn", today().toString(), "method", "TRANSFER"), recovering.officer());
        assertEquals(422, beyond.status(), beyond::toString);
        Answer last = post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "119999.97",
                "recoveredOn", today().toString(), "method", "TRANSFER"), recovering.officer());
        assertEquals(201, last.status(), last::toString);
        // every party gets back exactly what it lost: 162,000.00 - 97,200.02 = 64,799.98, and so on
        assertEquals(Map.of("pool", "64799.98", "bank", "31199.99", "insurer", "19200.00", "appraiser",
                "4800.00"), plain(last.get("shares")));
        assertEquals(0, BigDecimal.ZERO.compareTo(money(last.get("realisedLgd"))));
        Answer view = get("/api/v1/loans/" + loan + "/default", recovering.officer());
        assertEquals("300000.00", view.text("netRecovered"));
        assertEquals(0, BigDecimal.ZERO.compareTo(money(view.get("realisedLgd"))));
        assertEquals(3, ((List<?>) view.get("recoveries")).size());
        assertEquals("0.000000", sql.text("SELECT realised_lgd FROM loan_default WHERE loan_id = '" + loan + "'"));
        assertEquals(422, post("/api/v1/loans/" + loan + "/recoveries", Map.of("amount", "0.01",
                "recoveredOn", today().toString(), "method", "AUCTION"), recovering.officer()).status());
    }

    @Test
    void nplAgainstTheBanksOverallRatioPlusTolerance() {
        BankKeys npl = bank("NPLBANK");
        BankKeys quiet = bank("QUIETBANK");
        // GUARANTEE_4321 loans (eco borrowers, no insurance)
        String good = pledgedLoan(npl, "300000", false, true);
        String bad = pledgedLoan(npl, "200000", false, true);
        assertEquals(200, disburse(npl, good));
        assertEquals(200, disburse(npl, bad));
        Answer repaid = post("/api/v1/loans/" + good + "/repayments", Map.of("amount", "50000.00",
                "paidOn", today().toString()), npl.officer());
        assertEquals(201, repaid.status(), repaid::toString);
        assertEquals("250000.00", repaid.text("outstandingPrincipal"));
        Answer d = post("/api/v1/loans/" + bad + "/default", Map.of("defaultedOn", today().toString()),
                npl.officer());
        assertEquals(201, d.status(), d::toString);
        // 200,000.00 x .40/.30/.20/.10, under the 2,000,000.00 caps
        assertEquals(Map.of("guarantor", "80000.00", "guaranteeFund", "60000.00", "bank", "40000.00",
                "localGovernment", "20000.00"), plain(d.get("lossAllocation")));

        Answer unset = get("/api/v1/portfolio/npl", npl.officer());
        assertEquals(200, unset.status(), unset::toString);
        Map<?, ?> row = (Map<?, ?>) ((List<?>) unset.get("banks")).get(0);
        assertEquals(1, ((List<?>) unset.get("banks")).size(), "a bank sees its own row only");
        assertNull(row.get("limit"), "no overall ratio set yet");

        assertEquals(403, send(io.micronaut.http.HttpRequest.PUT("/api/v1/banks/" + npl.id() + "/overall-npl",
                Map.of("asOf", today().toString(), "overallNplRatio", "0.015"))
                .bearerAuth(npl.officer())).status());
        Answer set = send(io.micronaut.http.HttpRequest.PUT("/api/v1/banks/" + npl.id() + "/overall-npl",
                Map.of("asOf", today().toString(), "overallNplRatio", "0.015")).bearerAuth(bureau));
        assertEquals(200, set.status(), set::toString);
        Answer badRatio = send(io.micronaut.http.HttpRequest.PUT("/api/v1/banks/" + quiet.id() + "/overall-npl",
                Map.of("asOf", today().toString(), "overallNplRatio", "1.5")).bearerAuth(bureau));
        assertEquals(List.of("overallNplRatio"), badRatio.errorFields());
        assertEquals(404, send(io.micronaut.http.HttpRequest.PUT("/api/v1/banks/" + UUID.randomUUID()
                + "/overall-npl", Map.of("asOf", today().toString(), "overallNplRatio", "0.01"))
                .bearerAuth(bureau)).status());
        send(io.micronaut.http.HttpRequest.PUT("/api/v1/banks/" + quiet.id() + "/overall-npl",
                Map.of("asOf", today().toString(), "overallNplRatio", "0.02")).bearerAuth(bureau));

        // NPLBANK: defaulted 200,000.00 of 250,000.00 + 200,000.00 = 4/9 = 0.444444 (6 decimals, HALF_UP);
        // limit 0.015 + 0.03 = 0.045: breached. QUIETBANK: no book, 0 <= 0.02 + 0.03: not breached.
        Answer all = get("/api/v1/portfolio/npl", bureau);
        Map<String, Map<?, ?>> byBank = new HashMap<>();
        ((List<?>) all.get("banks")).forEach(b -> byBank.put((String) ((Map<?, ?>) b).get("bankCode"), (Map<?, ?>) b));
        Map<?, ?> n = byBank.get("NPLBANK");
        BigDecimal expected = new BigDecimal("200000.00").divide(new BigDecimal("450000.00"), 6,
                java.math.RoundingMode.HALF_UP);
        assertEquals(new BigDecimal("0.444444"), expected);
        assertEquals(0, expected.compareTo(money(n.get("ipNplRatio"))), n::toString);
        assertEquals("450000.00", n.get("totalOutstanding").toString());
        assertEquals("200000.00", n.get("defaultedOutstanding").toString());
        assertEquals(0, new BigDecimal("0.015").compareTo(money(n.get("overallNplRatio"))));
        assertEquals(0, new BigDecimal("0.03").compareTo(money(n.get("tolerance"))));
        assertEquals(0, new BigDecimal("0.045").compareTo(money(n.get("limit"))));
        assertEquals(Boolean.TRUE, n.get("breached"));
        Map<?, ?> q = byBank.get("QUIETBANK");
        assertEquals(0, BigDecimal.ZERO.compareTo(money(q.get("ipNplRatio"))));
        assertEquals(0, new BigDecimal("0.05").compareTo(money(q.get("limit"))));
        assertEquals(Boolean.FALSE, q.get("breached"));
        assertTrue(byBank.containsKey("LOSSBANK") && byBank.containsKey("OTHERBANK"), "the bureau sees every bank");
    }
}
