package com.ipledge.service.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The first slice end to end: HTTP in, PostgreSQL behind, problem+json out. */
@MicronautTest(transactional = false)
class FoundationApiTest extends ApiTestBase {
    private String officer;
    private String approver;
    private String otherBankOfficer;
    private String bureau;

    @BeforeAll
    void setUpBanks() {
        UUID bank = createBank("TESTBANK");
        UUID other = createBank("OTHERBANK");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        otherBankOfficer = apiKey("BANK_OFFICER", other);
        bureau = apiKey("BUREAU", null);
    }

    @Test
    void healthIsUpOnceMigrated() {
        Answer a = get("/health", null);
        assertEquals(200, a.status());
        assertEquals(Map.of("status", "UP"), a.body());
        assertTrue(count("SELECT count(*) FROM flyway_schema_history WHERE success") >= 1);
    }

    @Test
    void openApiAndDocsAreServed() {
        Answer spec = send(HttpRequest.GET("/openapi.yml"));
        assertEquals(200, spec.status());
        assertTrue(spec.raw().contains("/api/v1/borrowers"), "spec lists the borrowers path");
        assertTrue(spec.raw().contains("/api/v1/applications/{id}"));
        Answer docs = send(HttpRequest.GET("/docs"));
        assertEquals(200, docs.status());
        assertTrue(docs.raw().contains("swagger-ui-bundle.js"));
        Answer bundle = send(HttpRequest.GET("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js"));
        assertEquals(200, bundle.status());
    }

    @Test
    void missingOrBadKeyIs401AndWrongRoleIs403() {
        Answer none = post("/api/v1/borrowers", Fixtures.borrower(), null);
        assertEquals(401, none.status());
        assertTrue(none.contentType().startsWith("application/problem+json"), none.contentType());
        assertEquals(401, none.get("status"));
        Answer bad = post("/api/v1/borrowers", Fixtures.borrower(), "ipk_" + "0".repeat(40));
        assertEquals(401, bad.status());
        Answer wrongRole = post("/api/v1/admin/banks", Map.of("code", "X1", "name", "x"), officer);
        assertEquals(403, wrongRole.status());
        assertTrue(wrongRole.contentType().startsWith("application/problem+json"));
        Answer bureauCannotRegister = post("/api/v1/borrowers", Fixtures.borrower(), bureau);
        assertEquals(403, bureauCannotRegister.status());
    }

    @Test
    void apiKeysAreShownOnceAndStoredHashed() {
        Answer a = post("/api/v1/admin/api-keys", Map.of("role", "BUREAU", "label", "analyst"), ADMIN_KEY);
        assertEquals(201, a.status());
        String key = a.text("key");
        assertTrue(key.startsWith("ipk_"));
        assertEquals(0, count("SELECT count(*) FROM api_key WHERE key_hash = '" + key + "' OR key_prefix = '"
                + key + "'"));
        assertEquals(1, count("SELECT count(*) FROM api_key WHERE id = '" + a.text("id") + "'"));
        assertEquals(200, get("/api/v1/applications", key).status());
        Answer bankRoleWithoutBank = post("/api/v1/admin/api-keys", Map.of("role", "BANK_OFFICER", "label", "x"),
                ADMIN_KEY);
        assertEquals(400, bankRoleWithoutBank.status());
        assertEquals(List.of("bankId"), bankRoleWithoutBank.errorFields());
    }

    @Test
    void duplicateBankCodeIs409() {
        createBank("DUPBANK");
        Answer again = post("/api/v1/admin/banks", Map.of("code", "DUPBANK", "name", "again"), ADMIN_KEY);
        assertEquals(409, again.status());
        Answer badCode = post("/api/v1/admin/banks", Map.of("code", "lower case", "name", "x"), ADMIN_KEY);
        assertEquals(400, badCode.status());
        assertEquals(List.of("code"), badCode.errorFields());
    }

