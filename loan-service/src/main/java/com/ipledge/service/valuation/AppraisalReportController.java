package com.ipledge.service.valuation;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * External appraisal reports of a bank's assets (issue 16): posted as JSON with the PDF in base64, listed per
 * asset, read one by one, downloaded as {@code application/pdf}, and withdrawn.
 */
@Controller("/api/v1")
@Tag(name = "valuations")
public class AppraisalReportController {
    static final String APPRAISAL_REPORTS = "/api/v1/ip-assets/{assetId}/appraisal-reports";

    /** The body of a withdrawal. */
    @Introspected
    public record Withdrawal(@Nullable String reason) {
    }

    private final AppraisalReportService reports;

    public AppraisalReportController(AppraisalReportService reports) {
        this.reports = reports;
    }

    @Post("/ip-assets/{assetId}/appraisal-reports")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "postAppraisalReport", summary = "File an external appraisal report of an asset, with "
            + "its PDF (base64, at most 10 MB); it becomes a valuation with source APPRAISER")
    @Idempotent
    public HttpResponse<?> post(UUID assetId, @Body AppraisalReportInput body, Caller caller,
                                @Nullable @Header(IdempotentRequests.HEADER) String key) {
        AppraisalReportView view = reports.post(caller, assetId, body);
        return HttpResponse.created(view).header(HttpHeaders.LOCATION, "/api/v1/appraisal-reports/" + view.id());
    }

    @Get("/ip-assets/{assetId}/appraisal-reports")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listAppraisalReports", summary = "List an asset's appraisal reports, newest first")
    public List<AppraisalReportView> list(UUID assetId, Caller caller) {
        return reports.list(caller, assetId);
    }

    @Get("/appraisal-reports/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getAppraisalReport", summary = "Get an appraisal report (its figures, not its file)")
    public AppraisalReportView get(UUID id, Caller caller) {
        return reports.get(caller, id);
    }

    @Get(value = "/appraisal-reports/{id}/file", produces = {"application/pdf", MediaType.APPLICATION_JSON})
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "downloadAppraisalReportFile", summary = "Download an appraisal report's PDF, byte "
            + "for byte as posted")
    public HttpResponse<byte[]> file(UUID id, Caller caller) {
        AppraisalReportService.ReportFile f = reports.file(caller, id);
        return HttpResponse.ok(f.content()).contentType(MediaType.of("application/pdf"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"appraisal-report-" + id
                        + ".pdf\"; filename*=UTF-8''" + java.net.URLEncoder.encode(f.name(), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
    }

    @Post("/appraisal-reports/{id}/withdrawal")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "withdrawAppraisalReport", summary = "Withdraw an appraisal report: decisions no "
            + "longer lend against it")
    @Idempotent
    public HttpResponse<?> withdraw(UUID id, @Nullable @Body Withdrawal body, Caller caller,
                                    @Nullable @Header(IdempotentRequests.HEADER) String key) {
        Withdrawal w = body == null ? new Withdrawal(null) : body;
        return HttpResponse.ok(reports.withdraw(caller, id, w.reason()));
    }
}
