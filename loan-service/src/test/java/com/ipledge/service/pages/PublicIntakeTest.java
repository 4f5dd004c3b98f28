package com.ipledge.service.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, impersonation through the public form. A bank has a firm on file with a patent and a trademark; strangers
 * file in that firm's name, changing one typed field at a time (every field of the form, both rights' fields). Each
 * filing leaves the firm's borrower and assets exactly as they were (over HTTP and in SQL), files no application,
 * and the intake the officer reads names exactly the changed field among its differences. Attaching happens only on
 * the officer's explicit confirmation naming the borrower, with every difference accepted.
 */
@MicronautTest(transactional = false)
class PublicIntakeTest extends ApiTestBase {
    /** The two filled rows of {@link PageFixtures#validForm}: a patent (row 0) and a trademark (row 1). */
    private static final int ROWS = 2;

    private UUID bank;
    private String officer;
    private String otherOfficer;
    private String approver;
    private String bureau;
    private Map<String, String> onFileForm;
    private String borrowerId;
    private String patentId;
    private String markId;
    private Sql sql;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false",
                "ipledge.pages.csrf-secret", "test-secret-for-the-pages-0123456789", "ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void aFirmOnFile() {
        sql = new Sql(databaseUrl());
        bank = createBank("INTAKEBANK");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        bureau = apiKey("BUREAU", null);
        otherOfficer = apiKey("BANK_OFFICER", createBank("INTAKEOTHER"));
        assertEquals(201, post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(), "amount",
                "100000000"), bureau).status(), "a bank is offered on the form only while it has quota left");
        onFileForm = PageFixtures.validForm(bank);
        Map<String, String> f = onFileForm;
        Map<String, Object> borrower = new HashMap<>(Map.of("name", f.get("name"), "creditCode", f.get("creditCode"),
                "industryCode", f.get("industryCode"), "regionCode", f.get("regionCode"), "employees", 120,
                "operatingRevenue", "35000000", "totalAssets", "52000000", "foundedOn", f.get("foundedOn")));
        borrowerId = created(post("/api/v1/borrowers", borrower, officer));
        Map<String, Object> patent = Fixtures.invention(f.get("creditCode"));
        patent.put("number", f.get("assets[0].number"));
        patent.put("title", f.get("assets[0].title"));
        patentId = created(post("/api/v1/ip-assets", patent, officer));
        Map<String, Object> mark = Fixtures.trademark(f.get("creditCode"));
        mark.put("number", f.get("assets[1].number"));
        markId = created(post("/api/v1/ip-assets", mark, officer));
    }

    private static String created(Answer a) {
        assertEquals(201, a.status(), a::toString);
        return a.text("id");
    }

    /** One change to the on-file facts as typed, and the differences the officer must then see. */
    private record Probe(String value, List<String> differences) {
        static Probe of(String value, String... differences) {
            return new Probe(value, List.of(differences));
        }
    }

    /** A changed value for every field of the form the firm types (and what the officer must see for it). */
    private Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        p.put("name", Probe.of("兰州绿源节能科技股份有限公司", "name"));
        // another credit code is another firm: no borrower matches, and the rights on file have another owner
        p.put("creditCode", Probe.of(Fixtures.creditCode(), "assets[0].ownerCreditCode", "assets[1].ownerCreditCode"));
        p.put("industryCode", Probe.of("C3484", "industryCode"));
        p.put("regionCode", Probe.of("620200", "regionCode"));
        p.put("employees", Probe.of("121", "employees"));
        p.put("operatingRevenue", Probe.of("35,000,001", "operatingRevenue"));
        p.put("totalAssets", Probe.of("52000000.01", "totalAssets"));
        p.put("foundedOn", Probe.of("2012-05-19", "foundedOn"));
        // the loan asked for and the contact are the filing's own facts: nothing on file to differ from
        p.put("contactName", Probe.of("李四"));
        p.put("contactPhone", Probe.of("0931-8000000"));
        p.put("requestedAmount", Probe.of("2000000"));
        p.put("termMonths", Probe.of("24"));
        p.put("purpose", Probe.of("研发投入"));
        // a patent number names its type (the digit after the year): another type is refused on the form itself
        p.put("assets[0].type", Probe.of("UTILITY_MODEL", "REFUSED"));
        p.put("assets[0].number", Probe.of(Fixtures.patentNumber(2017, 1), "assets[0].number"));
        p.put("assets[0].title", Probe.of("一种余热回收装置", "assets[0].title"));
        p.put("assets[0].filingDate", Probe.of("2017-08-11", "assets[0].filingDate"));
        p.put("assets[0].grantDate", Probe.of("2019-11-06", "assets[0].grantDate"));
        // a patent has no registration date or classes: the form does not read them for it
        p.put("assets[0].registrationDate", Probe.of("2019-12-01"));
        p.put("assets[0].niceClasses", Probe.of("9"));
        p.put("assets[1].type", Probe.of("GEOGRAPHICAL_INDICATION", "assets[1].type"));
        p.put("assets[1].number", Probe.of(String.valueOf(40_000_000 + Math.abs(UUID.randomUUID().hashCode() % 1_000_000)),
                "assets[1].number"));
        p.put("assets[1].title", Probe.of("绿源牌", "assets[1].title"));
        p.put("assets[1].filingDate", Probe.of("2015-02-02", "assets[1].filingDate"));
        // a mark has no grant date: the form does not read it for one
        p.put("assets[1].grantDate", Probe.of("2016-01-01"));
        p.put("assets[1].registrationDate", Probe.of("2016-03-15", "assets[1].registrationDate"));
        p.put("assets[1].niceClasses", Probe.of("7, 12", "assets[1].niceClasses"));
        return p;
    }

    /** The on-file firm as HTTP and SQL show it, and how many records the bank has: must not move. */
    private List<String> onFile() {
        List<String> state = new ArrayList<>();
        state.add(get("/api/v1/borrowers/" + borrowerId, officer).raw());
        state.add(get("/api/v1/ip-assets/" + patentId, officer).raw());
        state.add(get("/api/v1/ip-assets/" + markId, officer).raw());
        state.add(sql.text("SELECT row_to_json(t)::text FROM borrower t WHERE id = '" + borrowerId + "'"));
        state.add(sql.text("SELECT row_to_json(t)::text FROM ip_asset t WHERE id = '" + patentId + "'"));
        state.add(sql.text("SELECT row_to_json(t)::text FROM ip_asset t WHERE id = '" + markId + "'"));
        state.add("borrowers " + sql.count("SELECT count(*) FROM borrower WHERE bank_id = '" + bank + "'"));
        state.add("assets " + sql.count("SELECT count(*) FROM ip_asset WHERE bank_id = '" + bank + "'"));
        state.add("applications " + applications());
        return state;
    }

    private long applications() {
        return sql.count("SELECT count(*) FROM loan_application WHERE bank_id = '" + bank + "'");
    }

    @Test
    void everyChangedFieldLeavesTheFirmOnFileAloneAndIsTheIntakesOneDifference() {
        Map<String, Probe> probes = probes();
        Set<String> typed = new LinkedHashSet<>(ApplyForm.FIELDS);
        typed.removeAll(List.of("bankId", "consent"));
        for (int row = 0; row < ROWS; row++) {
            for (String f : ApplyForm.ASSET_FIELDS) {
                typed.add(ApplyForm.assetField(row, f));
            }
        }
        assertEquals(typed, probes.keySet(), "one probe per field the firm types");
        probes.put("(identical)", Probe.of(null));

        // other tests of this class file the same firm: one still open would make every probe its duplicate
        String open = "FROM public_intake WHERE status = 'PENDING' AND credit_code = '"
                + onFileForm.get("creditCode") + "'";
        while (sql.count("SELECT count(*) " + open) > 0) {
            assertEquals(200, post("/api/v1/intakes/" + sql.text("SELECT id::text " + open + " LIMIT 1") + "/reject",
                    Map.of("reason", "another test's filing"), officer).status());
        }
        List<String> before = onFile();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Probe> probe : probes.entrySet()) {
            Map<String, String> form = new LinkedHashMap<>(onFileForm);
            if (probe.getValue().value() != null) {
                form.put(probe.getKey(), probe.getValue().value());
            }
            Answer filed = new FormSession().file(form);
            List<String> now = onFile();
            if (!before.equals(now)) {
                failures.add(probe.getKey() + ": the firm on file changed: " + now);
            }
            if (probe.getValue().differences().equals(List.of("REFUSED"))) {
                if (filed.status() != 200 || !filed.raw().contains("id=\"error-summary\"")) {
                    failures.add(probe.getKey() + ": not refused: " + filed.status());
                }
                continue;
            }
            if (filed.status() != 303) {
                failures.add(probe.getKey() + ": " + filed.status() + " " + filed.raw());
                continue;
            }
            String token = filed.headers().get("Location").substring("/status/".length());
            String intakeId = sql.text("SELECT id FROM public_intake WHERE status_token_hash = '"
                    + StatusTokens.hash(token) + "'");
            Answer intake = get("/api/v1/intakes/" + intakeId, officer);
            List<String> fields = differences(intake).stream().map(d -> (String) d.get("field")).toList();
            if (!fields.equals(probe.getValue().differences())) {
                failures.add(probe.getKey() + ": differences " + fields);
            }
            for (Map<String, Object> d : differences(intake)) {
                if (d.get("submitted") == null || d.get("submitted").equals(d.get("onFile"))) {
                    failures.add(probe.getKey() + ": " + d);
                }
            }
            Object matchedBorrower = matches(intake).get("borrowerId");
            if (!(probe.getKey().equals("creditCode") ? matchedBorrower == null
                    : borrowerId.equals(matchedBorrower))) {
                failures.add(probe.getKey() + ": matched borrower " + matchedBorrower);
            }
            if (!"PENDING".equals(intake.text("status")) || !"PUBLIC_FORM".equals(intake.text("source"))) {
                failures.add(probe.getKey() + ": " + intake);
            }
            Answer status = send(HttpRequest.GET("/status/" + token).header("Accept-Language", "en"));
            if (!status.raw().contains("data-status=\"RECEIVED\"")) {
                failures.add(probe.getKey() + ": status page " + status.status());
            }
            // the next probe types the same credit code and numbers: while this one is open it would be refused
            // as its duplicate (issue 20)
            assertEquals(200, post("/api/v1/intakes/" + intakeId + "/reject", Map.of("reason", "probe"), officer)
                    .status());
        }
        assertTrue(failures.isEmpty(), probes.size() + " probes, failed:\n" + String.join("\n", failures));
        assertEquals(before, onFile());
    }

    @Test
    void attachingNeedsTheBorrowerNamedAndEveryDifferenceAccepted() {
        Map<String, String> form = new LinkedHashMap<>(onFileForm);
        form.put("name", "冒名顶替有限公司");
        form.put("operatingRevenue", "900000000");
        String token = token(new FormSession().file(form));
        String intakeId = intakeOf(token);
        List<String> before = onFile();

        Answer noBorrower = post("/api/v1/intakes/" + intakeId + "/confirm", Map.of(), officer);
        assertEquals(409, noBorrower.status(), noBorrower::toString);
        assertProblem("borrower-exists", noBorrower.text("type"));
        assertEquals(borrowerId, noBorrower.text("borrowerId"), "the 409 names the borrower on file");
        Answer acceptedButUnnamed = post("/api/v1/intakes/" + intakeId + "/confirm",
                Map.of("acceptDifferences", true), officer);
        assertEquals(409, acceptedButUnnamed.status(), "never a second borrower with that credit code");
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("borrowerId", borrowerId),
                Map.of("borrowerId", borrowerId, "acceptDifferences", false))) {
            Answer differs = post("/api/v1/intakes/" + intakeId + "/confirm", body, officer);
            assertEquals(409, differs.status(), differs::toString);
            assertProblem("intake-differs", differs.text("type"));
            assertEquals(List.of("name", "operatingRevenue"),
                    differences(differs).stream().map(d -> d.get("field")).toList());
        }
        assertEquals(before, onFile(), "refused confirmations write nothing");
        assertEquals("PENDING", get("/api/v1/intakes/" + intakeId, officer).text("status"));

        String key = UUID.randomUUID().toString();
        Map<String, Object> accept = Map.of("borrowerId", borrowerId, "acceptDifferences", true);
        Answer confirmed = post("/api/v1/intakes/" + intakeId + "/confirm", accept, officer, key);
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals("CONFIRMED", confirmed.text("status"));
        assertEquals(borrowerId, confirmed.text("borrowerId"));
        Answer replay = post("/api/v1/intakes/" + intakeId + "/confirm", accept, officer, key);
        assertEquals(200, replay.status());
        assertEquals(confirmed.text("applicationId"), replay.text("applicationId"));
        assertEquals(before.subList(0, 8), onFile().subList(0, 8), "the firm on file keeps its own facts");
        assertEquals(applications() - 1, Long.parseLong(before.get(8).substring("applications ".length())),
                "one application, replay or not");

        Answer application = get("/api/v1/applications/" + confirmed.text("applicationId"), officer);
        assertEquals("PUBLIC_FORM", application.text("origin"));
        assertEquals(intakeId, application.text("intakeId"));
        assertEquals(borrowerId, application.text("borrowerId"));
        assertEquals(List.of(Map.of("assetId", patentId), Map.of("assetId", markId)), application.get("collateral"));
        assertEquals("SUBMITTED", application.text("status"));
        Answer list = get("/api/v1/applications?size=100", officer);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) list.get("items");
        assertTrue(items.stream().anyMatch(i -> confirmed.text("applicationId").equals(i.get("id"))
                && "PUBLIC_FORM".equals(i.get("origin")) && intakeId.equals(i.get("intakeId"))), list::toString);

        Answer again = post("/api/v1/intakes/" + intakeId + "/confirm", accept, officer);
        assertEquals(409, again.status());
        assertProblem("intake-decided", again.text("type"));
        Answer status = send(HttpRequest.GET("/status/" + token).header("Accept-Language", "en"));
        assertTrue(status.raw().contains("data-status=\"SUBMITTED\""), "the applicant follows the application now");
        assertEquals("noindex, nofollow", status.headers().get("X-Robots-Tag"), "a private page: not for search engines");
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE entity_type = 'intake' AND entity_id = '"
                + intakeId + "' AND action = 'intake.received'"));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE entity_type = 'intake' AND entity_id = '"
                + intakeId + "' AND action = 'intake.confirmed'"));
    }

    @Test
    void identicalFactsAttachWithoutAcceptingAnything() {
        String intakeId = intakeOf(token(new FormSession().file(onFileForm)));
        assertTrue(differences(get("/api/v1/intakes/" + intakeId, officer)).isEmpty());
        Answer confirmed = post("/api/v1/intakes/" + intakeId + "/confirm", Map.of("borrowerId", borrowerId),
                officer);
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals(borrowerId, confirmed.text("borrowerId"));
    }

    @Test
    void aNewFirmIsRegisteredFromItsTypedFactsOnlyOnConfirmation() {
        Map<String, String> form = PageFixtures.validForm(bank);
        String intakeId = intakeOf(token(new FormSession().file(form)));
        String code = form.get("creditCode");
        assertEquals(0, sql.count("SELECT count(*) FROM borrower WHERE credit_code = '" + code + "'"));
        Answer intake = get("/api/v1/intakes/" + intakeId, officer);
        assertTrue(differences(intake).isEmpty(), "nothing on file to differ from");
        assertNull(matches(intake).get("borrowerId"));

        Answer unknownBorrower = post("/api/v1/intakes/" + intakeId + "/confirm",
                Map.of("borrowerId", UUID.randomUUID()), officer);
        assertEquals(400, unknownBorrower.status());
        assertEquals(List.of("borrowerId"), unknownBorrower.errorFields());

        Answer confirmed = post("/api/v1/intakes/" + intakeId + "/confirm", Map.of(), officer);
        assertEquals(200, confirmed.status(), confirmed::toString);
        Answer borrower = get("/api/v1/borrowers/" + confirmed.text("borrowerId"), officer);
        assertEquals(code, borrower.text("creditCode"));
        assertEquals(form.get("name"), borrower.text("name"));
        assertEquals(2, sql.count("SELECT count(*) FROM ip_asset WHERE owner_credit_code = '" + code + "'"));
        Answer application = get("/api/v1/applications/" + confirmed.text("applicationId"), officer);
        assertEquals("PUBLIC_FORM", application.text("origin"));
        assertEquals(intakeId, application.text("intakeId"));

        // another firm's filing naming the rights now on file cannot register them again, nor take them silently
        Map<String, String> copycat = new LinkedHashMap<>(form);
        copycat.put("creditCode", Fixtures.creditCode());
        String copy = intakeOf(token(new FormSession().file(copycat)));
        Answer refused = post("/api/v1/intakes/" + copy + "/confirm", Map.of("acceptDifferences", true), officer);
        assertEquals(409, refused.status(), refused::toString);
        assertProblem("asset-exists", refused.text("type"));
    }

    @Test
    void aRejectedIntakeSaysSoAndCannotBeConfirmed() {
        String token = token(new FormSession().file(onFileForm));
        String intakeId = intakeOf(token);
        Answer blank = post("/api/v1/intakes/" + intakeId + "/reject", Map.of("reason", " "), officer);
        assertEquals(400, blank.status());
        assertEquals(List.of("reason"), blank.errorFields());
        Answer rejected = post("/api/v1/intakes/" + intakeId + "/reject", Map.of("reason", "not the firm"), officer);
        assertEquals(200, rejected.status(), rejected::toString);
        assertEquals("REJECTED", rejected.text("status"));
        assertEquals("not the firm", rejected.text("rejectReason"));
        assertEquals(409, post("/api/v1/intakes/" + intakeId + "/confirm", Map.of("borrowerId", borrowerId),
                officer).status());
        assertEquals(409, post("/api/v1/intakes/" + intakeId + "/reject", Map.of("reason", "again"), officer)
                .status());
        Answer status = send(HttpRequest.GET("/status/" + token).header("Accept-Language", "zh-CN"));
        assertTrue(status.raw().contains("data-status=\"NOT_ACCEPTED\"") && status.raw().contains("银行未受理"));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE entity_type = 'intake' AND entity_id = '"
                + intakeId + "' AND action = 'intake.rejected'"));

        Answer rejectedList = get("/api/v1/intakes?status=REJECTED", officer);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) rejectedList.get("items");
        assertTrue(items.stream().anyMatch(i -> intakeId.equals(i.get("id"))));
        assertTrue(items.stream().allMatch(i -> "REJECTED".equals(i.get("status"))));
    }

    /** A status link the form handed out before V25 (its token names an application directly) still opens. */
    @Test
    void aStatusLinkFromBeforeIntakesStillOpens() {
        String applicationId = fileStrongApplication(officer, "300000");
        String token = "B".repeat(43);
        sql.execute("INSERT INTO applicant_status_token VALUES ('" + StatusTokens.hash(token) + "', '"
                + applicationId + "', '" + bank + "', '张三', '0931-8123456', now())");
        Answer status = send(HttpRequest.GET("/status/" + token).header("Accept-Language", "en"));
        assertEquals(200, status.status(), status::toString);
        assertTrue(status.raw().contains("data-status=\"SUBMITTED\"") && status.raw().contains(applicationId));
    }

    @Test
    void anApplicationFiledThroughTheApiSaysSo() {
        String id = fileStrongApplication(officer, "300000");
        Answer a = get("/api/v1/applications/" + id, officer);
        assertEquals("API", a.text("origin"));
        assertNull(a.get("intakeId"));
    }

    @Test
    void onlyTheChosenBanksOfficerSeesOrDecidesItsIntakes() {
        String intakeId = intakeOf(token(new FormSession().file(onFileForm)));
        List<String> leaks = new ArrayList<>();
        int probes = 0;
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("other bank's officer", otherOfficer);
        callers.put("own bank's approver", approver);
        callers.put("bureau", bureau);
        callers.put("admin", ADMIN_KEY);
        callers.put("anonymous", null);
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            int expected = caller.getValue() == null ? 401 : caller.getValue().equals(otherOfficer) ? 404 : 403;
            for (Answer a : List.of(get("/api/v1/intakes/" + intakeId, caller.getValue()),
                    post("/api/v1/intakes/" + intakeId + "/confirm", Map.of("borrowerId", borrowerId,
                            "acceptDifferences", true), caller.getValue()),
                    post("/api/v1/intakes/" + intakeId + "/reject", Map.of("reason", "x"), caller.getValue()))) {
                probes++;
                // a 404's detail repeats the id the caller sent; an answer that is not an error must not come at all
                if (a.status() != expected) {
                    leaks.add(caller.getKey() + " -> " + a);
                }
            }
            Answer list = get("/api/v1/intakes", caller.getValue());
            probes++;
            boolean ok = caller.getValue() != null && caller.getValue().equals(otherOfficer)
                    ? list.status() == 200 && !list.raw().contains(intakeId) : list.status() == expected;
            if (!ok) {
                leaks.add(caller.getKey() + " list -> " + list);
            }
        }
        assertTrue(leaks.isEmpty(), probes + " probes:\n" + String.join("\n", leaks));
        Answer own = get("/api/v1/intakes/" + intakeId, officer);
        assertEquals("PENDING", own.text("status"), "nobody else decided it");
        assertNotNull(own.text("clientAddress"));
    }

    // ------------------------------------------------------------ helpers

    private static void assertProblem(String type, String actual) {
        assertTrue(actual != null && actual.endsWith("/" + type), "problem " + actual + ", expected " + type);
    }

    private String token(Answer filed) {
        assertEquals(303, filed.status(), filed::toString);
        return filed.headers().get("Location").substring("/status/".length());
    }

    private String intakeOf(String token) {
        return sql.text("SELECT id FROM public_intake WHERE status_token_hash = '" + StatusTokens.hash(token) + "'");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> differences(Answer a) {
        Object d = a.get("differences");
        assertNotNull(d, a::toString);
        return (List<Map<String, Object>>) d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> matches(Answer a) {
        return (Map<String, Object>) a.get("matches");
    }

    /** A stranger's browser: opens the form (CSRF cookie and hidden tokens) and posts it back filled in. */
    private final class FormSession {
        Answer file(Map<String, String> fields) {
            Answer page = send(HttpRequest.GET("/apply"));
            assertEquals(200, page.status());
            String cookie = page.headers().getAll("Set-Cookie").stream()
                    .filter(c -> c.startsWith(CsrfTokensFactory.APPLY_COOKIE + "=")).findFirst().orElseThrow();
            Map<String, String> body = new LinkedHashMap<>(PageFixtures.hiddenTokens(page.raw()));
            body.putAll(fields);
            MutableHttpRequest<?> post = HttpRequest.POST("/apply", PageFixtures.urlEncoded(body))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';')));
            return send(post);
        }
    }

    @Test
    void probesChangeTheirField() {
        // a probe that typed the on-file value again would prove nothing
        probes().forEach((field, probe) -> assertNotEquals(onFileForm.get(field), probe.value(), field));
    }
}
