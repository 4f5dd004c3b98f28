package com.ipledge.service.portfolio;

import com.ipledge.service.security.Roles;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The portfolio views: the bureau sees every bank's book, a bank's key only its own. Query parameters are read as
 * text and checked by {@link RiskOptions#parse} so that a bad one answers 400 naming it.
 */
@Controller("/api/v1/portfolio")
@Tag(name = "portfolio")
public class PortfolioController {
    static final String CSV_UTF8 = "text/csv; charset=utf-8";

    private final PortfolioSummaries summaries;
    private final PortfolioRiskAnalysis risk;
    private final PortfolioCsv csv;

    public PortfolioController(PortfolioSummaries summaries, PortfolioRiskAnalysis risk, PortfolioCsv csv) {
        this.summaries = summaries;
        this.risk = risk;
        this.csv = csv;
    }

    @Get("/summary")
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getPortfolioSummary",
            summary = "Exposure by bank, industry, region and IP type; EL, HHI, loans by status, quota use, "
            + "open alerts and monthly disbursements")
    public PortfolioSummary summary(Caller caller) {
        return summaries.summary(caller);
    }

    @Get("/risk")
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getPortfolioRisk",
            summary = "Monte Carlo loss distribution of the live book: EL, VaR and ES at 99% and 99.9%, "
            + "contributions, HHI, histogram and three stress scenarios")
    public PortfolioRiskView risk(@Nullable @QueryValue String scenarios, @Nullable @QueryValue String seed,
                                  @Nullable @QueryValue String confidence, Caller caller) {
        return risk.risk(caller, RiskOptions.parse(scenarios, seed, confidence));
    }

    @Get(value = "/summary.csv", produces = {CSV_UTF8, MediaType.APPLICATION_JSON})
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "exportPortfolioSummaryCsv",
            summary = "One table of the summary as CSV (UTF-8 with BOM, RFC 4180): byBank, byIndustry, "
            + "byEcoIndustry, byRegion, byIpType, quota or trends")
    public HttpResponse<byte[]> csv(@Nullable @QueryValue String table, Caller caller) {
        PortfolioCsv.Export export = csv.csv(caller, table);
        return HttpResponse.ok(export.bytes())
                .contentType(MediaType.of(CSV_UTF8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.filename() + "\"");
    }
}
