package com.ipledge.service.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.TestBank;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Legal-status events, alerts and the monitoring jobs over HTTP, on loans taken from filing to disbursement. */
@MicronautTest(transactional = false)
class MonitoringApiTest extends ApiTestBase {
    private static final String EVENTS = "/api/v1/monitoring/events";

    @Inject
    MonitoringJobs jobs;

    private Sql sql;
    private UUID bankA;
    private String officerA;
    private String approverA;
    private UUID bankB;
    private String officerB;
    private String approverB;
    private String bureau;

    /** A disbursed loan: its id, its assets' ids and numbers (as filed) and the evaluation it was approved on. */
    record LiveLoan(String id, List<String> assetIds, List<String> numbers, Answer decision) {
        String asset() {
            return assetIds.get(0);
        }

        String number() {
            return numbers.get(0);
        }

        BigDecimal approvedLtv() {
            return new BigDecimal(decision.text("ltv"));
        }

        BigDecimal valueAtApproval() {
            return new BigDecimal(decision.text("totalCollateralValue"));
        }
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        bureau = apiKey("BUREAU", null);
        TestBank a = TestBank.open(this, "MONA");
        bankA = a.id();
        officerA = a.officer();
        approverA = a.approver();
        TestBank b = TestBank.open(this, "MONB");
        bankB = b.id();
        officerB = b.officer();
        approverB = b.approver();
    }

    // --- set-up helpers ---

    /** A young invention patent (filed 3 years ago on 1 March) of the borrower. */
    Map<String, Object> patent(String creditCode) {
        return Fixtures.youngInvention(creditCode);
    }

    /** A mark registered 3 years ago. */
    Map<String, Object> mark(String creditCode) {
        Map<String, Object> m = Fixtures.trademark(creditCode);
        m.put("filingDate", (today().getYear() - 4) + "-02-01");
        m.put("registrationDate", (today().getYear() - 3) + "-03-14");
        return m;
    }

    interface AssetMaker {
        Map<String, Object> make(String creditCode);
    }

    LiveLoan liveLoan(String officer, String approver, List<AssetMaker> makers) {
        return liveLoan(officer, approver, makers, List.of());
    }

    /** Files, evaluates, approves, registers and disburses a loan; {@code numbers} (if given) override the assets'. */
    LiveLoan liveLoan(String officer, String approver, List<AssetMaker> makers, List<String> numbers) {
        return liveLoan(officer, approver, makers, numbers, true);
    }