    @Test
    void borrowerGetsItsMiitSizeClass() {
        Map<String, Object> body = Fixtures.borrower();
        Answer a = post("/api/v1/borrowers", body, officer);
        assertEquals(201, a.status(), a::toString);
        // manufacturing, 120 staff, 3,500 wan revenue: medium (>= 300 staff needed for... no: >= 300 staff AND
        // >= 2,000 wan for MEDIUM); 120 staff < 300 so SMALL
        assertEquals("SMALL", a.text("sizeClass"));
        assertEquals("35000000.00", a.get("operatingRevenue").toString());
        Answer read = get("/api/v1/borrowers/" + a.text("id"), approver);
        assertEquals(200, read.status());
        assertEquals(body.get("creditCode"), read.text("creditCode"));
        assertEquals(404, get("/api/v1/borrowers/" + a.text("id"), otherBankOfficer).status());
        assertEquals(200, get("/api/v1/borrowers/" + a.text("id"), bureau).status());
        Answer again = post("/api/v1/borrowers", body, officer);
        assertEquals(409, again.status());
        assertEquals(a.text("id"), again.text("borrowerId"));
    }

    @Test
    void badBorrowerFieldsAreNamedAndNothingIsWritten() {
        long before = count("SELECT count(*) FROM borrower");
        Map<String, Object> body = Fixtures.borrower();
        body.put("creditCode", "914403001922038217");
        body.put("industryCode", "C6510");
        body.put("employees", -1);
        body.put("operatingRevenue", "12.345");
        body.put("regionCode", "99");
        body.put("foundedOn", today().plusDays(10).toString());
        Answer a = post("/api/v1/borrowers", body, officer);
        assertEquals(400, a.status());
        assertTrue(a.contentType().startsWith("application/problem+json"));
        assertEquals(List.of("creditCode", "industryCode", "regionCode", "employees", "operatingRevenue",
                "foundedOn"), a.errorFields());
        assertEquals("check character should be '6', not '7'", a.errors().get(0).get("message"));
        assertEquals(before, count("SELECT count(*) FROM borrower"));
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAre400() {
        Answer malformed = post("/api/v1/borrowers", "{\"name\": ", officer);
        assertEquals(400, malformed.status());
        assertTrue(malformed.contentType().startsWith("application/problem+json"), malformed.toString());

        Map<String, Object> withId = Fixtures.borrower();
        withId.put("id", UUID.randomUUID().toString());
        Answer unknown = post("/api/v1/borrowers", withId, officer);
        assertEquals(400, unknown.status());
        assertEquals(List.of("id"), unknown.errorFields());

        Map<String, Object> sizeClass = Fixtures.borrower();
        sizeClass.put("sizeClass", "MICRO");
        assertEquals(List.of("sizeClass"), post("/api/v1/borrowers", sizeClass, officer).errorFields());

        Map<String, Object> wrongType = Fixtures.borrower();
        wrongType.put("employees", "many");
        Answer wt = post("/api/v1/borrowers", wrongType, officer);
        assertEquals(400, wt.status());
        assertEquals(List.of("employees"), wt.errorFields());

        Map<String, Object> badDate = Fixtures.borrower();
        badDate.put("foundedOn", "2012-13-45");
        assertEquals(List.of("foundedOn"), post("/api/v1/borrowers", badDate, officer).errorFields());

        Map<String, Object> badEnum = Fixtures.borrower();
        badEnum.put("ecoIndustry", "MINING");
        assertEquals(List.of("ecoIndustry"), post("/api/v1/borrowers", badEnum, officer).errorFields());

        Answer notAnObject = post("/api/v1/borrowers", "[1,2]", officer);
        assertEquals(400, notAnObject.status());
    }

    @Test
    void patentGetsItsTermAndRemainingLife() {
        String owner = Fixtures.creditCode();
        Map<String, Object> body = Fixtures.invention(owner);
        Answer a = post("/api/v1/ip-assets", body, officer);
        assertEquals(201, a.status(), a::toString);
        assertEquals("2037-08-09", a.text("expiresOn"));
        double remaining = Double.parseDouble(a.text("remainingLegalLifeYears"));
        double expected = (LocalDate.of(2037, 8, 10).toEpochDay() - today().toEpochDay()) / 365.25;
        assertEquals(expected, remaining, 0.01);
        assertEquals(((String) body.get("number")).substring(2), a.text("number"), "stored without ZL");
        assertEquals(200, get("/api/v1/ip-assets/" + a.text("id"), officer).status());
        assertEquals(404, get("/api/v1/ip-assets/" + a.text("id"), otherBankOfficer).status());
    }

    @Test
    void trademarkTermRunsFromRegistration() {
        Answer a = post("/api/v1/ip-assets", Fixtures.trademark(Fixtures.creditCode()), officer);
        assertEquals(201, a.status(), a::toString);
        assertEquals("2026-03-13", a.text("expiresOn"));
        assertEquals(Boolean.TRUE, a.get("renewable"));
        assertEquals(List.of(7, 11), a.get("niceClasses"));
    }

    @Test
    void badAssetsAreNamed() {
        long before = count("SELECT count(*) FROM ip_asset");
        Map<String, Object> wrongCheck = Fixtures.invention(Fixtures.creditCode());
        wrongCheck.put("number", "ZL201710601862.4");
        Answer a = post("/api/v1/ip-assets", wrongCheck, officer);
        assertEquals(400, a.status());
        assertEquals(List.of("number"), a.errorFields());
        assertEquals("check character should be 3, not 4", a.errors().get(0).get("message"));

        Map<String, Object> wrongType = Fixtures.invention(Fixtures.creditCode());
        wrongType.put("type", "UTILITY_MODEL");
        Answer t = post("/api/v1/ip-assets", wrongType, officer);
        assertEquals(List.of("number"), t.errorFields());
        assertTrue(t.errors().get(0).get("message").toString().contains("denotes INVENTION"));

        Map<String, Object> wrongYear = Fixtures.invention(Fixtures.creditCode());
        wrongYear.put("filingDate", "2016-08-10");
        wrongYear.put("grantDate", "2018-01-01");
        assertEquals(List.of("filingDate"), post("/api/v1/ip-assets", wrongYear, officer).errorFields());

        Map<String, Object> markWithoutDate = Fixtures.trademark(Fixtures.creditCode());
        markWithoutDate.remove("registrationDate");
        markWithoutDate.put("niceClasses", List.of(46));
        assertEquals(List.of("registrationDate", "niceClasses"),
                post("/api/v1/ip-assets", markWithoutDate, officer).errorFields());

        Map<String, Object> badOwner = Fixtures.invention("91440300192203821X");
        assertEquals(List.of("ownerCreditCode"), post("/api/v1/ip-assets", badOwner, officer).errorFields());
        assertEquals(before, count("SELECT count(*) FROM ip_asset"));
    }

    @Test
    void applicationIsSubmittedScopedAndPaged() {
        String borrowerId = post("/api/v1/borrowers", Fixtures.borrower(), officer).text("id");
        String asset = post("/api/v1/ip-assets", Fixtures.invention(Fixtures.creditCode()), officer).text("id");
        Answer a = post("/api/v1/applications", Fixtures.application(borrowerId, List.of(asset)), officer);
        assertEquals(201, a.status(), a::toString);
        assertEquals("SUBMITTED", a.text("status"));
        assertEquals("3000000.00", a.get("requestedAmount").toString());
        String id = a.text("id");

        Answer read = get("/api/v1/applications/" + id, approver);
        assertEquals(200, read.status());
        assertEquals(List.of(Map.of("assetId", asset)), read.get("collateral"));
        assertEquals(404, get("/api/v1/applications/" + id, otherBankOfficer).status());
        assertEquals(404, get("/api/v1/applications/" + UUID.randomUUID(), officer).status());
        assertEquals(200, get("/api/v1/applications/" + id, bureau).status());

        for (int i = 0; i < 2; i++) {
            assertEquals(201, post("/api/v1/applications", Fixtures.application(borrowerId, List.of(asset)),
                    officer).status());
        }
        Answer page = get("/api/v1/applications?status=SUBMITTED&page=0&size=2", officer);
        assertEquals(200, page.status());
        assertEquals(2, ((List<?>) page.get("items")).size());
        assertTrue(((Number) page.get("total")).longValue() >= 3);
        Answer otherBankList = get("/api/v1/applications", otherBankOfficer);
        assertEquals(0, ((Number) otherBankList.get("total")).intValue());
        assertEquals(List.of("size"), get("/api/v1/applications?size=1000", officer).errorFields());
        assertEquals(400, get("/api/v1/applications?status=NONSENSE", officer).status());
    }

    @Test
    void applicationCannotUseAnotherBanksBorrowerOrAssets() {
        String theirBorrower = post("/api/v1/borrowers", Fixtures.borrower(), otherBankOfficer).text("id");
        String theirAsset = post("/api/v1/ip-assets", Fixtures.invention(Fixtures.creditCode()), otherBankOfficer)
                .text("id");
        String myAsset = post("/api/v1/ip-assets", Fixtures.invention(Fixtures.creditCode()), officer).text("id");
        long before = count("SELECT count(*) FROM loan_application");
        Map<String, Object> body = Fixtures.application(theirBorrower, List.of(myAsset, theirAsset, myAsset));
        body.put("requestedAmount", "-5");
        body.put("termMonths", 0);
        Answer a = post("/api/v1/applications", body, officer);
        assertEquals(400, a.status());
        assertEquals(List.of("borrowerId", "requestedAmount", "termMonths", "collateral[2].assetId"),
                a.errorFields());
        Answer b = post("/api/v1/applications", Fixtures.application(
                post("/api/v1/borrowers", Fixtures.borrower(), officer).text("id"), List.of(myAsset, theirAsset)),
                officer);
        assertEquals(List.of("collateral[1].assetId"), b.errorFields());
        assertEquals(before, count("SELECT count(*) FROM loan_application"));
        assertEquals(0, count("SELECT count(*) FROM application_collateral WHERE application_id NOT IN "
                + "(SELECT id FROM loan_application)"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Fixtures.borrower();
        Answer first = post("/api/v1/borrowers", body, officer, key);
        assertEquals(201, first.status());
        assertNull(first.headers().get("Idempotent-Replayed"));
        Answer second = post("/api/v1/borrowers", body, approver, key);
        assertEquals(201, second.status());
        assertEquals("true", second.headers().get("Idempotent-Replayed"));
        assertEquals(first.raw(), second.raw());
        Map<String, Object> different = Fixtures.borrower();
        Answer third = post("/api/v1/borrowers", different, officer, key);
        assertEquals(422, third.status());
        assertTrue(third.contentType().startsWith("application/problem+json"));
        // another bank's identical key is its own space
        Answer otherBank = post("/api/v1/borrowers", body, otherBankOfficer, key);
        assertEquals(201, otherBank.status());
        assertNotEquals(first.text("id"), otherBank.text("id"));
        assertEquals(List.of("Idempotency-Key"),
                post("/api/v1/borrowers", Fixtures.borrower(), officer, "not-a-uuid").errorFields());
    }

    @Test
    void failedRequestDoesNotBurnTheIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Fixtures.borrower();
        body.put("creditCode", "bad");
        assertEquals(400, post("/api/v1/borrowers", body, officer, key).status());
        assertEquals(0, count("SELECT count(*) FROM idempotency_record WHERE idempotency_key = '" + key + "'"));
        body.put("creditCode", Fixtures.creditCode());
        assertEquals(201, post("/api/v1/borrowers", body, officer, key).status());
    }

    @Test
    void unknownRouteAndWrongMethodAreProblems() {
        Answer a = get("/api/v1/nothing-here", officer);
        assertEquals(404, a.status());
        assertTrue(a.contentType().startsWith("application/problem+json"), a.toString());
        assertNotNull(a.get("type"));
    }

    long count(String sql) {
        try (Connection c = DriverManager.getConnection(databaseUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
