package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import com.ipledge.service.audit.AuditSealer;
import com.ipledge.service.borrower.NewBorrower;
import com.ipledge.service.intake.IntakeService;
import com.ipledge.service.intake.NewIntake;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.ipasset.LegalStatus;
import com.ipledge.service.ipasset.NewIpAsset;
import com.ipledge.service.pages.WebFormCaller;
import java.math.BigDecimal;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enumerates every API route from the router (a route added later is covered without touching this test) and
 * calls it with another bank's keys on this bank's ids: the answer is always 404 (or 403 where the role may not
 * call it at all), and never carries this bank's data.
 */
@MicronautTest(transactional = false)
class TenantIsolationTest extends ApiTestBase {
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Inject
    Router router;

    @Inject
    AuditSealer sealer;

    @Inject
    IntakeService intakes;

    private final Map<String, String> ownIds = new HashMap<>();
    private String intruderOfficer;
    private String intruderApprover;
    private String auditSeq;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void aBankWithAWholeBook() {
        UUID bank = createBank("VICTIM");
        String officer = apiKey("BANK_OFFICER", bank);
        String approver = apiKey("BANK_APPROVER", bank);
        String bureau = apiKey("BUREAU", null);
        UUID intruder = createBank("INTRUDER");
        intruderOfficer = apiKey("BANK_OFFICER", intruder);
        intruderApprover = apiKey("BANK_APPROVER", intruder);
        // a webhook endpoint, so that the loan's disbursement below leaves a delivery to look for (jobs are off)
        ownIds.put("webhooks", post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:9/hook",
                "events", List.of("loan.disbursed")), officer).text("id"));
        Answer plan = post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), bureau);
        ownIds.put("quota-plans", plan.text("id"));
        Map<String, Object> borrower = Fixtures.strongBorrower();
        ownIds.put("borrowers", post("/api/v1/borrowers", borrower, officer).text("id"));
        Map<String, Object> patent = Fixtures.youngInvention((String) borrower.get("creditCode"));
        ownIds.put("ip-assets", post("/api/v1/ip-assets", patent, officer).text("id"));
        Map<String, Object> app = Fixtures.application(ownIds.get("borrowers"), List.of(ownIds.get("ip-assets")));
        app.put("requestedAmount", "300000");
        ownIds.put("applications", post("/api/v1/applications", app, officer).text("id"));
        Answer decision = post("/api/v1/applications/" + ownIds.get("applications") + "/evaluation", Map.of(),
                officer);
        assertEquals("APPROVE", decision.text("decision"), decision::toString);
        String loan = post("/api/v1/applications/" + ownIds.get("applications") + "/approval",
                Map.of("approve", true), approver).text("loanId");
        ownIds.put("loans", loan);
        post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "Y1", "registeredOn", today().toString()), officer);
        assertEquals("DISBURSED", post("/api/v1/loans/" + loan + "/disbursement", Map.of(), officer)
                .text("status"));
        Answer valuation = post("/api/v1/valuations", Map.of("assetId", ownIds.get("ip-assets"), "assumptions",
                Map.of("valuationDate", today().toString(), "baseRevenue", "1000000",
                        "revenueGrowth", Map.of("mean", 0.03, "sd", 0), "royaltyRate", Map.of("mean", 0.04, "sd", 0),
                        "discountRate", Map.of("mean", 0.12, "sd", 0), "taxRate", 0.25,
                        "economicLifeYears", Map.of("min", 5, "mode", 5, "max", 5))), officer);
        assertEquals(201, valuation.status(), valuation::toString);
        ownIds.put("valuations", valuation.text("id"));
        Answer appraisal = post("/api/v1/ip-assets/" + ownIds.get("ip-assets") + "/appraisal-reports", Map.of(
                "firm", "甘肃中天资产评估有限公司", "reportNumber", "VICTIM-1", "reportDate", today().toString(),
                "method", "INCOME", "appraisedValue", "2000000", "fileBase64",
                java.util.Base64.getEncoder().encodeToString("%PDF-1.7 victim".getBytes())), officer);
        assertEquals(201, appraisal.status(), appraisal::toString);
        ownIds.put("appraisal-reports", appraisal.text("id"));
        // a public-form filing addressed to this bank, in the name of its borrower (issue 17)
        NewBorrower firm = new NewBorrower((String) borrower.get("name"), (String) borrower.get("creditCode"),
                "C3911", null, "620100", 120, new BigDecimal("80000000"), new BigDecimal("52000000"),
                LocalDate.of(2012, 5, 18));
        NewIpAsset right = new NewIpAsset(IpType.INVENTION_PATENT, (String) patent.get("number"),
                (String) patent.get("title"), firm.creditCode(), LocalDate.parse((String) patent.get("filingDate")),
                LocalDate.parse((String) patent.get("grantDate")), null, LegalStatus.VALID, null, null, null, null);
        ownIds.put("intakes", intakes.receive(WebFormCaller.forBank(bank), new NewIntake(bank, firm,
                List.of(new NewIntake.Row(0, right)), new BigDecimal("300000"), 12, "设备", "张三", "0931-8123456",
                "127.0.0.1", "0".repeat(64))).toString());
        ownIds.put("documents", intakes.addDocument(WebFormCaller.forBank(bank), UUID.fromString(ownIds.get("intakes")),
                "BUSINESS_LICENCE", "licence.pdf", "%PDF-1.7 victim".getBytes()).id().toString());
        ownIds.put("deliveries", new Sql(databaseUrl()).text("SELECT id::text FROM webhook_delivery"));
        // the audit routes take a sequence number, not an id: the victim's own loan's entry, sealed
        auditSeq = Long.toString(new Sql(databaseUrl()).count(
                "SELECT min(seq) FROM audit_entry WHERE entity_id = '" + loan + "'"));
        sealer.sealNow(java.time.Duration.ofSeconds(10));
    }

    @Test
    void everyRouteAnswersAnotherBank404Or403AndNeverItsData() {
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            String template = route.getUriMatchTemplate().toString();
            if (!template.startsWith("/api/")) {
                continue;
            }
            HttpMethod method = route.getHttpMethod();
            if (method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
                continue; // answered by the framework from the GET route
            }
            boolean withVariable = VARIABLE.matcher(template).find();
            if (!withVariable && method != HttpMethod.GET) {
                continue; // creating in one's own bank is not a leak; body checks have their own tests
            }
            String path = fill(template);
            for (String key : List.of(intruderOfficer, intruderApprover)) {
                Answer a = send(request(method, path).bearerAuth(key));
                checked++;
                boolean acceptable = withVariable ? (a.status() == 404 || a.status() == 403)
                        : a.status() < 500;
                if (!acceptable || carriesOwnData(a)) {
                    leaks.add(method + " " + path + " -> " + a.status() + " " + a.raw());
                }
            }
        }
        assertTrue(checked > 20, "the router listed the API: " + checked);
        assertTrue(leaks.isEmpty(), () -> "routes that answer another bank:\n" + String.join("\n", leaks));
    }

    @Test
    void mutatingAnotherBanksLoanChangesNothing() {
        String loan = ownIds.get("loans");
        Answer repay = post("/api/v1/loans/" + loan + "/repayments",
                Map.of("amount", "100.00", "paidOn", today().toString()), intruderOfficer);
        assertEquals(404, repay.status());
        Answer approve = post("/api/v1/applications/" + ownIds.get("applications") + "/approval",
                Map.of("approve", false, "note", "x"), intruderApprover);
        assertEquals(404, approve.status());
    }

    private boolean carriesOwnData(Answer a) {
        if (a.raw() == null || a.status() >= 400 && a.status() != 404 && a.status() != 403) {
            return a.raw() != null && ownIds.values().stream().anyMatch(a.raw()::contains);
        }
        return ownIds.values().stream().anyMatch(id -> a.raw().contains(id) && a.status() < 400);
    }

    private String fill(String template) {
        Matcher m = VARIABLE.matcher(template.replaceAll("\\{\\?[^}]*}", "").replaceAll("\\{/[^}]*}", ""));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String[] segments = before.split("/");
            String collection = segments.length > 0 ? segments[segments.length - 1] : "";
            String id = collection.equals("entries") ? auditSeq : ownIds.getOrDefault(collection, ownIds.get("loans"));
            m.appendReplacement(out, id);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static MutableHttpRequest<?> request(HttpMethod method, String path) {
        return switch (method) {
            case GET -> HttpRequest.GET(path);
            case DELETE -> HttpRequest.DELETE(path);
            case PUT -> HttpRequest.PUT(path, Map.of());
            case PATCH -> HttpRequest.PATCH(path, Map.of());
            default -> HttpRequest.POST(path, Map.of());
        };
    }
}
