package com.ipledge.service.batch;

import com.ipledge.service.security.Roles;
import com.ipledge.service.csv.Csv;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Batch work from CSV uploads: {@code POST /valuations/batch} and {@code POST /applications/batch} answer 202 with a
 * job; {@code GET /batch-jobs/{id}} shows its progress and {@code GET /batch-jobs/{id}/results} its results as CSV.
 */
@Controller("/api/v1")
@Tag(name = "batch")
public class BatchController {
    private static final String CSV_BODY = "A CSV file (RFC 4180; UTF-8, or the charset named in Content-Type, e.g. "
            + "text/csv; charset=GBK). The first line names the columns (exact names, any order); at most "
            + BatchService.MAX_ROWS + " rows of at most " + BatchService.MAX_ROW_CHARS + " characters; the whole "
            + "request at most 1 MB. ";

    private final BatchService batches;
    private final IdempotentRequests idempotent;
    private final ApplicationEventPublisher<BatchJobCreated> events;

    public BatchController(BatchService batches, IdempotentRequests idempotent,
                           ApplicationEventPublisher<BatchJobCreated> events) {
        this.batches = batches;
        this.idempotent = idempotent;
        this.events = events;
    }

    @Post(uri = "/valuations/batch", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "uploadValuationBatch", summary = "Revalue many stored IP assets from a CSV file",
            description = "Each row does what POST /api/v1/valuations does with that assetId and these assumptions "
                    + "(and is stored and audited the same way). Required columns: assetId, valuationDate, "
                    + "baseRevenue, revenueGrowthMean, revenueGrowthSd, royaltyRateMean, royaltyRateSd, "
                    + "discountRateMean, discountRateSd, taxRate, economicLifeMin, economicLifeMode, "
                    + "economicLifeMax. Optional: discounting (END_YEAR|MID_YEAR), collateralQuantile, "
                    + "renewalSurvivalProbability, applyValueScore (true|false), paths, seed. Answers 202 with the "
                    + "job (Location: /api/v1/batch-jobs/{id}); a bad file is 400 (415 for a wrong content type) "
                    + "and creates nothing; a bad row is reported in the job with its line and does not stop the "
                    + "others.")
    @RequestBody(required = true, description = CSV_BODY,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "202", description = "the job, queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchJobView.class)))
    public HttpResponse<String> valuations(HttpRequest<?> request,
                                           @Parameter(hidden = true) @Nullable @Body byte[] body,
                                           Caller caller,
                                           @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return upload(BatchKind.VALUATION, request, body, caller, key);
    }

    @Post(uri = "/applications/batch", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "uploadApplicationBatch", summary = "File many loan applications from a CSV file",
            description = "Each row is checked and filed exactly as POST /api/v1/applications. Required columns: "
                    + "borrowerId, requestedAmount (yuan, at most 2 decimals), termMonths, purpose, assetIds (the "
                    + "pledged assets' ids separated by ';'). Optional: insurance, currentlyOverdue, "
                    + "onDishonestyList (true|false), yearsSinceLastDefault. Answers 202 with the job "
                    + "(Location: /api/v1/batch-jobs/{id}).")
    @RequestBody(required = true, description = CSV_BODY,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "202", description = "the job, queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchJobView.class)))
    public HttpResponse<String> applications(HttpRequest<?> request,
                                             @Parameter(hidden = true) @Nullable @Body byte[] body,
                                             Caller caller,
                                             @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return upload(BatchKind.APPLICATION, request, body, caller, key);
    }

    @Get("/batch-jobs/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getBatchJob",
            summary = "A batch job's progress: done of total rows, failed rows and the first row errors")
    public BatchJobView get(UUID id, Caller caller) {
        return batches.get(caller, id);
    }

    @Get(uri = "/batch-jobs/{id}/results", produces = "text/csv")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getBatchJobResults", summary = "A batch job's results as CSV, one line per input row",
            description = "Columns: line, status (PENDING|OK|ERROR), the row's key (assetId or borrowerId), then "
                    + "valuationId, reconciledValue, collateralValue (valuation jobs) or applicationId, "
                    + "applicationStatus (application jobs), then errorField and errorMessage (several separated "
                    + "by ';' and ' | '). UTF-8 with a byte-order mark.")
    @ApiResponse(responseCode = "200", description = "the results",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    public HttpResponse<byte[]> results(UUID id, Caller caller) {
        return HttpResponse.ok(Csv.utf8WithBom(batches.results(caller, id)))
                .contentType(MediaType.of("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"batch-" + id + "-results.csv\"");
    }

    @Get("/batch-jobs")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listBatchJobs", summary = "Batch jobs, newest first (a bank sees its own)")
    public Page<BatchJobView> list(@QueryValue(defaultValue = "0") int page,
                                   @QueryValue(defaultValue = "20") int size, Caller caller) {
        return batches.list(caller, page, size);
    }

    private HttpResponse<String> upload(BatchKind kind, HttpRequest<?> request, byte[] body, Caller caller,
                                        String key) {
        MediaType type = request.getContentType().orElse(null);
        Map<String, Object> fingerprint = new LinkedHashMap<>();
        fingerprint.put("contentType", type == null ? null : type.toString());
        fingerprint.put("body", body == null ? new byte[0] : body);
        HttpResponse<String> response = idempotent.execute(caller, key, "POST /" + kind.name().toLowerCase()
                + "/batch", fingerprint, () -> {
                    BatchJobView job = batches.create(caller, kind, type, body);
                    return HttpResponse.status(HttpStatus.ACCEPTED).body(job)
                            .header("Location", job.links().self());
                });
        // committed: let a worker start now (no listener when jobs are disabled; the poller is the backstop)
        String location = response.getHeaders().get("Location");
        if (location != null) {
            UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            events.publishEvent(new BatchJobCreated(id));
        }
        return response;
    }
}
