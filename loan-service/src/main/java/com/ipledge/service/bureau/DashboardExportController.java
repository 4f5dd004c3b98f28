package com.ipledge.service.bureau;

import com.ipledge.service.security.Roles;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;

/** The dashboard's tables as one XLSX file for API callers (the page offers the same from its session). */
@Controller("/api/v1/portfolio")
@Tag(name = "portfolio")
public class DashboardExportController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Dashboard dashboard;
    private final DashboardExports exports;

    public DashboardExportController(Dashboard dashboard, DashboardExports exports) {
        this.dashboard = dashboard;
        this.exports = exports;
    }

    @Get(value = "/summary.xlsx", produces = {XLSX, MediaType.APPLICATION_JSON})
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "exportPortfolioSummaryXlsx",
            summary = "Every table and headline figure of the bureau's dashboard as one XLSX workbook, as the page "
            + "shows them: Chinese headings and money in 万元 (lang=zh, the default) or English and yuan (lang=en), "
            + "the data's date on every sheet")
    public HttpResponse<byte[]> workbook(@Nullable @QueryValue String lang, Caller caller) {
        Locale locale;
        if (lang == null || lang.equals("zh")) {
            locale = BureauPages.ZH;
        } else if (lang.equals("en")) {
            locale = BureauPages.EN;
        } else {
            throw InvalidInput.of("lang", "must be zh or en");
        }
        Dashboard.View view = dashboard.view(caller, locale, DashboardFilter.NONE);
        byte[] bytes = exports.workbook(view, exports.exportSections(caller, locale, DashboardFilter.NONE, view,
                true), locale);
        return HttpResponse.ok(bytes).contentType(MediaType.of(XLSX)).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"ipledge-dashboard-" + view.asOf() + ".xlsx\"");
    }
}
