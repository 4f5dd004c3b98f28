package com.ipledge.service.valuation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, governed: external appraisal reports. A bank files one with its PDF; the PDF comes back byte for byte;
 * the report is a valuation with source APPRAISER that the bank's decisions lend against while it is accepted and
 * valid, and never another bank's; an expired or withdrawn report is not used, and the decision says so.
 */
@MicronautTest(transactional = false)
class AppraisalReportTest extends ApiTestBase {
    private String officer;
    private String bureau;
    private Sql sql;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        UUID bank = createBank("APPRAISE");
        officer = apiKey("BANK_OFFICER", bank);
        bureau = apiKey("BUREAU", null);
        post("/api/v1/quota-plans", Map.of("bankId", bank, "year", thisYear(), "amount", "100000000"), bureau);
    }

    /** A new borrower of the officer's bank with a young invention patent: {borrowerId, assetId, creditCode}. */
    private String[] borrowerWithPatent(String key) {
        Map<String, Object> borrower = Fixtures.strongBorrower();
        String b = post("/api/v1/borrowers", borrower, key).text("id");
        Map<String, Object> patent = Fixtures.youngInvention((String) borrower.get("creditCode"));
        Answer asset = post("/api/v1/ip-assets", patent, key);
        assertEquals(201, asset.status(), asset::toString);
        return new String[] {b, asset.text("id"), (String) patent.get("number")};
    }

    static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    static Map<String, Object> report(String number, String reportDate, String value, byte[] file) {
        Map<String, Object> r = new HashMap<>();
        r.put("firm", "甘肃中天资产评估有限公司");
        r.put("reportNumber", number);
        r.put("reportDate", reportDate);
        r.put("method", "INCOME");
        r.put("appraisedValue", value);
        r.put("fileName", "评估报告.pdf");
        r.put("fileBase64", Base64.getEncoder().encodeToString(file));
        return r;
    }

    @Test
    void aReportsPdfRoundTripsByteExactAndItsValuationIsLentAgainst() {
        String[] owned = borrowerWithPatent(officer);
        byte[] file = pdf(300_000, 1);
        Answer posted = post("/api/v1/ip-assets/" + owned[1] + "/appraisal-reports",
                report("甘中天评报字〔2026〕第118号", today().minusDays(30).toString(), "2500000", file), officer);
        assertEquals(201, posted.status(), posted::toString);
        String id = posted.text("id");
        assertEquals("/api/v1/appraisal-reports/" + id, posted.headers().get("Location"));
        assertEquals("ACCEPTED", posted.text("status"));
        assertEquals(true, posted.get("usable"));
        assertEquals(today().minusDays(30).plusMonths(12).minusDays(1).toString(), posted.text("validUntil"),
                "one year from the report date by default");
        assertEquals(300_000, ((Number) posted.get("fileSize")).intValue());

        HttpResponse<byte[]> download = client.toBlocking().exchange(HttpRequest.GET("/api/v1/appraisal-reports/"
                + id + "/file").accept(MediaType.of("application/pdf")).bearerAuth(officer), byte[].class);
        assertEquals(200, download.code());
        assertEquals("application/pdf", download.getContentType().orElseThrow().toString());
        assertArrayEquals(file, download.body(), "byte for byte as posted");

        assertEquals(id, get("/api/v1/appraisal-reports/" + id, bureau).text("id"), "the bureau reads every bank's");
        List<?> listed = (List<?>) get("/api/v1/ip-assets/" + owned[1] + "/appraisal-reports", officer).json();
        assertEquals(1, listed.size());
        Answer valuation = get("/api/v1/valuations/" + posted.text("valuationId"), officer);
        assertEquals("APPRAISER", valuation.text("source"), valuation::toString);
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'appraisal-report.created' "
                + "AND entity_id = '" + id + "'"));

        Map<String, Object> used = evaluate(owned[0], owned[1], "1000000");
        assertEquals("APPRAISER", used.get("valuationSource"), used::toString);
        assertEquals(posted.text("valuationId"), used.get("valuationId"));
        assertEquals(id, used.get("appraisalReportId"));
        assertTrue(used.get("valuationBasis").toString().contains("appraisal report 甘中天评报字〔2026〕第118号"),
                used::toString);
        assertEquals(0, new java.math.BigDecimal("2500000.00").compareTo(
                new java.math.BigDecimal(used.get("collateralValue").toString())));
    }

    @Test
    void anotherAssetsValidReportIsAMarketComparableForTheDesk() {
        String[] appraised = borrowerWithPatent(officer);
        Answer posted = post("/api/v1/ip-assets/" + appraised[1] + "/appraisal-reports",
                report("COMPARABLE-2026-1", today().minusDays(10).toString(), "1800000", pdf(2_000, 5)), officer);
        assertEquals(201, posted.status(), posted::toString);

        String[] valued = borrowerWithPatent(officer);
        Map<String, Object> used = evaluate(valued[0], valued[1], "300000");
        assertEquals("DESK", used.get("valuationSource"), used::toString);
        Answer valuation = get("/api/v1/valuations/" + used.get("valuationId"), officer);
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) valuation.get("marketEvidence");
        assertEquals("USED", evidence.get("status"), valuation::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> comparables = (List<Map<String, Object>>) evidence.get("comparables");
        Map<String, Object> mine = comparables.stream().filter(c -> posted.text("id").equals(c.get("reference")))
                .findFirst().orElseThrow(() -> new AssertionError(evidence.toString()));
        assertEquals("APPRAISAL", mine.get("kind"));
        assertEquals("INCOME", mine.get("method"));
        assertEquals(0, new java.math.BigDecimal("1800000").compareTo(new java.math.BigDecimal(
                mine.get("price").toString())));
        assertTrue(comparables.stream().noneMatch(c -> "RECOVERY".equals(c.get("kind"))), "no recoveries here");
        assertTrue(evidence.get("note").toString().contains("appraisal reports"), evidence::toString);

        // withdrawn, it is no comparable any more: the next desk valuation (another asset) leaves it out
        Answer withdrawn = post("/api/v1/appraisal-reports/" + posted.text("id") + "/withdrawal",
                Map.of("reason", "superseded"), officer);
        assertEquals(200, withdrawn.status(), withdrawn::toString);
        String[] later = borrowerWithPatent(officer);
        Answer next = get("/api/v1/valuations/" + evaluate(later[0], later[1], "300000").get("valuationId"), officer);
        @SuppressWarnings("unchecked")
        Map<String, Object> nextEvidence = (Map<String, Object>) next.get("marketEvidence");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nextComparables = (List<Map<String, Object>>) nextEvidence.get("comparables");
        assertTrue(nextComparables.stream().noneMatch(c -> posted.text("id").equals(c.get("reference"))),
                nextEvidence::toString);
    }

    @Test
    void anExpiredReportIsNotUsedAndTheDecisionSaysWhy() {
        String[] owned = borrowerWithPatent(officer);
        String reportDate = today().minusDays(400).toString();
        Answer posted = post("/api/v1/ip-assets/" + owned[1] + "/appraisal-reports",
                report("EXPIRED-2025-7", reportDate, "2500000", pdf(2_000, 2)), officer);
        assertEquals(201, posted.status(), posted::toString);
        assertEquals(false, posted.get("usable"));
        Map<String, Object> used = evaluate(owned[0], owned[1], "1000000");
        assertEquals("DESK", used.get("valuationSource"), used::toString);
        assertTrue(used.get("valuationBasis").toString().contains("appraisal report EXPIRED-2025-7 (dated "
                + reportDate + ") is not used: it expired on " + posted.text("validUntil")), used::toString);
    }

    @Test
    void aWithdrawnReportIsNotUsed() {
        String[] owned = borrowerWithPatent(officer);
        Answer posted = post("/api/v1/ip-assets/" + owned[1] + "/appraisal-reports",
                report("WITHDRAWN-1", today().minusDays(10).toString(), "2500000", pdf(2_000, 3)), officer);
        String id = posted.text("id");
        assertEquals(List.of("reason"), post("/api/v1/appraisal-reports/" + id + "/withdrawal", Map.of(), officer)
                .errorFields());
        Answer withdrawn = post("/api/v1/appraisal-reports/" + id + "/withdrawal",
                Map.of("reason", "the firm's licence was revoked"), officer);
        assertEquals(200, withdrawn.status(), withdrawn::toString);
        assertEquals("WITHDRAWN", withdrawn.text("status"));
        assertEquals(409, post("/api/v1/appraisal-reports/" + id + "/withdrawal", Map.of("reason", "again"),
                officer).status());
        Map<String, Object> used = evaluate(owned[0], owned[1], "1000000");
        assertEquals("DESK", used.get("valuationSource"), used::toString);
        assertTrue(used.get("valuationBasis").toString().contains("WITHDRAWN-1"), used::toString);
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'appraisal-report.withdrawn' "
                + "AND entity_id = '" + id + "'"));
    }

    @Test
    void anotherBankCannotSeeOrUseIt() {
        String[] owned = borrowerWithPatent(officer);
        Answer posted = post("/api/v1/ip-assets/" + owned[1] + "/appraisal-reports",
                report("MINE-1", today().minusDays(5).toString(), "2500000", pdf(2_000, 4)), officer);
        String id = posted.text("id");
        String other = apiKey("BANK_OFFICER", createBank("OTHERAPPR"));
        assertEquals(404, get("/api/v1/appraisal-reports/" + id, other).status());
        assertEquals(404, get("/api/v1/ip-assets/" + owned[1] + "/appraisal-reports", other).status());
        assertEquals(404, post("/api/v1/appraisal-reports/" + id + "/withdrawal", Map.of("reason", "x"), other)
                .status());
        assertEquals(404, post("/api/v1/ip-assets/" + owned[1] + "/appraisal-reports",
                report("THEIRS-1", today().toString(), "9000000", pdf(2_000, 5)), other).status());
        try {
            client.toBlocking().exchange(HttpRequest.GET("/api/v1/appraisal-reports/" + id + "/file")
                    .bearerAuth(other), byte[].class);
            throw new AssertionError("another bank downloaded the file");
        } catch (HttpClientResponseException e) {
            assertEquals(404, e.code());
        }
        // the other bank registers the same patent as its own asset: its decision does not use our report
        Map<String, Object> borrower = Fixtures.strongBorrower();
        String theirBorrower = post("/api/v1/borrowers", borrower, other).text("id");
        Map<String, Object> patent = Fixtures.youngInvention((String) borrower.get("creditCode"));
        patent.put("number", owned[2]);
        Answer theirAsset = post("/api/v1/ip-assets", patent, other);
        assertEquals(201, theirAsset.status(), theirAsset::toString);
        Map<String, Object> app = Fixtures.application(theirBorrower, List.of(theirAsset.text("id")));
        Answer filed = post("/api/v1/applications", app, other);
        Answer decision = post("/api/v1/applications/" + filed.text("id") + "/evaluation", Map.of(), other);
        assertEquals(200, decision.status(), decision::toString);
        Map<?, ?> used = (Map<?, ?>) ((List<?>) decision.get("collateral")).get(0);
        assertEquals("DESK", used.get("valuationSource"));
        assertFalse(decision.raw().contains(id));
    }

    @Test
    void badReportsAreNamedAndWriteNothing() {
        String[] owned = borrowerWithPatent(officer);
        String path = "/api/v1/ip-assets/" + owned[1] + "/appraisal-reports";
        long before = sql.count("SELECT (SELECT count(*) FROM appraisal_report) + (SELECT count(*) FROM valuation)");
        Map<String, Object> notPdf = report("BAD-1", today().toString(), "100", "GIF89a....".getBytes());
        assertEquals(List.of("fileBase64"), post(path, notPdf, officer).errorFields());
        Map<String, Object> notBase64 = report("BAD-2", today().toString(), "100", pdf(100, 6));
        notBase64.put("fileBase64", "%%%not base64");
        assertEquals(List.of("fileBase64"), post(path, notBase64, officer).errorFields());
        Map<String, Object> tooLong = report("BAD-3", today().minusDays(10).toString(), "100", pdf(100, 7));
        tooLong.put("validUntil", today().minusDays(10).plusMonths(12).toString());
        assertEquals(List.of("validUntil"), post(path, tooLong, officer).errorFields());
        Answer empty = post(path, Map.of(), officer);
        assertEquals(400, empty.status(), empty::toString);
        assertEquals(List.of("appraisedValue", "fileBase64", "firm", "method", "reportDate", "reportNumber"),
                empty.errorFields().stream().sorted().toList());
        Map<String, Object> future = report("BAD-4", today().plusDays(1).toString(), "100.001", pdf(100, 8));
        assertEquals(List.of("appraisedValue", "reportDate"),
                post(path, future, officer).errorFields().stream().sorted().toList());
        assertEquals(before, sql.count(
                "SELECT (SELECT count(*) FROM appraisal_report) + (SELECT count(*) FROM valuation)"));
    }

    @Test
    void tenMegabytesOfPdfAreTakenOnThisRouteAndOneByteMoreIsNot() {
        String[] owned = borrowerWithPatent(officer);
        String path = "/api/v1/ip-assets/" + owned[1] + "/appraisal-reports";
        Answer tooBig = post(path, report("BIG-2", today().toString(), "100", pdf(
                AppraisalReportService.MAX_FILE_BYTES + 1, 10)), officer);
        assertEquals(List.of("fileBase64"), tooBig.errorFields(), tooBig::toString);
        byte[] file = pdf(AppraisalReportService.MAX_FILE_BYTES, 9);
        Answer big = post(path, report("BIG-1", today().toString(), "100", file), officer);
        assertEquals(201, big.status(), () -> big.status() + " " + big.raw().substring(0, Math.min(300,
                big.raw().length())));
        HttpResponse<byte[]> download = client.toBlocking().exchange(HttpRequest.GET("/api/v1/appraisal-reports/"
                + big.text("id") + "/file").bearerAuth(officer), byte[].class);
        assertArrayEquals(file, download.body());
        // other routes keep their 1 MB limit
        Answer elsewhere = post("/api/v1/borrowers", "{\"name\":\"" + "x".repeat(2_000_000) + "\"}", officer);
        assertEquals(413, elsewhere.status());
    }

    private Map<String, Object> evaluate(String borrower, String asset, String amount) {
        Map<String, Object> app = Fixtures.application(borrower, List.of(asset));
        app.put("requestedAmount", amount);
        Answer filed = post("/api/v1/applications", app, officer);
        assertEquals(201, filed.status(), filed::toString);
        Answer decision = post("/api/v1/applications/" + filed.text("id") + "/evaluation", Map.of(), officer);
        assertEquals(200, decision.status(), decision::toString);
        List<?> collateral = (List<?>) decision.get("collateral");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) collateral.get(0);
        return first;
    }
}
