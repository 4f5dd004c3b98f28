package com.ipledge.service.bureau;

import com.ipledge.service.admin.AdminService;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's tables as one XLSX file for API callers, with the dashboard's filters (the page offers the same
 * from its session).
 */
@Controller("/api/v1/portfolio")
@Tag(name = "portfolio")
public class DashboardExportController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Dashboard dashboard;
    private final DashboardExports exports;
    private final AdminService banks;

    public DashboardExportController(Dashboard dashboard, DashboardExports exports, AdminService banks) {
        this.dashboard = dashboard;
        this.exports = exports;
        this.banks = banks;
    }

    @Get(value = "/summary.xlsx", produces = {XLSX, MediaType.APPLICATION_JSON})
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "exportPortfolioSummaryXlsx",
            summary = "Every table and headline figure of the bureau's dashboard as one XLSX workbook, as the page "
            + "shows them: Chinese headings and money in 万元 (lang=zh, the default) or English and yuan (lang=en), "
            + "the data's date and the filters on every sheet. Takes the dashboard's filters; a bank's key sees "
            + "its own book only (it may name its own code; another bank's code is a 400 naming bank)")
    public HttpResponse<byte[]> workbook(@Nullable @QueryValue String lang,
            @Parameter(description = "a bank's code") @Nullable @QueryValue String bank,
            @Parameter(description = "loans disbursed on or after this day (YYYY-MM-DD)") @Nullable @QueryValue
            String from,
            @Parameter(description = "loans disbursed on or before this day (YYYY-MM-DD)") @Nullable @QueryValue
            String to,
            @Parameter(description = "the borrower's GB/T 4754 section letter (A-T), or UNSPECIFIED") @Nullable
            @QueryValue String industry,
            @Parameter(description = "a 6-digit region code (a prefecture or province covers the codes in it), or "
                    + "UNSPECIFIED") @Nullable @QueryValue String region,
            @Parameter(description = "loans with a pledged asset of this IP type (amounts count that type's part), "
                    + "or UNSPECIFIED") @Nullable @QueryValue String ipType,
            Caller caller) {
        Locale locale;
        if (lang == null || lang.equals("zh")) {
            locale = BureauPages.ZH;
        } else if (lang.equals("en")) {
            locale = BureauPages.EN;
        } else {
            throw InvalidInput.of("lang", "must be zh or en");
        }
        Map<String, String> given = new HashMap<>();
        given.put("bank", bank);
        given.put("from", from);
        given.put("to", to);
        given.put("industry", industry);
        given.put("region", region);
        given.put("ipType", ipType);
        DashboardFilter filter = DashboardFilter.of(given::get, banks);
        // a bank's key may name its own code only; another bank's is answered as an unknown one, so that a bank
        // learns neither which codes exist nor their names
        if (filter.bank() != null && caller.bankScope().filter(own -> !own.equals(filter.bank().id())).isPresent()) {
            throw InvalidInput.of("bank", "is not a bank's code");
        }
        Dashboard.View view = dashboard.view(caller, locale, filter);
        byte[] bytes = exports.workbook(view, exports.exportSections(caller, locale, filter, view, true), locale);
        return HttpResponse.ok(bytes).contentType(MediaType.of(XLSX)).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"ipledge-dashboard-" + view.asOf() + ".xlsx\"");
    }
}
