package com.ipledge.service.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Days past due, the five categories and the one NPL definition, over HTTP, with the business date moved forward
 * by an admin (PUT /admin/business-date runs every day's close of business). The business date only moves
 * forward, so the steps run in order on one loan.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoanClassificationTest extends ApiTestBase {
    private Sql sql;
    private String officer;
    private String approver;
    private String otherOfficer;
    private String bureau;
    private String loan;
    private LocalDate firstDue;
    private LocalDate start;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false", "ipledge.business-date.adjustable", "true");
    }

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        UUID bank = createBank("CLASSBANK");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        otherOfficer = apiKey("BANK_OFFICER", createBank("CLASSOTHER"));
        bureau = apiKey("BUREAU", null);
        // the business date moves into next year in these tests: a quota plan for each year
        for (int year : List.of(thisYear(), thisYear() + 1)) {
            Answer plan = post("/api/v1/quota-plans", Map.of("bankId", bank, "year", year,
                    "amount", "100000000"), bureau);
            assertEquals(201, plan.status(), plan::toString);
        }
        // the bank listens for classification moves (delivery itself is WebhookApiTest's subject)
        Answer hook = post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:9/hook",
                "events", List.of("loan.classification_changed")), officer);
        assertEquals(201, hook.status(), hook::toString);
        start = today();
        loan = disbursedLoan("600000");
        Answer l = get("/api/v1/loans/" + loan, officer);
        firstDue = LocalDate.parse((String) ((Map<?, ?>) ((List<?>) l.get("schedule")).get(0)).get("dueOn"));
    }

    private String disbursedLoan(String amount) {
        String app = fileStrongApplication(officer, amount);
        Answer decision = post("/api/v1/applications/" + app + "/evaluation", Map.of(), officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        Answer approved = post("/api/v1/applications/" + app + "/approval", Map.of("approve", true), approver);
        assertEquals(201, approved.status(), approved::toString);
        String id = approved.text("loanId");
        Answer pledge = post("/api/v1/loans/" + id + "/pledge-registration",
                Map.of("registrationNo", "Y2026620000" + id.substring(0, 4), "registeredOn", today().toString()),
                officer);
        assertEquals(200, pledge.status(), pledge::toString);
        Answer disbursed = post("/api/v1/loans/" + id + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);
        return id;
    }

    private Answer moveTo(LocalDate date) {
        Answer a = put("/api/v1/admin/business-date", Map.of("date", date.toString()), ADMIN_KEY);
        assertEquals(200, a.status(), a::toString);
        return a;
    }

    private Map<String, Object> loan() {
        Answer a = get("/api/v1/loans/" + loan, officer);
        assertEquals(200, a.status(), a::toString);
        return a.body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> arrears(Map<String, Object> loan) {
        return (Map<String, Object>) loan.get("arrears");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> moves(Map<String, Object> loan, String kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<?>) loan.get("classificationHistory")) {
            Map<String, Object> m = (Map<String, Object>) o;
            if (kind.equals(m.get("kind"))) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    @Order(1)
    void aNewLoanIsNormalAndCurrent() {
        Map<String, Object> l = loan();
        assertEquals("NORMAL", l.get("classification"));
        assertEquals(0, ((Number) arrears(l).get("daysPastDue")).intValue());
        assertEquals("CURRENT", arrears(l).get("delinquencyBucket"));
        assertEquals(0, new BigDecimal(arrears(l).get("penaltyInterest").toString()).signum());
        Answer before = put("/api/v1/admin/business-date", Map.of("date", start.minusDays(1).toString()), ADMIN_KEY);
        assertEquals(400, before.status(), before::toString);
        assertEquals(List.of("date"), before.errorFields());
        Answer byOfficer = put("/api/v1/admin/business-date", Map.of("date", start.plusDays(1).toString()), officer);
        assertEquals(403, byOfficer.status(), byOfficer::toString);
        Answer missing = put("/api/v1/admin/business-date", Map.of(), ADMIN_KEY);
        assertEquals(400, missing.status(), missing::toString);
        assertEquals(List.of("date"), missing.errorFields());
    }

    @Test
    @Order(2)
    void upToSevenDaysLateIsATechnicalDelay() {
        Answer moved = moveTo(firstDue.plusDays(7));
        assertEquals(firstDue.plusDays(7).toString(), moved.text("businessDate"));
        assertEquals(start.toString(), moved.text("previousBusinessDate"));
        assertEquals(ChronoUnit.DAYS.between(start, firstDue.plusDays(7)),
                ((Number) moved.get("daysRun")).longValue());
        assertEquals(firstDue.plusDays(7), today(), "the service's clock follows the business date");
        Answer published = get("/api/v1/business-date", null);
        assertEquals(firstDue.plusDays(7).toString(), published.text("businessDate"));

        Map<String, Object> l = loan();
        assertEquals(7, ((Number) arrears(l).get("daysPastDue")).intValue());
        assertEquals("DPD_1_30", arrears(l).get("delinquencyBucket"));
        assertEquals("NORMAL", l.get("classification"));
        assertEquals("NORMAL", arrears(l).get("classificationFloor"));
        List<Map<String, Object>> buckets = moves(l, "BUCKET");
        assertEquals(1, buckets.size(), buckets::toString);
        assertEquals(firstDue.plusDays(1).toString(), buckets.get(0).get("onDate"));
        assertEquals("CURRENT", buckets.get(0).get("from"));
        assertEquals("DPD_1_30", buckets.get(0).get("to"));
    }

    @Test
    @Order(3)
    void ninetyFiveDaysOverdueIsSubstandardAndNonPerforming() {
        moveTo(firstDue.plusDays(95));
        Map<String, Object> l = loan();
        Map<String, Object> a = arrears(l);
        assertEquals(95, ((Number) a.get("daysPastDue")).intValue());
        assertEquals("DPD_91_180", a.get("delinquencyBucket"));
        assertEquals("SUBSTANDARD", l.get("classification"));
        assertEquals(firstDue.plusDays(95).toString(), l.get("classifiedOn"));

        List<Map<String, Object>> categories = moves(l, "CLASSIFICATION");
        assertEquals(List.of("NORMAL>SPECIAL_MENTION@" + firstDue.plusDays(8),
                        "SPECIAL_MENTION>SUBSTANDARD@" + firstDue.plusDays(91)),
                categories.stream().map(m -> m.get("from") + ">" + m.get("to") + "@" + m.get("onDate")).toList());
        assertTrue(((String) categories.get(1).get("reason")).contains("91"), categories::toString);
        assertEquals(List.of("DPD_1_30", "DPD_31_60", "DPD_61_90", "DPD_91_180"),
                moves(l, "BUCKET").stream().map(m -> (String) m.get("to")).toList());
        assertEquals(firstDue.plusDays(31).toString(), moves(l, "BUCKET").get(1).get("onDate"));

        // overdue amounts and penalty interest, by hand from the schedule: every line due before today and unpaid,
        // unpaid principal x rate x 1.5 x days overdue / 360, rounded once to the fen
        LocalDate asOf = firstDue.plusDays(95);
        BigDecimal rate = new BigDecimal(l.get("annualRate").toString());
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal interest = BigDecimal.ZERO;
        BigDecimal penalty = BigDecimal.ZERO;
        for (Object o : (List<?>) l.get("schedule")) {
            Map<?, ?> line = (Map<?, ?>) o;
            LocalDate due = LocalDate.parse((String) line.get("dueOn"));
            if (due.isBefore(asOf)) {
                BigDecimal p = new BigDecimal(line.get("principal").toString());
                principal = principal.add(p);
                interest = interest.add(new BigDecimal(line.get("interest").toString()));
                penalty = penalty.add(p.multiply(rate).multiply(new BigDecimal("1.5"))
                        .multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(due, asOf))));
            }
        }
        assertTrue(principal.signum() > 0);
        assertEquals(0, principal.compareTo(new BigDecimal(a.get("overduePrincipal").toString())), a::toString);
        assertEquals(0, interest.compareTo(new BigDecimal(a.get("overdueInterest").toString())), a::toString);
        assertEquals(penalty.divide(new BigDecimal("360"), 2, RoundingMode.HALF_UP),
                new BigDecimal(a.get("penaltyInterest").toString()), a::toString);

        assertEquals(List.of("SPECIAL_MENTION", "SUBSTANDARD"), List.of(
                sql.text("SELECT body::json->'data'->>'to' FROM webhook_event WHERE type = "
                        + "'loan.classification_changed' ORDER BY seq LIMIT 1"),
                sql.text("SELECT body::json->'data'->>'to' FROM webhook_event WHERE type = "
                        + "'loan.classification_changed' ORDER BY seq DESC LIMIT 1")),
                "each category move is an event for the bank's webhooks");
        assertEquals(2, sql.count("SELECT count(*) FROM webhook_event WHERE type = 'loan.classification_changed'"));

        List<?> history = (List<?>) l.get("history");
        assertEquals(2, history.stream().filter(h -> "loan.classified".equals(((Map<?, ?>) h).get("action")))
                .count(), "every category move is audited");
        assertEquals(2, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'business-date.moved'"),
                "each move of the business date is audited");
    }

    @Test
    @Order(4)
    void theNplRatioCountsSubstandardLoansEverywhereTheSame() {
        String performing = disbursedLoan("300000");
        BigDecimal bad = new BigDecimal(loan().get("outstandingPrincipal").toString());
        BigDecimal good = new BigDecimal(get("/api/v1/loans/" + performing, officer).text("outstandingPrincipal"));
        Answer npl = get("/api/v1/portfolio/npl", officer);
        assertEquals(200, npl.status(), npl::toString);
        Map<?, ?> row = (Map<?, ?>) ((List<?>) npl.get("banks")).get(0);
        assertEquals(0, bad.add(good).compareTo(new BigDecimal(row.get("totalOutstanding").toString())), row::toString);
        assertEquals(0, bad.compareTo(new BigDecimal(row.get("nonPerformingOutstanding").toString())), row::toString);
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(row.get("defaultedOutstanding").toString())));
        BigDecimal ratio = new BigDecimal(row.get("ipNplRatio").toString());
        assertEquals(bad.divide(bad.add(good), ratio.scale(), RoundingMode.HALF_UP), ratio);

        Answer substandard = get("/api/v1/loans?classification=SUBSTANDARD", officer);
        assertEquals(200, substandard.status(), substandard::toString);
        assertEquals(List.of(loan), ((List<?>) substandard.get("items")).stream()
                .map(i -> ((Map<?, ?>) i).get("id")).toList(), "the classification filter lists the bad loan only");
        Answer normal = get("/api/v1/loans?classification=NORMAL", officer);
        assertEquals(List.of(performing), ((List<?>) normal.get("items")).stream()
                .map(i -> ((Map<?, ?>) i).get("id")).toList());
        assertEquals(0, ((List<?>) get("/api/v1/loans?classification=SUBSTANDARD", otherOfficer).get("items"))
                .size(), "another bank sees none of them");
        Answer summary = get("/api/v1/portfolio/summary", officer);
        Map<?, ?> totals = (Map<?, ?>) summary.get("totals");
        assertEquals(0, bad.add(good).compareTo(new BigDecimal(totals.get("outstanding").toString())), totals::toString);
        assertEquals(0, bad.compareTo(new BigDecimal(totals.get("nonPerformingExposure").toString())));
        assertEquals(1L, ((Number) totals.get("nonPerformingLoans")).longValue());
        assertEquals(0, ratio.compareTo(new BigDecimal(totals.get("nplRatio").toString())
                .setScale(ratio.scale(), RoundingMode.HALF_UP)), totals + " vs " + row);
    }

    @Test
    @Order(5)
    void aBankMayClassifyWorseNeverBetter() {
        for (String better : List.of("NORMAL", "SPECIAL_MENTION")) {
            Answer refused = put("/api/v1/loans/" + loan + "/classification",
                    Map.of("classification", better, "reason", "the borrower promised to pay"), officer);
            assertEquals(400, refused.status(), refused::toString);
            assertEquals(List.of("classification"), refused.errorFields());
        }
        Answer noReason = put("/api/v1/loans/" + loan + "/classification", Map.of("classification", "DOUBTFUL"),
                officer);
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals(List.of("reason"), noReason.errorFields());
        Answer unknown = put("/api/v1/loans/" + loan + "/classification",
                Map.of("classification", "GOOD", "reason", "x"), officer);
        assertEquals(400, unknown.status(), unknown::toString);
        Answer otherBank = put("/api/v1/loans/" + loan + "/classification",
                Map.of("classification", "DOUBTFUL", "reason", "x"), otherOfficer);
        assertEquals(404, otherBank.status(), otherBank::toString);
        Answer byBureau = put("/api/v1/loans/" + loan + "/classification",
                Map.of("classification", "DOUBTFUL", "reason", "x"), bureau);
        assertEquals(403, byBureau.status(), byBureau::toString);
        assertEquals("SUBSTANDARD", loan().get("classification"), "refusals change nothing");

        Answer worse = put("/api/v1/loans/" + loan + "/classification",
                Map.of("classification", "DOUBTFUL", "reason", "主营停产 / main line stopped"), officer);
        assertEquals(200, worse.status(), worse::toString);
        assertEquals("DOUBTFUL", worse.text("classification"));
        List<Map<String, Object>> categories = moves(worse.body(), "CLASSIFICATION");
        Map<String, Object> last = categories.get(categories.size() - 1);
        assertEquals("DOUBTFUL", last.get("to"));
        assertTrue(((String) last.get("reason")).contains("main line stopped"), last::toString);
        assertTrue(((String) last.get("actor")).startsWith("BANK_OFFICER:"), last::toString);
    }

    @Test
    @Order(6)
    void repayingTheArrearsLowersTheFloorButKeepsTheBanksWorseCategory() {
        Map<String, Object> a = arrears(loan());
        BigDecimal due = new BigDecimal(a.get("overduePrincipal").toString())
                .add(new BigDecimal(a.get("overdueInterest").toString()));
        Answer paid = post("/api/v1/loans/" + loan + "/repayments",
                Map.of("amount", due.toPlainString(), "paidOn", today().toString()), officer);
        assertEquals(201, paid.status(), paid::toString);
        Map<String, Object> l = loan();
        assertEquals(0, ((Number) arrears(l).get("daysPastDue")).intValue(), arrears(l)::toString);
        assertEquals("CURRENT", arrears(l).get("delinquencyBucket"));
        assertEquals("NORMAL", arrears(l).get("classificationFloor"));
        assertEquals("DOUBTFUL", l.get("classification"), "the bank's own classification stands until it changes it");
        Answer normal = put("/api/v1/loans/" + loan + "/classification",
                Map.of("classification", "NORMAL", "reason", "arrears cleared, trading again"), approver);
        assertEquals(200, normal.status(), normal::toString);
        assertEquals("NORMAL", normal.text("classification"));
        Answer npl = get("/api/v1/portfolio/npl", officer);
        Map<?, ?> row = (Map<?, ?>) ((List<?>) npl.get("banks")).get(0);
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(row.get("nonPerformingOutstanding").toString())));
    }

    @Test
    @Order(7)
    void aDefaultIsSubstandardAtOnce() {
        String defaulted = disbursedLoan("200000");
        Map<String, Object> body = new HashMap<>();
        body.put("defaultedOn", today().toString());
        Answer d = post("/api/v1/loans/" + defaulted + "/default", body, officer);
        assertTrue(d.status() == 200 || d.status() == 201, d::toString);
        Answer l = get("/api/v1/loans/" + defaulted, officer);
        assertEquals("DEFAULTED", l.text("status"));
        assertEquals("SUBSTANDARD", l.text("classification"), l::toString);
        assertNotNull(l.get("arrears"));
        assertEquals("SUBSTANDARD", ((Map<?, ?>) l.get("arrears")).get("classificationFloor"));
    }
}
