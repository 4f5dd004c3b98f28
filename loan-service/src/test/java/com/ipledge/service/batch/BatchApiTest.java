package com.ipledge.service.batch;

import java.time.Duration;
import com.ipledge.service.support.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.csv.Csv;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batch uploads over real HTTP with the worker driven as in production (jobs enabled: the upload kicks a worker,
 * the poller backs it up): valuation and application batches with bad rows, bad files, tenancy, roles, OpenAPI.
 */
@MicronautTest(transactional = false)
class BatchApiTest extends ApiTestBase {
    static final String VALUATION_HEADER = "assetId,valuationDate,baseRevenue,revenueGrowthMean,revenueGrowthSd,"
            + "royaltyRateMean,royaltyRateSd,discountRateMean,discountRateSd,taxRate,economicLifeMin,"
            + "economicLifeMode,economicLifeMax,applyValueScore,paths,seed";
    static final String APPLICATION_HEADER = "borrowerId,requestedAmount,termMonths,purpose,assetIds";

    private Sql sql;
    private UUID bank;
    private String officer;
    private String approver;
    private String otherOfficer;
    private String bureau;
    private String borrowerId;
    private final List<String> assets = new ArrayList<>();
    private String otherBankAsset;
    private String otherBorrower;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.batch.poll-interval", "300ms", "ipledge.batch.initial-delay", "1s");
    }

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        bank = createBank("BATCHBANK");
        officer = apiKey("BANK_OFFICER", bank);
        approver = apiKey("BANK_APPROVER", bank);
        UUID other = createBank("BATCHOTHER");
        otherOfficer = apiKey("BANK_OFFICER", other);
        bureau = apiKey("BUREAU", null);
        Map<String, Object> borrower = Fixtures.borrower();
        borrowerId = created("/api/v1/borrowers", borrower, officer);
        for (int i = 0; i < 4; i++) {
            assets.add(created("/api/v1/ip-assets", Fixtures.invention((String) borrower.get("creditCode")), officer));
        }
        Map<String, Object> foreign = Fixtures.borrower();
        otherBorrower = created("/api/v1/borrowers", foreign, otherOfficer);
        otherBankAsset = created("/api/v1/ip-assets", Fixtures.invention((String) foreign.get("creditCode")),
                otherOfficer);
    }

    private String created(String path, Object body, String key) {
        Answer a = post(path, body, key);
        assertEquals(201, a.status(), a::toString);
        return a.text("id");
    }

    /** Deterministic assumptions (every sd 0, one life): the value is the closed-form annuity. */
    static String valuationRow(String assetId, String valuationDate, String taxRate) {
        return String.join(",", assetId, valuationDate, "1000000.00", "0.03", "0", "0.04", "0", "0.12", "0",
                taxRate, "8", "8", "8", "false", "500", "7");
    }

    Answer upload(String path, String csv, String key) {
        return upload(path, csv.getBytes(StandardCharsets.UTF_8), "text/csv", key, null);
    }

    Answer upload(String path, byte[] body, String contentType, String key, String idempotencyKey) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST(path, body).bearerAuth(key);
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** Polls the job until it is DONE (the worker runs on its own threads). */
    Answer awaitDone(String jobId, String key) {
        Answer job = Await.until(Duration.ofSeconds(60), () -> get("/api/v1/batch-jobs/" + jobId, key),
                j -> j.status() != 200 || "DONE".equals(j.text("status")));
        assertEquals(200, job.status(), job::toString);
        assertEquals("DONE", job.text("status"), () -> "job not done in time: " + job);
        return job;
    }

    /** The results CSV as rows of fields (BOM and header checked). */
    List<List<String>> results(String jobId, String key, String header) {
        Answer a = send(HttpRequest.GET("/api/v1/batch-jobs/" + jobId + "/results").bearerAuth(key)
                .accept("text/csv"));
        assertEquals(200, a.status(), a::toString);
        assertTrue(a.contentType().startsWith("text/csv"), a.contentType());
        String text = a.raw();
        assertTrue(text.startsWith("\uFEFF"), "a BOM for Excel");
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.substring(1).split("\r\n")) {
            rows.add(Csv.values(line).orElseThrow());
        }
        assertEquals(header, String.join(",", rows.remove(0)));
        return rows;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Answer job) {
        return (List<Map<String, Object>>) job.get("errors");
    }

    @Test
    void valuationBatchStoresTheGoodRowsAndReportsTheBadOnesByLine() {
        String day = today().minusDays(1).toString();
        String csv = VALUATION_HEADER + "\r\n"
                + valuationRow(assets.get(0), day, "0.25") + "\r\n"                 // line 2
                + valuationRow(UUID.randomUUID().toString(), day, "0.25") + "\r\n"  // line 3: no such asset
                + valuationRow(assets.get(1), day, "0.25") + "\r\n"                 // line 4
                + valuationRow(otherBankAsset, day, "0.25") + "\r\n"                // line 5: another bank's
                + valuationRow("not-a-uuid", day, "0.25") + "\r\n"                  // line 6: malformed
                + "\r\n"                                                            // line 7: blank, skipped
                + valuationRow(assets.get(2), day, "0.25") + "\r\n"                 // line 8
                + valuationRow(assets.get(3), day, "") + "\r\n";                    // line 9: no tax rate
        long valuationsBefore = sql.count("SELECT count(*) FROM valuation");
        Answer accepted = upload("/api/v1/valuations/batch", csv, officer);
        assertEquals(202, accepted.status(), accepted::toString);
        String jobId = accepted.text("id");
        assertEquals("/api/v1/batch-jobs/" + jobId, accepted.headers().get("Location"));
        assertEquals("VALUATION", accepted.text("kind"));
        assertEquals(accepted.headers().get("X-Request-Id"), accepted.text("requestId"));
        assertEquals(7, ((Number) accepted.get("total")).intValue());

        Answer job = awaitDone(jobId, officer);
        assertEquals(7, ((Number) job.get("total")).intValue());
        assertEquals(7, ((Number) job.get("done")).intValue());
        assertEquals(3, ((Number) job.get("succeeded")).intValue());
        assertEquals(4, ((Number) job.get("failed")).intValue());
        assertNotNull(job.text("finishedAt"));
        assertEquals("/api/v1/batch-jobs/" + jobId + "/results", ((Map<?, ?>) job.get("links")).get("results"));
        List<Map<String, Object>> errors = errors(job);
        assertEquals(List.of(3, 5, 6, 9), errors.stream().map(e -> ((Number) e.get("line")).intValue()).toList());
        assertEquals(List.of("assetId", "assetId", "assetId", "taxRate"),
                errors.stream().map(e -> e.get("field")).toList());
        assertEquals("must be a UUID", errors.get(2).get("message"));

        List<List<String>> rows = results(jobId, officer, "line,status,assetId,valuationId,reconciledValue,"
                + "collateralValue,errorField,errorMessage");
        assertEquals(List.of("2", "3", "4", "5", "6", "8", "9"), rows.stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("OK", "ERROR", "OK", "ERROR", "ERROR", "OK", "ERROR"),
                rows.stream().map(r -> r.get(1)).toList());
        assertEquals("assetId", rows.get(1).get(6));
        assertEquals("taxRate", rows.get(6).get(6));
        assertEquals(otherBankAsset, rows.get(3).get(2), "the key column is echoed");

        // hand-computed: 1,000,000 x 1.03^(t-1) x 0.04 x (1 - 0.25) / 1.12^t over 8 years, END_YEAR
        BigDecimal annuity = BigDecimal.ZERO;
        for (int t = 1; t <= 8; t++) {
            annuity = annuity.add(BigDecimal.valueOf(30_000 * Math.pow(1.03, t - 1) / Math.pow(1.12, t)));
        }
        BigDecimal expected = annuity.setScale(2, RoundingMode.HALF_UP);
        for (int i : new int[] {0, 2, 5}) {
            List<String> ok = rows.get(i);
            Answer stored = get("/api/v1/valuations/" + ok.get(3), officer);
            assertEquals(200, stored.status(), stored::toString);
            assertEquals(ok.get(2), stored.text("assetId"));
            assertEquals(new BigDecimal(ok.get(4)), new BigDecimal(stored.text("reconciledValue")));
            assertEquals(new BigDecimal(ok.get(5)), new BigDecimal(stored.text("collateralValue")));
            assertTrue(expected.subtract(new BigDecimal(ok.get(4))).abs().compareTo(new BigDecimal("0.02")) <= 0,
                    "closed form " + expected + " vs " + ok.get(4));
        }
        assertEquals(valuationsBefore + 3, sql.count("SELECT count(*) FROM valuation"));
        assertEquals(0, sql.count("SELECT count(*) FROM valuation WHERE asset_id = '" + otherBankAsset + "'"));

        // the same request one by one gives the same figures
        Map<String, Object> single = new HashMap<>();
        single.put("assetId", assets.get(0));
        single.put("assumptions", Map.of("valuationDate", day, "baseRevenue", "1000000.00",
                "revenueGrowth", Map.of("mean", 0.03, "sd", 0), "royaltyRate", Map.of("mean", 0.04, "sd", 0),
                "discountRate", Map.of("mean", 0.12, "sd", 0), "taxRate", 0.25,
                "economicLifeYears", Map.of("min", 8, "mode", 8, "max", 8), "applyValueScore", false));
        single.put("paths", 500);
        single.put("seed", 7);
        Answer one = post("/api/v1/valuations", single, officer);
        assertEquals(201, one.status(), one::toString);
        assertEquals(new BigDecimal(rows.get(0).get(4)), new BigDecimal(one.text("reconciledValue")));

        // audited: each valuation as the uploader, the job's creation and end; the chain holds
        String actor = sql.text("SELECT actor FROM audit_entry WHERE action = 'batch.created' AND entity_id = '"
                + jobId + "'");
        assertNotNull(actor);
        assertEquals(1, sql.count("SELECT count(*) FROM audit_entry WHERE action = 'batch.finished' AND entity_id = '"
                + jobId + "'"));
        for (int i : new int[] {0, 2, 5}) {
            assertEquals(actor, sql.text("SELECT actor FROM audit_entry WHERE action = 'valuation.created' AND "
                    + "entity_id = '" + rows.get(i).get(3) + "'"));
        }
        Answer verify = get("/api/v1/audit/verify", bureau);
        assertEquals(200, verify.status(), verify::toString);
        assertEquals(Boolean.TRUE, verify.get("ok"), verify::toString);
        assertEquals(sql.count("SELECT count(*) FROM audit_entry"), ((Number) verify.get("entries")).longValue());

        // tenancy: another bank's key sees no such job; the bureau sees it
        assertEquals(404, get("/api/v1/batch-jobs/" + jobId, otherOfficer).status());
        assertEquals(404, send(HttpRequest.GET("/api/v1/batch-jobs/" + jobId + "/results").bearerAuth(otherOfficer)
                .accept("text/csv")).status());
        assertEquals(200, get("/api/v1/batch-jobs/" + jobId, bureau).status());
        Answer mine = get("/api/v1/batch-jobs?size=100", approver);
        assertTrue(((List<?>) mine.get("items")).stream().anyMatch(j -> jobId.equals(((Map<?, ?>) j).get("id"))));
        Answer theirs = get("/api/v1/batch-jobs", otherOfficer);
        assertEquals(200, theirs.status(), theirs::toString);
        assertEquals(0, ((Number) theirs.get("total")).intValue());
    }

    @Test
    void applicationBatchFilesTheGoodRowsThroughTheSingleItemChecks() {
        long before = sql.count("SELECT count(*) FROM loan_application WHERE bank_id = '" + bank + "'");
        long jobsBefore = sql.count("SELECT count(*) FROM batch_job");
        String csv = APPLICATION_HEADER + "\n"
                + borrowerId + ",500000.00,12,购买生产设备," + assets.get(0) + "\n"                    // line 2
                + borrowerId + ",-5,12,负数金额," + assets.get(0) + "\n"                               // line 3
                + UUID.randomUUID() + ",100000,12,未知借款人," + assets.get(0) + "\n"                   // line 4
                + borrowerId + ",800000,24,\"设备,扩产\"," + assets.get(1) + "; " + assets.get(2) + "\n" // line 5
                + borrowerId + ",100000,12,他行资产," + otherBankAsset + "\n"                          // line 6
                + borrowerId + ",100000,twelve,期限错误," + assets.get(0) + "\n"                        // line 7
                + otherBorrower + ",100000,12,他行借款人," + assets.get(0);                            // line 8
        String idempotencyKey = UUID.randomUUID().toString();
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        Answer accepted = upload("/api/v1/applications/batch", body, "text/csv", officer, idempotencyKey);
        assertEquals(202, accepted.status(), accepted::toString);
        String jobId = accepted.text("id");
        Answer replay = upload("/api/v1/applications/batch", body, "text/csv", officer, idempotencyKey);
        assertEquals(202, replay.status(), replay::toString);
        assertEquals("true", replay.headers().get("Idempotent-Replayed"));
        assertEquals(jobId, replay.text("id"));
        Answer reused = upload("/api/v1/applications/batch", (csv + "\n").getBytes(StandardCharsets.UTF_8),
                "text/csv", officer, idempotencyKey);
        assertEquals(422, reused.status(), reused::toString);
        assertEquals(jobsBefore + 1, sql.count("SELECT count(*) FROM batch_job"), "one job for one key");

        Answer job = awaitDone(jobId, officer);
        assertEquals(7, ((Number) job.get("done")).intValue());
        assertEquals(5, ((Number) job.get("failed")).intValue());
        List<Map<String, Object>> errors = errors(job);
        assertEquals(List.of("3:requestedAmount", "4:borrowerId", "6:assetIds[0]", "7:termMonths", "8:borrowerId"),
                errors.stream().map(e -> e.get("line") + ":" + e.get("field")).toList());

        List<List<String>> rows = results(jobId, officer, "line,status,borrowerId,applicationId,applicationStatus,"
                + "errorField,errorMessage");
        assertEquals(List.of("OK", "ERROR", "ERROR", "OK", "ERROR", "ERROR", "ERROR"),
                rows.stream().map(r -> r.get(1)).toList());
        for (int i : new int[] {0, 3}) {
            assertEquals("SUBMITTED", rows.get(i).get(4));
            Answer app = get("/api/v1/applications/" + rows.get(i).get(3), officer);
            assertEquals(200, app.status(), app::toString);
            assertEquals(borrowerId, app.text("borrowerId"));
        }
        assertEquals(0, new BigDecimal("800000.00").compareTo(new BigDecimal(
                get("/api/v1/applications/" + rows.get(3).get(3), officer).text("requestedAmount"))));
        assertEquals("设备,扩产", sql.text("SELECT purpose FROM loan_application WHERE id = '" + rows.get(3).get(3)
                + "'"));
        assertEquals(2, sql.count("SELECT count(*) FROM application_collateral WHERE application_id = '"
                + rows.get(3).get(3) + "'"));
        assertEquals(before + 2, sql.count("SELECT count(*) FROM loan_application WHERE bank_id = '" + bank + "'"));
        Answer list = get("/api/v1/applications?status=SUBMITTED&size=100", officer);
        List<?> ids = ((List<?>) list.get("items")).stream().map(a -> ((Map<?, ?>) a).get("id")).toList();
        assertTrue(ids.contains(rows.get(0).get(3)) && ids.contains(rows.get(3).get(3)), list::toString);
        assertEquals(Boolean.TRUE, get("/api/v1/audit/verify", bureau).get("ok"));
    }

    @Test
    void aFileInGbkIsReadWhenTheContentTypeSaysSo() {
        String csv = APPLICATION_HEADER + "\n" + borrowerId + ",200000,6,流动资金周转," + assets.get(3) + "\n";
        Answer accepted = upload("/api/v1/applications/batch", csv.getBytes(Charset.forName("GBK")),
                "text/csv; charset=GBK", approver, null);
        assertEquals(202, accepted.status(), accepted::toString);
        Answer job = awaitDone(accepted.text("id"), approver);
        assertEquals(0, ((Number) job.get("failed")).intValue(), job::toString);
        List<List<String>> rows = results(accepted.text("id"), approver, "line,status,borrowerId,applicationId,"
                + "applicationStatus,errorField,errorMessage");
        assertEquals("流动资金周转", sql.text("SELECT purpose FROM loan_application WHERE id = '"
                + rows.get(0).get(3) + "'"));
        // the same bytes read as UTF-8 are not text: 400, nothing written
        Answer wrong = upload("/api/v1/applications/batch", csv.getBytes(Charset.forName("GBK")), "text/csv",
                approver, null);
        assertEquals(400, wrong.status(), wrong::toString);
        assertEquals(List.of("body"), wrong.errorFields());
    }

    @Test
    void badFilesAre400sNamingTheFieldAndWriteNothing() {
        long jobs = sql.count("SELECT count(*) FROM batch_job");
        long rows = sql.count("SELECT count(*) FROM batch_job_row");
        // what these requests could write: the jobs and the audit sealer append SYSTEM entries of their own meanwhile
        String byCallers = "SELECT count(*) FROM audit_entry WHERE actor NOT LIKE 'SYSTEM:%'";
        long audit = sql.count(byCallers);
        String good = VALUATION_HEADER + "\n" + valuationRow(assets.get(0), "2025-01-01", "0.25") + "\n";

        Answer json = upload("/api/v1/valuations/batch", good.getBytes(StandardCharsets.UTF_8), "application/json",
                officer, null);
        assertEquals(415, json.status(), json::toString);
        assertTrue(json.contentType().startsWith("application/problem+json"), json.contentType());
        assertEquals(List.of("Content-Type"), json.errorFields());
        Answer none = upload("/api/v1/valuations/batch", good.getBytes(StandardCharsets.UTF_8), null, officer, null);
        assertTrue(none.status() == 415 || none.status() == 400, none::toString);

        Answer missing = upload("/api/v1/valuations/batch", good.replace(",taxRate", ",taxRateX"), officer);
        assertEquals(400, missing.status(), missing::toString);
        assertTrue(missing.contentType().startsWith("application/problem+json"));
        assertEquals(List.of("taxRateX", "taxRate"), missing.errorFields());

        Answer appMissing = upload("/api/v1/applications/batch", "borrowerId,requestedAmount,termMonths,purpose\n"
                + borrowerId + ",1000,12,x\n", officer);
        assertEquals(400, appMissing.status(), appMissing::toString);
        assertEquals(List.of("assetIds"), appMissing.errorFields());

        Answer twice = upload("/api/v1/applications/batch", APPLICATION_HEADER + ",purpose\n", officer);
        assertEquals(400, twice.status(), twice::toString);
        assertEquals(List.of("purpose"), twice.errorFields());

        Answer empty = upload("/api/v1/valuations/batch", "", officer);
        assertEquals(400, empty.status(), empty::toString);
        assertEquals(List.of("body"), empty.errorFields());
        Answer blank = upload("/api/v1/valuations/batch", "\r\n\r\n", officer);
        assertEquals(400, blank.status(), blank::toString);
        assertEquals(List.of("body"), blank.errorFields());

        Answer headerOnly = upload("/api/v1/valuations/batch", VALUATION_HEADER + "\n", officer);
        assertEquals(400, headerOnly.status(), headerOnly::toString);
        assertEquals(List.of("rows"), headerOnly.errorFields());

        StringBuilder tooMany = new StringBuilder(APPLICATION_HEADER).append('\n');
        String line = borrowerId + ",1000,12,x," + assets.get(0) + "\n";
        for (int i = 0; i <= BatchService.MAX_ROWS; i++) {
            tooMany.append(line);
        }
        Answer cap = upload("/api/v1/applications/batch", tooMany.toString(), officer);
        assertEquals(400, cap.status(), cap::toString);
        assertEquals(List.of("rows"), cap.errorFields());
        assertTrue(cap.text("detail").contains("5000"), cap::toString);

        StringBuilder huge = new StringBuilder(APPLICATION_HEADER).append('\n');
        while (huge.length() < 1_100_000) {
            huge.append(borrowerId).append(",1000,12,").append("x".repeat(400)).append(',').append(assets.get(0))
                    .append('\n');
        }
        Answer tooLarge = upload("/api/v1/applications/batch", huge.toString(), officer);
        assertEquals(413, tooLarge.status(), "over micronaut.server.max-request-size (1 MB)");

        Answer open = upload("/api/v1/applications/batch", APPLICATION_HEADER + "\n" + borrowerId
                + ",1000,12,\"never closed," + assets.get(0) + "\n", officer);
        assertEquals(400, open.status(), open::toString);
        assertEquals(List.of("body"), open.errorFields());
        assertTrue(open.text("detail").contains("line 2"), open::toString);

        assertEquals(jobs, sql.count("SELECT count(*) FROM batch_job"));
        assertEquals(rows, sql.count("SELECT count(*) FROM batch_job_row"));
        assertEquals(audit, sql.count(byCallers));
    }

    @Test
    void rolesAreThoseOfTheSingleItemEndpoints() {
        String valuations = VALUATION_HEADER + "\n" + valuationRow(assets.get(0), "2025-01-01", "0.25") + "\n";
        String applications = APPLICATION_HEADER + "\n" + borrowerId + ",1000,12,x," + assets.get(0) + "\n";
        assertEquals(403, upload("/api/v1/valuations/batch", valuations, ADMIN_KEY).status());
        assertEquals(403, upload("/api/v1/applications/batch", applications, bureau).status());
        assertEquals(403, upload("/api/v1/applications/batch", applications, ADMIN_KEY).status());
        assertEquals(401, upload("/api/v1/applications/batch", applications.getBytes(StandardCharsets.UTF_8),
                "text/csv", null, null).status());
        assertEquals(403, get("/api/v1/batch-jobs", ADMIN_KEY).status());
        // the bureau may revalue any bank's assets, as with POST /valuations
        Answer byBureau = upload("/api/v1/valuations/batch", valuations, bureau);
        assertEquals(202, byBureau.status(), byBureau::toString);
        assertNull(byBureau.get("bankId"));
        Answer done = awaitDone(byBureau.text("id"), bureau);
        assertEquals(0, ((Number) done.get("failed")).intValue(), done::toString);
        assertEquals(404, get("/api/v1/batch-jobs/" + byBureau.text("id"), officer).status(),
                "a bureau job is not a bank's");
    }

    @Test
    void theOpenApiDocumentDescribesTheBatchEndpoints() {
        Answer spec = send(HttpRequest.GET("/openapi.yml"));
        assertEquals(200, spec.status());
        String yml = spec.raw();
        for (String path : List.of("/api/v1/valuations/batch:", "/api/v1/applications/batch:",
                "/api/v1/batch-jobs/{id}:", "/api/v1/batch-jobs/{id}/results:", "/api/v1/batch-jobs:")) {
            assertTrue(yml.contains(path), path);
        }
        assertTrue(yml.contains("text/csv"));
        assertTrue(yml.contains("uploadValuationBatch") && yml.contains("BatchJobView"));
    }
}