    /** As above; without {@code pledge} the loan stays APPROVED (live, but its pledge not yet registered). */
    LiveLoan liveLoan(String officer, String approver, List<AssetMaker> makers, List<String> numbers,
                      boolean pledge) {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        Answer b = post("/api/v1/borrowers", borrower, officer);
        assertEquals(201, b.status(), b::toString);
        List<String> ids = new ArrayList<>();
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < makers.size(); i++) {
            Map<String, Object> asset = makers.get(i).make((String) borrower.get("creditCode"));
            if (i < numbers.size()) {
                asset.put("number", numbers.get(i));
            }
            Answer a = post("/api/v1/ip-assets", asset, officer);
            assertEquals(201, a.status(), a::toString);
            ids.add(a.text("id"));
            filed.add((String) asset.get("number"));
        }
        Map<String, Object> app = Fixtures.application(b.text("id"), ids);
        app.put("requestedAmount", "500000");
        Answer created = post("/api/v1/applications", app, officer);
        assertEquals(201, created.status(), created::toString);
        String appId = created.text("id");
        Answer decision = post("/api/v1/applications/" + appId + "/evaluation", Map.of(), officer);
        assertEquals(200, decision.status(), decision::toString);
        assertTrue(new BigDecimal(decision.text("approvedLimit")).signum() > 0, decision::toString);
        Answer approved = post("/api/v1/applications/" + appId + "/approval",
                Map.of("approve", true, "note", "collateral checked"), approver);
        assertEquals(201, approved.status(), approved::toString);
        String loan = approved.text("loanId");
        if (!pledge) {
            return new LiveLoan(loan, ids, filed, decision);
        }
        Answer registration = post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "Y" + Math.abs(loan.hashCode()), "registeredOn", today().toString()),
                officer);
        assertEquals(200, registration.status(), registration::toString);
        Answer disbursed = post("/api/v1/loans/" + loan + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);
        return new LiveLoan(loan, ids, filed, decision);
    }

    LiveLoan patentLoan() {
        return liveLoan(officerA, approverA, List.of(this::patent));
    }

    Answer event(String key, String number, String type, LocalDate on) {
        return post(EVENTS, Map.of("assetNumber", number, "type", type, "occurredOn", on.toString()), key);
    }

    Answer csv(String key, String body) {
        return send(HttpRequest.POST(EVENTS, body).contentType(MediaType.of("text/csv"))
                .accept(MediaType.APPLICATION_JSON_TYPE).bearerAuth(key));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    /** ruleId -> "SEVERITY/ACTION" of the alerts an event answered, for one loan. */
    static Map<String, String> alertsOf(Answer a, String loanId) {
        return list(a.get("alerts")).stream().filter(x -> loanId.equals(x.get("loanId")))
                .collect(Collectors.toMap(x -> (String) x.get("ruleId"), x -> x.get("severity") + "/"
                        + x.get("action")));
    }

    String status(String assetId) {
        return sql.text("SELECT legal_status FROM ip_asset WHERE id = '" + assetId + "'");
    }

    long alertCount(String loanId) {
        return sql.count("SELECT count(*) FROM alert WHERE loan_id = '" + loanId + "'");
    }

    // --- tests ---

    @Test
    void feeEventsLitigationAndTransferOnALiveLoan() {
        LiveLoan loan = patentLoan();
        assertEquals("PLEDGED", status(loan.asset()));

        Answer overdue = event(officerA, loan.number(), "FEE_OVERDUE", today().minusDays(3));
        assertEquals(201, overdue.status(), overdue::toString);
        assertEquals("RECORDED", overdue.text("outcome"));
        assertEquals(Boolean.FALSE, overdue.get("duplicate"));
        assertEquals(Map.of("MON-FEE-001", "WARNING/WATCH"), alertsOf(overdue, loan.id()));
        Map<String, Object> change = list(overdue.get("assets")).get(0);
        assertEquals("PLEDGED", change.get("previousStatus"));
        assertEquals("FEE_OVERDUE", change.get("legalStatus"));
        assertEquals(List.of(loan.id()), change.get("loans"));
        assertEquals("FEE_OVERDUE", status(loan.asset()));
        Map<String, Object> alert = list(overdue.get("alerts")).get(0);
        assertEquals(loan.asset(), alert.get("assetId"));
        assertEquals(overdue.text("eventId"), alert.get("eventId"));
        assertEquals("OPEN", alert.get("status"));
        assertTrue(((String) alert.get("messageZh")).contains(loan.number().substring(2)), alert::toString);
        // nothing moved the value: the LTV is still the approved one (outstanding = limit at disbursement)
        BigDecimal limit = new BigDecimal(loan.decision().text("approvedLimit"));
        assertEquals(limit.divide(loan.valueAtApproval(), 6, RoundingMode.HALF_UP),
                new BigDecimal(alert.get("ltv").toString()));
        assertEquals(0, loan.valueAtApproval().compareTo(new BigDecimal(alert.get("collateralValue").toString())));

        Answer paid = event(officerA, loan.number(), "FEE_PAID", today().minusDays(1));
        assertEquals(Map.of("MON-FEE-002", "INFO/NONE"), alertsOf(paid, loan.id()));
        assertEquals("PLEDGED", status(loan.asset()), "back in force under the registered pledge");

        Answer litigation = event(officerA, loan.number(), "LITIGATION", today());
        assertEquals(Map.of("MON-LITIG-001", "HIGH/WATCH"), alertsOf(litigation, loan.id()));
        assertEquals("PLEDGED", status(loan.asset()), "litigation leaves the register status");

        Answer transferred = event(officerA, loan.number(), "TRANSFERRED", today());
        assertEquals(Map.of("MON-TRANSFER-001", "CRITICAL/FREEZE"), alertsOf(transferred, loan.id()));
        assertEquals(4, alertCount(loan.id()));

        // a mark pays no annual fee; a patent is not renewed; the future is not reported
        Answer markFee = post(EVENTS, Map.of("assetNumber", "20001234", "type", "FEE_OVERDUE",
                "occurredOn", today().toString()), officerA);
        assertEquals(400, markFee.status());
        assertEquals(List.of("type"), markFee.errorFields());
        Answer renewPatent = event(officerA, loan.number(), "RENEWED", today());
        assertEquals(400, renewPatent.status());
        Answer future = event(officerA, loan.number(), "LITIGATION", today().plusDays(2));
        assertEquals(List.of("occurredOn"), future.errorFields());
        Answer unknown = post(EVENTS, Map.of("assetNumber", loan.number(), "type", "STOLEN",
                "occurredOn", today().toString()), officerA);
        assertEquals(400, unknown.status());
        assertEquals(List.of("type"), unknown.errorFields());
        assertEquals(4, alertCount(loan.id()));
    }

    @Test
    void lapseFreezesAndBreachesLtvAndRestorationRecovers() {
        LiveLoan loan = patentLoan();
        Answer lapsed = event(officerA, loan.number(), "LAPSED", today().minusDays(2));
        assertEquals(201, lapsed.status(), lapsed::toString);
        assertEquals(Map.of("MON-LAPSE-001", "CRITICAL/FREEZE", "MON-VALUE-002", "HIGH/ADD_COLLATERAL",
                "MON-LTV-001", "HIGH/MARGIN_CALL"), alertsOf(lapsed, loan.id()));
        assertEquals("LAPSED", status(loan.asset()));
        for (Map<String, Object> a : list(lapsed.get("alerts"))) {
            assertEquals("0.00", a.get("collateralValue").toString(), "a lapsed right is no collateral");
            assertNull(a.get("ltv"), "no collateral value left: no finite LTV");
            assertEquals("MON-LAPSE-001".equals(a.get("ruleId")) ? loan.asset() : null, a.get("assetId"));
        }

        Answer restored = event(officerA, loan.number(), "RESTORED", today());
        assertEquals(Map.of("MON-RESTORE-001", "INFO/WATCH"), alertsOf(restored, loan.id()),
                "the value is back: no value or LTV alert");
        assertEquals("PLEDGED", status(loan.asset()));
        assertEquals(4, alertCount(loan.id()));

        // lapsing again while the LTV alert is unresolved raises the lapse, not a second LTV alert
        Answer again = event(officerA, loan.number(), "LAPSED", today());
        assertEquals(Map.of("MON-LAPSE-001", "CRITICAL/FREEZE"), alertsOf(again, loan.id()));
    }

    @Test
    void invalidationFiledRejectedAndDecided() {
        LiveLoan loan = patentLoan();
        Answer filed = event(officerA, "zl" + loan.number().substring(2), "INVALIDATION_FILED",
                today().minusDays(10));
        assertEquals(201, filed.status(), filed::toString);
        assertEquals(loan.number().substring(2), filed.text("assetNumber"), "matched in canonical form");
        assertEquals(Map.of("MON-INVAL-001", "HIGH/WATCH"), alertsOf(filed, loan.id()));
        assertEquals("INVALIDATION_FILED", status(loan.asset()));

        Answer rejected = event(officerA, loan.number(), "INVALIDATION_REJECTED", today().minusDays(5));
        assertEquals(Map.of("MON-INVAL-003", "INFO/NONE"), alertsOf(rejected, loan.id()));
        assertEquals("PLEDGED", status(loan.asset()));

        Answer invalidated = event(officerA, loan.number(), "INVALIDATED", today());
        assertEquals(Map.of("MON-INVAL-002", "CRITICAL/FREEZE", "MON-VALUE-002", "HIGH/ADD_COLLATERAL",
                "MON-LTV-001", "HIGH/MARGIN_CALL"), alertsOf(invalidated, loan.id()));
        assertEquals("INVALIDATED", status(loan.asset()));
        assertEquals(5, alertCount(loan.id()));
    }

    @Test
    void renewalExtendsTheMarkByTenYears() {
        // a mark registered ten years ago less 40 days: its term is in its last year, and ends 40 days from now
        LocalDate ends = today().plusDays(40);
        LiveLoan loan = liveLoan(officerA, approverA, List.of(creditCode -> {
            Map<String, Object> m = Fixtures.trademark(creditCode);
            m.put("filingDate", ends.plusDays(1).minusYears(11).toString());
            m.put("registrationDate", ends.plusDays(1).minusYears(10).toString());
            return m;
        }));
        assertEquals(ends.toString(), sql.text("SELECT expires_on FROM ip_asset WHERE id = '" + loan.asset() + "'"));
        Answer renewed = post(EVENTS, Map.of("assetNumber", loan.number(), "type", "RENEWED",
                "occurredOn", today().toString(), "assetType", "TRADEMARK"), officerA);
        assertEquals(201, renewed.status(), renewed::toString);
        assertEquals(Map.of("MON-RENEW-001", "INFO/NONE"), alertsOf(renewed, loan.id()));
        assertEquals(ends.plusYears(10).toString(),
                sql.text("SELECT expires_on FROM ip_asset WHERE id = '" + loan.asset() + "'"));
        assertEquals(ends.plusYears(10).toString(), list(renewed.get("assets")).get(0).get("expiresOn"));
        // the same renewal reported by the bureau a day later is out of the new term's window: no second 10 years
        Answer late = post(EVENTS, Map.of("assetNumber", loan.number(), "type", "RENEWED",
                "occurredOn", today().minusDays(1).toString()), bureau);
        assertEquals(201, late.status(), late::toString);
        assertEquals(ends.plusYears(10).toString(),
                sql.text("SELECT expires_on FROM ip_asset WHERE id = '" + loan.asset() + "'"));
    }

    @Test
    void alertsReachOnlyTheOwningBankAndTheBureauFeedReachesEveryHolder() {
        String shared = Fixtures.patentNumber(today().getYear() - 3, 1);
        LiveLoan a = liveLoan(officerA, approverA, List.of(this::patent), List.of(shared));
        // one right, one pledge (issue 18: the registry refuses a second): bank B's loan is approved, not pledged
        LiveLoan b = liveLoan(officerB, approverB, List.of(this::patent), List.of(shared), false);

        // bank A's own report touches bank A's asset only
        Answer own = event(officerA, shared, "LITIGATION", today().minusDays(4));
        assertEquals(1, list(own.get("assets")).size());
        assertEquals(Map.of("MON-LITIG-001", "HIGH/WATCH"), alertsOf(own, a.id()));
        assertEquals(0, alertCount(b.id()));
        String alertOfA = (String) list(own.get("alerts")).get(0).get("id");

        // bank B sees none of it and gets 404 on the id, exactly like an unknown id
        Answer seenByB = get("/api/v1/alerts?status=ALL&size=100", officerB);
        assertEquals(200, seenByB.status(), seenByB::toString);
        assertTrue(list(seenByB.get("items")).stream().allMatch(x -> bankB.toString().equals(x.get("bankId"))));
        assertEquals(404, get("/api/v1/alerts/" + alertOfA, officerB).status());
        assertEquals(404, get("/api/v1/alerts/" + UUID.randomUUID(), officerB).status());
        assertEquals(404, post("/api/v1/alerts/" + alertOfA + "/acknowledgement", Map.of(), officerB).status());
        assertEquals(404, post("/api/v1/alerts/" + alertOfA + "/resolution", Map.of("note", "x"), officerB)
                .status());
        Answer listA = get("/api/v1/alerts?loanId=" + a.id(), officerA);
        assertEquals(1L, ((Number) listA.get("total")).longValue());
        assertEquals(0L, ((Number) get("/api/v1/alerts?loanId=" + a.id(), officerB).get("total")).longValue());
        assertEquals(200, get("/api/v1/alerts/" + alertOfA, bureau).status());

        // the registry feed (bureau) affects every bank holding the number
        Answer feed = event(bureau, shared, "LAPSED", today().minusDays(1));
        assertEquals(201, feed.status(), feed::toString);
        assertEquals(2, list(feed.get("assets")).size());
        assertEquals("CRITICAL/FREEZE", alertsOf(feed, a.id()).get("MON-LAPSE-001"));
        assertEquals("CRITICAL/FREEZE", alertsOf(feed, b.id()).get("MON-LAPSE-001"));
        assertEquals("LAPSED", status(a.asset()));
        assertEquals("LAPSED", status(b.asset()));
        Answer bAlerts = get("/api/v1/alerts?loanId=" + b.id() + "&severity=CRITICAL", officerB);
        assertEquals(1L, ((Number) bAlerts.get("total")).longValue());
        assertEquals("MON-LAPSE-001", list(bAlerts.get("items")).get(0).get("ruleId"));
        assertEquals(bankB.toString(), list(bAlerts.get("items")).get(0).get("bankId"));

        // bank A reporting the same lapse itself: its own record, but nothing new is raised
        long before = alertCount(a.id());
        Answer echo = event(officerA, shared, "LAPSED", today().minusDays(1));
        assertEquals("RECORDED", echo.text("outcome"));
        assertEquals(List.of(), echo.get("alerts"));
        assertEquals(before, alertCount(a.id()));
        // bank B reporting on a number only bank A holds changes nothing of bank A's
        Map<String, Object> onlyA = patent(Fixtures.creditCode());
        Answer registered = post("/api/v1/ip-assets", onlyA, officerA);
        assertEquals(201, registered.status(), registered::toString);
        Answer foreign = event(officerB, (String) onlyA.get("number"), "INVALIDATED", today());
        assertEquals(201, foreign.status(), foreign::toString);
        assertEquals(List.of(), foreign.get("assets"));
        assertEquals(List.of(), foreign.get("alerts"));
        assertEquals("VALID", status(registered.text("id")));
        assertEquals(before, alertCount(a.id()));
    }

    @Test
    void aDuplicateEventRaisesNothingNew() {
        LiveLoan loan = patentLoan();
        Answer first = event(officerA, loan.number(), "TRANSFERRED", today().minusDays(1));
        assertEquals(201, first.status(), first::toString);
        assertEquals(1, alertCount(loan.id()));
        long events = sql.count("SELECT count(*) FROM monitoring_event");
        Answer second = post(EVENTS, Map.of("assetNumber", loan.number().substring(2), "type", "TRANSFERRED",
                "occurredOn", today().minusDays(1).toString()), officerA);
        assertEquals(200, second.status(), second::toString);
        assertEquals(Boolean.TRUE, second.get("duplicate"));
        assertEquals("DUPLICATE", second.text("outcome"));
        assertEquals(first.text("eventId"), second.text("eventId"));
        assertEquals(List.of(), second.get("alerts"));
        assertEquals(1, alertCount(loan.id()));
        assertEquals(events, sql.count("SELECT count(*) FROM monitoring_event"));

        // a retried request with the same Idempotency-Key replays the first answer
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("assetNumber", loan.number(), "type", "LITIGATION",
                "occurredOn", today().toString());
        Answer once = post(EVENTS, body, officerA, key);
        Answer replay = post(EVENTS, body, officerA, key);
        assertEquals(201, once.status());
        assertEquals(once.raw(), replay.raw());
        assertEquals("true", replay.headers().get("Idempotent-Replayed"));
        assertEquals(2, alertCount(loan.id()));
    }

    @Test
    void aJsonBatchIsCheckedWholeAndACsvFeedRowByRow() {
        LiveLoan one = patentLoan();
        LiveLoan two = patentLoan();
        // JSON batch: one bad event rejects all of it, nothing written
        long events = sql.count("SELECT count(*) FROM monitoring_event");
        Answer bad = post(EVENTS, Map.of("events", List.of(
                Map.of("assetNumber", one.number(), "type", "LITIGATION", "occurredOn", today().toString()),
                Map.of("assetNumber", "ZL201710601862.4", "type", "LITIGATION", "occurredOn", today().toString()))),
                officerA);
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("events[1].assetNumber"), bad.errorFields());
        assertEquals(events, sql.count("SELECT count(*) FROM monitoring_event"));
        Answer mixed = post(EVENTS, Map.of("assetNumber", one.number(), "events", List.of()), officerA);
        assertEquals(400, mixed.status());

        Answer batch = post(EVENTS, Map.of("events", List.of(
                Map.of("assetNumber", one.number(), "type", "LITIGATION", "occurredOn", today().toString()),
                Map.of("assetNumber", two.number(), "type", "INVALIDATION_FILED", "occurredOn",
                        today().toString()))), officerA);
        assertEquals(200, batch.status(), batch::toString);
        assertEquals(2, ((Number) batch.get("recorded")).intValue());
        assertEquals(2, ((Number) batch.get("alertsRaised")).intValue());

        // CSV as a registry feed delivers it: line 3 has a wrong check character, line 5 a bad date
        String feed = "assetNumber,type,occurredOn,assetType\r\n"
                + one.number() + ",FEE_OVERDUE," + today().minusDays(7) + ",INVENTION_PATENT\r\n"
                + "ZL201710601862.4,LAPSED," + today() + ",\r\n"
                + "\r\n"
                + two.number().substring(2) + ",FEE_OVERDUE,2026-13-01,\r\n"
                + "\"" + two.number() + "\",transferred," + today().minusDays(2) + ",\r\n";
        Answer uploaded = csv(bureau, feed);
        assertEquals(200, uploaded.status(), uploaded::toString);
        assertEquals(4, ((Number) uploaded.get("received")).intValue());
        assertEquals(2, ((Number) uploaded.get("recorded")).intValue());
        assertEquals(2, ((Number) uploaded.get("rejected")).intValue());
        List<Map<String, Object>> results = list(uploaded.get("results"));
        assertEquals(List.of(2, 3, 5, 6), results.stream().map(r -> ((Number) r.get("line")).intValue()).toList());
        assertEquals(List.of("RECORDED", "REJECTED", "REJECTED", "RECORDED"),
                results.stream().map(r -> r.get("outcome")).toList());
        assertEquals("assetNumber", list(results.get(1).get("errors")).get(0).get("field"));
        assertTrue(list(results.get(1).get("errors")).get(0).get("message").toString().contains("check character"));
        assertEquals("occurredOn", list(results.get(2).get("errors")).get(0).get("field"));
        assertEquals("MON-FEE-001", list(results.get(0).get("alerts")).get(0).get("ruleId"));
        assertEquals("MON-TRANSFER-001", list(results.get(3).get("alerts")).get(0).get("ruleId"));
        assertEquals("FEE_OVERDUE", status(one.asset()));
        assertEquals(2, alertCount(one.id()));
        assertEquals(2, alertCount(two.id()));

        // the same feed again: every good row is a duplicate, nothing new is raised
        Answer again = csv(bureau, feed);
        assertEquals(2, ((Number) again.get("duplicates")).intValue());
        assertEquals(0, ((Number) again.get("alertsRaised")).intValue());
        assertEquals(2, alertCount(one.id()));

        Answer noHeader = csv(bureau, one.number() + ",LAPSED," + today() + "\n");
        assertEquals(400, noHeader.status(), noHeader::toString);
        assertEquals(List.of("header"), noHeader.errorFields());
        assertEquals(403, csv(apiKey("ADMIN", null), feed).status());
    }

    @Test
    void dueDateWarningsAreRaisedOncePerThreshold() {
        LiveLoan loan = patentLoan();
        LiveLoan markLoan = liveLoan(officerA, approverA, List.of(this::mark));
        // the patent's annual fee falls due on every 1 March; the mark's renewal when its term ends
        LocalDate feeDue = LocalDate.of(today().getYear() + 1, 3, 1);
        LocalDate markEnds = LocalDate.parse(sql.text("SELECT expires_on FROM ip_asset WHERE id = '"
                + markLoan.asset() + "'"));

        LocalDate day = feeDue.minusDays(60);
        assertTrue(jobs.dueDateWarnings(day) >= 1);
        assertEquals(0, jobs.dueDateWarnings(day), "running twice raises nothing new");
        assertEquals(1, sql.count("SELECT count(*) FROM alert WHERE loan_id = '" + loan.id()
                + "' AND rule_id = 'MON-FEE-DUE-090' AND asset_id = '" + loan.asset() + "'"));
        assertEquals("INFO", sql.text("SELECT severity FROM alert WHERE loan_id = '" + loan.id() + "'"));
        assertTrue(sql.text("SELECT message_en FROM alert WHERE loan_id = '" + loan.id() + "'")
                .contains(feeDue + " (in 60 days)"));
        jobs.dueDateWarnings(feeDue.minusDays(45));
        assertEquals(1, alertCount(loan.id()), "still inside the 90-day window: no second warning");
        jobs.dueDateWarnings(feeDue.minusDays(30));
        assertEquals(0, jobs.dueDateWarnings(feeDue.minusDays(20)));
        assertEquals(1, sql.count("SELECT count(*) FROM alert WHERE loan_id = '" + loan.id()
                + "' AND rule_id = 'MON-FEE-DUE-030' AND severity = 'WARNING'"));
        assertEquals(2, alertCount(loan.id()));

        jobs.dueDateWarnings(markEnds.minusDays(80));
        jobs.dueDateWarnings(markEnds.minusDays(79));
        jobs.dueDateWarnings(markEnds.minusDays(10));
        jobs.dueDateWarnings(markEnds.minusDays(9));
        assertEquals(List.of("MON-RENEWAL-DUE-030", "MON-RENEWAL-DUE-090"), sqlList(
                "SELECT rule_id FROM alert WHERE loan_id = '" + markLoan.id() + "' ORDER BY rule_id"));
        assertEquals(2, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'alert.raised' AND entity_id IN "
                + "(SELECT id::text FROM alert WHERE loan_id = '" + markLoan.id() + "')"));
        // through the job runner too
        assertEquals(com.ipledge.service.jobs.JobRunner.Outcome.RAN, jobs.runDueDateWarnings());
    }

    private List<String> sqlList(String query) {
        List<String> out = new ArrayList<>();
        long n = sql.count("SELECT count(*) FROM (" + query + ") q");
        for (long i = 0; i < n; i++) {
            out.add(sql.text(query + " OFFSET " + i + " LIMIT 1"));
        }
        return out;
    }

    @Test
    void revaluationRaisesAnLtvAlertAsTheRemainingLifeShrinks() {
        LiveLoan loan = patentLoan();
        jobs.revalueLiveLoans(today(), 1000);
        assertEquals(0, alertCount(loan.id()), "today's valuation is the approval's: no alert");
        // 14 years on, the patent (20-year term from 3 years ago) has about 3 years left
        LocalDate later = today().plusYears(14);
        jobs.revalueLiveLoans(later, 1000);
        Map<String, Object> ltvAlert = null;
        Answer alerts = get("/api/v1/alerts?loanId=" + loan.id(), officerA);
        for (Map<String, Object> a : list(alerts.get("items"))) {
            if ("MON-LTV-001".equals(a.get("ruleId"))) {
                ltvAlert = a;
            }
        }
        assertNotNull(ltvAlert, alerts::toString);
        assertEquals("HIGH", ltvAlert.get("severity"));
        assertEquals("MARGIN_CALL", ltvAlert.get("action"));
        assertNull(ltvAlert.get("assetId"));
        assertNull(ltvAlert.get("eventId"));
        BigDecimal value = new BigDecimal(ltvAlert.get("collateralValue").toString());
        BigDecimal ltv = new BigDecimal(ltvAlert.get("ltv").toString());
        BigDecimal outstanding = new BigDecimal(get("/api/v1/loans/" + loan.id(), officerA)
                .text("outstandingPrincipal"));
        assertTrue(value.compareTo(loan.valueAtApproval()) < 0, value + " vs " + loan.valueAtApproval());
        assertEquals(outstanding.divide(value, 6, RoundingMode.HALF_UP), ltv);
        assertTrue(ltv.compareTo(loan.approvedLtv().multiply(new BigDecimal("1.10"))) > 0,
                "breaches the approved LTV " + loan.approvedLtv() + " plus 10 %: " + ltv);
        long raised = alertCount(loan.id());
        jobs.revalueLiveLoans(later, 1000);
        assertEquals(raised, alertCount(loan.id()), "an unresolved LTV alert is not raised again");
        assertEquals(com.ipledge.service.jobs.JobRunner.Outcome.RAN, jobs.runRevaluation());
    }

    @Test
    void acknowledgementAndResolutionAreTransitionsAndAudited() {
        LiveLoan loan = patentLoan();
        Answer ev = event(officerA, loan.number(), "LITIGATION", today().minusDays(8));
        String id = (String) list(ev.get("alerts")).get(0).get("id");

        assertEquals(403, post("/api/v1/alerts/" + id + "/acknowledgement", Map.of(), bureau).status());
        Answer resolveNoNote = post("/api/v1/alerts/" + id + "/resolution", Map.of(), officerA);
        assertEquals(400, resolveNoNote.status());
        assertEquals(List.of("note"), resolveNoNote.errorFields());
        Answer extra = post("/api/v1/alerts/" + id + "/acknowledgement", Map.of("note", "x", "status", "RESOLVED"),
                officerA);
        assertEquals(400, extra.status(), "read-only fields are rejected");

        Answer ack = post("/api/v1/alerts/" + id + "/acknowledgement", Map.of("note", "called the borrower"),
                officerA);
        assertEquals(200, ack.status(), ack::toString);
        assertEquals("ACKNOWLEDGED", ack.text("status"));
        assertEquals("called the borrower", ack.text("acknowledgementNote"));
        assertNotNull(ack.get("acknowledgedAt"));
        Answer twice = post("/api/v1/alerts/" + id + "/acknowledgement", Map.of(), officerA);
        assertEquals(409, twice.status());
        assertEquals("ACKNOWLEDGED", twice.text("currentStatus"));
        assertEquals(List.of("OPEN"), twice.get("allowedFrom"));

        assertEquals(1L, ((Number) get("/api/v1/alerts?loanId=" + loan.id() + "&status=ACKNOWLEDGED", officerA)
                .get("total")).longValue());
        Answer resolved = post("/api/v1/alerts/" + id + "/resolution", Map.of("note", "court dismissed the claim"),
                approverA);
        assertEquals(200, resolved.status(), resolved::toString);
        assertEquals("RESOLVED", resolved.text("status"));
        assertEquals("court dismissed the claim", resolved.text("note"));
        assertEquals("called the borrower", resolved.text("acknowledgementNote"));
        assertEquals(409, post("/api/v1/alerts/" + id + "/resolution", Map.of("note", "again"), officerA).status());
        assertEquals(409, post("/api/v1/alerts/" + id + "/acknowledgement", Map.of(), officerA).status());
        // unresolved by default; all with status=ALL
        assertEquals(0L, ((Number) get("/api/v1/alerts?loanId=" + loan.id(), officerA).get("total")).longValue());
        assertEquals(1L, ((Number) get("/api/v1/alerts?loanId=" + loan.id() + "&status=ALL", officerA)
                .get("total")).longValue());
        assertEquals(400, get("/api/v1/alerts?status=CLOSED", officerA).status());
        assertEquals(400, get("/api/v1/alerts?severity=LOUD", officerA).status());

        // an open alert may be resolved directly
        Answer transfer = event(officerA, loan.number(), "TRANSFERRED", today().minusDays(8));
        String second = (String) list(transfer.get("alerts")).get(0).get("id");
        assertEquals(200, post("/api/v1/alerts/" + second + "/resolution", Map.of("note", "transfer annulled"),
                officerA).status());

        assertEquals(List.of("alert.acknowledged", "alert.resolved"), sqlList("SELECT action FROM audit_entry "
                + "WHERE entity_type = 'alert' AND entity_id = '" + id + "' ORDER BY seq"));
        assertTrue(sql.text("SELECT payload FROM audit_entry WHERE entity_id = '" + id
                + "' AND action = 'alert.resolved'").contains("court dismissed the claim"));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'monitoring.event-recorded' "
                + "AND entity_id = '" + ev.text("eventId") + "'"));
        assertEquals(Boolean.TRUE, get("/api/v1/audit/verify", bureau).get("ok"));
    }
}
