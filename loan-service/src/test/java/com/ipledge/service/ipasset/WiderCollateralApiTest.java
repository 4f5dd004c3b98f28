package com.ipledge.service.ipasset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.monitoring.MonitoringJobs;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 18's new kinds of collateral over HTTP: copyrights, software copyrights and data-IP certificates filed,
 * their terms derived (dates checked by hand), each way of an invalid identifier refused naming the field, valued,
 * decided by the rule base, lent against, warned about before they end, and shown in the bureau's IP-type split.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WiderCollateralApiTest extends ApiTestBase {
    private static final AtomicInteger SERIAL = new AtomicInteger(100_000);

    @Inject
    MonitoringJobs jobs;

    private String officer;
    private String approver;
    private String bureau;
    private String owner;
    private String borrowerId;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void bank() {
        UUID bank = createBank("WIDER");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        bureau = apiKey("BUREAU", null);
        Map<String, Object> borrower = Fixtures.strongBorrower();
        owner = (String) borrower.get("creditCode");
        Answer b = post("/api/v1/borrowers", borrower, officer);
        assertEquals(201, b.status(), b::toString);
        borrowerId = b.text("id");
        Answer plan = post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(),
                "amount", "100000000"), bureau);
        assertEquals(201, plan.status(), plan::toString);
    }

    /** An organisation's software, first published 2016-05-10, registered 2016-06-01 (6 digits after SR). */
    private Map<String, Object> software() {
        Map<String, Object> a = new HashMap<>();
        a.put("type", "SOFTWARE_COPYRIGHT");
        a.put("number", "2016SR" + SERIAL.incrementAndGet());
        a.put("title", "丝路物流调度管理系统");
        a.put("ownerCreditCode", owner);
        a.put("registrationDate", "2016-06-01");
        a.put("legalStatus", "VALID");
        a.put("authorKind", "ORGANISATION");
        a.put("createdOn", "2016-01-20");
        a.put("firstPublishedOn", "2016-05-10");
        a.put("certificateNumber", "软著登字第1283001号");
        a.put("version", "V2.1");
        return a;
    }

    /** A work by a natural person who died in 1990, registered with the national centre in 2020. */
    private Map<String, Object> work() {
        Map<String, Object> a = new HashMap<>();
        a.put("type", "COPYRIGHT");
        a.put("number", "国作登字-2020-F-00" + SERIAL.incrementAndGet());
        a.put("title", "敦煌飞天系列画作");
        a.put("ownerCreditCode", owner);
        a.put("registrationDate", "2020-09-15");
        a.put("legalStatus", "VALID");
        a.put("authorKind", "NATURAL_PERSON");
        a.put("createdOn", "1985-04-01");
        a.put("firstPublishedOn", "1986-01-01");
        a.put("authorDeathYear", 1990);
        return a;
    }

    /** A Zhejiang data-IP certificate announced a year ago, valid for three years. */
    private Map<String, Object> dataIp() {
        LocalDate announced = today().minusYears(1);
        Map<String, Object> a = new HashMap<>();
        a.put("type", "DATA_IP");
        a.put("number", "浙数知登字〔" + announced.getYear() + "〕第" + SERIAL.incrementAndGet() + "号");
        a.put("title", "冷链物流温控数据集");
        a.put("ownerCreditCode", owner);
        a.put("registrationDate", announced.toString());
        a.put("legalStatus", "VALID");
        a.put("issuingPlatform", "330000");
        a.put("validUntil", announced.plusYears(3).minusDays(1).toString());
        return a;
    }

    private Answer file(Map<String, Object> asset) {
        return post("/api/v1/ip-assets", asset, officer);
    }

    private Answer filed(Map<String, Object> asset) {
        Answer a = file(asset);
        assertEquals(201, a.status(), a::toString);
        return a;
    }

    private void refused(Map<String, Object> asset, String field, String messagePart) {
        Answer a = file(asset);
        assertEquals(400, a.status(), a::toString);
        assertTrue(a.contentType().startsWith("application/problem+json"), a::toString);
        assertTrue(a.errors().stream().anyMatch(e -> field.equals(e.get("field"))
                && String.valueOf(e.get("message")).contains(messagePart)), () -> field + ": " + a);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    // ------------------------------------------------------------------------------------------ terms, by hand

    @Test
    void anOrganisationsSoftwareRunsFiftyYearsFromFirstPublicationToYearEnd() {
        Answer a = filed(software());
        assertEquals("2066-12-31", a.text("expiresOn"));
        assertEquals("ORGANISATION", a.text("authorKind"));
        assertEquals("软著登字第1283001号", a.text("certificateNumber"));
        assertEquals("V2.1", a.text("version"));
        assertEquals(Boolean.FALSE, a.get("renewable"));
        Map<String, Object> registry = map(a.get("registry"));
        assertEquals("CPCC", registry.get("code"));
        assertEquals("Copyright Protection Center of China", registry.get("nameEn"));
        assertEquals(10, registry.get("pledgeDecisionDays"));
        assertEquals(a.text("expiresOn"), get("/api/v1/ip-assets/" + a.text("id"), officer).text("expiresOn"));
    }

    @Test
    void aDeadAuthorsWorkRunsFiftyYearsFromTheDeathToYearEnd() {
        Answer a = filed(work());
        assertEquals("2040-12-31", a.text("expiresOn"));
        assertEquals(1990, a.get("authorDeathYear"));
        assertEquals("CPCC", map(a.get("registry")).get("code"));
    }

    @Test
    void aLivingAuthorsWorkIsDatedTheEarliestItCanEnd() {
        Map<String, Object> w = work();
        w.remove("authorDeathYear");
        Answer a = filed(w);
        assertEquals((thisYear() + 50) + "-12-31", a.text("expiresOn"));
    }

    @Test
    void anOrganisationsWorkUnpublishedFiftyYearsAfterCreationIsUnprotected() {
        Map<String, Object> w = work();
        w.put("authorKind", "ORGANISATION");
        w.remove("authorDeathYear");
        w.remove("firstPublishedOn");
        w.put("createdOn", "1960-06-01");
        Answer a = filed(w);
        assertEquals("2010-12-31", a.text("expiresOn"));
        assertEquals(0, new BigDecimal(a.text("remainingLegalLifeYears")).signum());
    }

    @Test
    void theOlderRegistrationFormIsAcceptedAndKeptAsWritten() {
        Map<String, Object> w = work();
        w.put("number", "作登字10-2010-J-" + (SERIAL.incrementAndGet() % 1000));
        w.put("registrationDate", "2010-07-01");
        Answer a = filed(w);
        assertEquals(w.get("number"), a.text("number"));
        Map<String, Object> provincial = work();
        provincial.put("number", "甘作登字-2020-A-00" + SERIAL.incrementAndGet());
        assertEquals(provincial.get("number"), filed(provincial).text("number"));
    }

    @Test
    void aDataIpCertificateEndsWithItsValidityOnItsProvincesPlatform() {
        Map<String, Object> d = dataIp();
        Answer a = filed(d);
        assertEquals(d.get("validUntil"), a.text("expiresOn"));
        assertEquals(d.get("number"), a.text("number"));
        Map<String, Object> registry = map(a.get("registry"));
        assertEquals("DATA-IP-330000", registry.get("code"));
        assertEquals("浙江省数据知识产权登记平台", registry.get("nameZh"));
        // Beijing grants 3 years from the announcement: left out, that is the validity
        Map<String, Object> beijing = dataIp();
        beijing.put("issuingPlatform", "110000");
        beijing.remove("validUntil");
        Answer b = filed(beijing);
        assertEquals(today().minusYears(1).plusYears(3).minusDays(1).toString(), b.text("expiresOn"));
        assertEquals("110000", b.text("issuingPlatform"));
    }

    @Test
    void patentsAndMarksSayCnipaAndTakeNoneOfTheNewFacts() {
        Answer p = filed(Fixtures.invention(owner));
        assertEquals("CNIPA", map(p.get("registry")).get("code"));
        Map<String, Object> mark = Fixtures.trademark(owner);
        mark.put("authorKind", "ORGANISATION");
        refused(mark, "authorKind", "copyrights");
    }

    // ------------------------------------------------------------------------------- each invalid identifier

    @Test
    void everyWayACopyrightNumberIsWrongIsA400NamingTheNumber() {
        Map<String, String> wrong = Map.of(
                "国作登字-2020-F-0001234", "8 digits",
                "X作登字-2020-F-00012345", "issuer X",
                "作登字-2020-F-00012345", "issuer before 作登字 is missing",
                "国作登字-2020-f-00012345", "capital letter",
                "国作登字-1980-F-00012345", "year 1980",
                "2020-F-00012345", "copyright registration number",
                "", "is required");
        wrong.forEach((number, message) -> {
            Map<String, Object> w = work();
            w.put("number", number);
            refused(w, "number", message);
        });
        Map<String, Object> mismatch = work();
        mismatch.put("registrationDate", "2021-01-05");
        refused(mismatch, "registrationDate", "number says 2020");
    }

    @Test
    void everyWayASoftwareNumberOrCertificateIsWrongIsA400NamingIt() {
        Map<String, String> wrong = Map.of(
                "2016SR0418770", "have 6 digits after SR",
                "2019SR032268", "have 7 digits after SR",
                "2019XR0322683", "software registration number",
                "1985SR041877", "year 1985");
        wrong.forEach((number, message) -> {
            Map<String, Object> s = software();
            s.put("number", number);
            s.put("registrationDate", number.substring(0, 4).equals("1985") ? "2016-06-01"
                    : number.substring(0, 4) + "-06-01");
            refused(s, "number", message);
        });
        for (String certificate : List.of("软著登字第号", "第1283001号", "1283001")) {
            Map<String, Object> s = software();
            s.put("certificateNumber", certificate);
            refused(s, "certificateNumber", "软著登字第N号");
        }
        Map<String, Object> noVersion = software();
        noVersion.remove("version");
        refused(noVersion, "version", "is required");
        Map<String, Object> noKind = software();
        noKind.remove("authorKind");
        refused(noKind, "authorKind", "NATURAL_PERSON or ORGANISATION");
        Map<String, Object> deadOrganisation = software();
        deadOrganisation.put("authorDeathYear", 2000);
        refused(deadOrganisation, "authorDeathYear", "natural person");
        Map<String, Object> publishedFirst = software();
        publishedFirst.put("firstPublishedOn", "2015-12-31");
        refused(publishedFirst, "firstPublishedOn", "before the work was created");
        // the lower-case sr of a typed number is the same registration
        Map<String, Object> lower = software();
        String number = (String) lower.get("number");
        lower.put("number", number.toLowerCase());
        assertEquals(number, filed(lower).text("number"));
    }

    @Test
    void everyWayADataIpCertificateIsWrongIsA400NamingTheField() {
        Map<String, String> platforms = Map.of("990000", "mainland", "620100", "ending 0000", "浙江", "six-digit");
        platforms.forEach((platform, message) -> {
            Map<String, Object> d = dataIp();
            d.put("issuingPlatform", platform);
            refused(d, "issuingPlatform", message);
        });
        Map<String, Object> noPlatform = dataIp();
        noPlatform.remove("issuingPlatform");
        refused(noPlatform, "issuingPlatform", "is required");
        Map<String, Object> noValidity = dataIp();
        noValidity.remove("validUntil");
        refused(noValidity, "validUntil", "is required");
        Map<String, Object> beforeRegistration = dataIp();
        beforeRegistration.put("validUntil", today().minusYears(2).toString());
        refused(beforeRegistration, "validUntil", "after the registration date");
        Map<String, Object> beijingTooLong = dataIp();
        beijingTooLong.put("issuingPlatform", "110000");
        beijingTooLong.put("validUntil", today().plusYears(3).toString());
        refused(beijingTooLong, "validUntil", "3 years");
        Map<String, Object> noNumber = dataIp();
        noNumber.put("number", " ");
        refused(noNumber, "number", "as the platform issued it");
        Map<String, Object> longNumber = dataIp();
        longNumber.put("number", "数".repeat(61));
        refused(longNumber, "number", "at most 60");
        Map<String, Object> copyrightFacts = dataIp();
        copyrightFacts.put("authorKind", "ORGANISATION");
        refused(copyrightFacts, "authorKind", "copyrights");
    }

    // ------------------------------------------------------------- valued, decided, lent, warned, reported

    @Test
    void eachNewTypeIsValuedAtTheDeskWhenEvaluated() {
        for (Map<String, Object> asset : List.of(software(), work(), dataIp())) {
            String id = filed(asset).text("id");
            Map<String, Object> app = Fixtures.application(borrowerId, List.of(id));
            app.put("requestedAmount", "100000.00");
            Answer created = post("/api/v1/applications", app, officer);
            assertEquals(201, created.status(), created::toString);
            Answer decision = post("/api/v1/applications/" + created.text("id") + "/evaluation", Map.of(), officer);
            assertEquals(200, decision.status(), decision::toString);
            assertTrue(new BigDecimal(decision.text("totalCollateralValue")).signum() > 0, decision::toString);
        }
    }

    @Test
    void aSoftwareCopyrightBackedApplicationGoesThroughTheRuleBaseToTheBureausSplit() {
        String assetId = filed(software()).text("id");
        Map<String, Object> app = Fixtures.application(borrowerId, List.of(assetId));
        app.put("requestedAmount", "200000.00");
        Answer created = post("/api/v1/applications", app, officer);
        assertEquals(201, created.status(), created::toString);
        String appId = created.text("id");
        Answer decision = post("/api/v1/applications/" + appId + "/evaluation", Map.of(), officer);
        assertEquals(200, decision.status(), decision::toString);
        @SuppressWarnings("unchecked")
        List<String> fired = (List<String>) decision.get("firedRules");
        // the borrower is in a favoured eco-industry: LIMIT-LTV-002 adds the policy's bonus to the type's cap
        assertTrue(fired.contains("LIMIT-LTV-001") || fired.contains("LIMIT-LTV-002"), decision::toString);
        BigDecimal bonus = fired.contains("LIMIT-LTV-002") ? new BigDecimal("0.05") : BigDecimal.ZERO;
        assertTrue(!fired.contains("COLL-TERM-001") && !fired.contains("COLL-TERM-002"), decision::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> limits = (List<Map<String, Object>>) decision.get("collateralLimits");
        assertEquals("SOFTWARE_COPYRIGHT", limits.get(0).get("type"));
        BigDecimal cap = new BigDecimal(limits.get(0).get("ltvCap").toString());
        String grade = (String) limits.get(0).get("valueGrade");
        BigDecimal expected = new BigDecimal(Map.of("A", "0.30", "B", "0.25", "C", "0.20", "D", "0.10").get(grade))
                .add(bonus);
        assertEquals(0, expected.compareTo(cap), "the software cap of grade " + grade + ": " + cap);
        assertTrue(new BigDecimal(decision.text("approvedLimit")).signum() > 0, decision::toString);

        Answer approved = post("/api/v1/applications/" + appId + "/approval",
                Map.of("approve", true, "note", "software copyright checked"), approver);
        assertEquals(201, approved.status(), approved::toString);
        String loan = approved.text("loanId");
        Answer pledge = post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "Z-" + thisYear() + "-00000042", "registeredOn", today().toString()),
                officer);
        assertEquals(200, pledge.status(), pledge::toString);
        Answer disbursed = post("/api/v1/loans/" + loan + "/disbursement", Map.of(), officer);
        assertEquals(200, disbursed.status(), disbursed::toString);

        Answer summary = get("/api/v1/portfolio/summary", bureau);
        assertEquals(200, summary.status(), summary::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> byType = (List<Map<String, Object>>) summary.get("byIpType");
        Map<String, Object> row = byType.stream().filter(r -> "SOFTWARE_COPYRIGHT".equals(r.get("key")))
                .findFirst().orElseThrow(() -> new AssertionError(summary.toString()));
        assertEquals("软件著作权", row.get("nameZh"));
        assertTrue(((Number) row.get("loans")).longValue() >= 1, row::toString);

        // revaluation treats it like any collateral: a fresh valuation, no alert today
        jobs.revalueLiveLoans(today(), 1000);
        assertEquals(0, new Sql(databaseUrl()).count("SELECT count(*) FROM alert WHERE loan_id = '" + loan + "'"));
    }

    @Test
    void aShortLivedDataIpCertificateIsDeclinedAndALentOneIsWarnedBeforeItEnds() {
        Map<String, Object> shortLived = dataIp();
        shortLived.put("validUntil", today().plusMonths(6).toString());
        String shortId = filed(shortLived).text("id");
        Map<String, Object> app = Fixtures.application(borrowerId, List.of(shortId));
        app.put("requestedAmount", "100000.00");
        Answer created = post("/api/v1/applications", app, officer);
        assertEquals(201, created.status(), created::toString);
        Answer decision = post("/api/v1/applications/" + created.text("id") + "/evaluation", Map.of(), officer);
        assertEquals(200, decision.status(), decision::toString);
        assertEquals("DECLINE", decision.text("decision"), decision::toString);
        @SuppressWarnings("unchecked")
        List<String> fired = (List<String>) decision.get("firedRules");
        assertTrue(fired.contains("COLL-TERM-001"), decision::toString);

        Map<String, Object> lent = dataIp();
        Answer asset = filed(lent);
        Map<String, Object> app2 = Fixtures.application(borrowerId, List.of(asset.text("id")));
        app2.put("requestedAmount", "100000.00");
        String appId = post("/api/v1/applications", app2, officer).text("id");
        Answer d2 = post("/api/v1/applications/" + appId + "/evaluation", Map.of(), officer);
        assertTrue(new BigDecimal(d2.text("approvedLimit")).signum() > 0, d2::toString);
        String loan = post("/api/v1/applications/" + appId + "/approval",
                Map.of("approve", true, "note", "data IP checked"), approver).text("loanId");
        assertEquals(200, post("/api/v1/loans/" + loan + "/pledge-registration",
                Map.of("registrationNo", "ZJ-DIP-" + thisYear() + "-7", "registeredOn", today().toString()),
                officer).status());
        assertEquals(200, post("/api/v1/loans/" + loan + "/disbursement", Map.of(), officer).status());
        LocalDate ends = LocalDate.parse(asset.text("expiresOn"));
        jobs.dueDateWarnings(ends.minusDays(20));
        Sql sql = new Sql(databaseUrl());
        assertEquals(1, sql.count("SELECT count(*) FROM alert WHERE loan_id = '" + loan
                + "' AND rule_id = 'MON-EXPIRY-DUE-030' AND severity = 'WARNING'"));
        assertTrue(sql.text("SELECT message_en FROM alert WHERE loan_id = '" + loan + "'")
                .contains(ends + " (in 20 days)"));
    }
}
