package com.ipledge.service.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Roles;
import com.ipledge.service.spreadsheet.Table;
import com.ipledge.service.spreadsheet.Workbooks;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * The bureau's assessment and reports: the bank scorecard and the regulator's statistics pack, each as JSON, CSV
 * and XLSX, and the XLSX twin of every summary CSV. The bureau sees every bank; a bank's caller its own (its own
 * scorecard row, ranked among all; the statistics of its own book). Dates are query text checked by the services so
 * that a bad one answers 400 naming it.
 */
@Controller("/api/v1/portfolio")
@Tag(name = "portfolio")
public class AssessmentController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Scorecards scorecards;
    private final StatisticsPacks statistics;
    private final SummaryTables summaryTables;
    private final StatisticsProvenance provenance;
    private final ObjectMapper json;

    public AssessmentController(Scorecards scorecards, StatisticsPacks statistics, SummaryTables summaryTables,
                                StatisticsProvenance provenance, ObjectMapper json) {
        this.scorecards = scorecards;
        this.statistics = statistics;
        this.summaryTables = summaryTables;
        this.provenance = provenance;
        this.json = json;
    }

    @Get("/scorecard")
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getBankScorecard",
            summary = "The special-assessment scorecard of every bank over from..to (default: this year so far): "
            + "loans, borrowers and first-time borrowers granted, balance, small-loan share, average rate, NPL vs "
            + "tolerance, quota use as it stood at the end of to (asOf is another name for to) against the plans' "
            + "amounts as they are today (a plan's amount has no history), median days to "
            + "disburse, weighted scores (policy data) and rank")
    public Scorecard scorecard(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                               @Nullable @QueryValue String asOf, Caller caller) {
        return scorecards.scorecard(caller, from, to, asOf);
    }

    @Get(value = "/scorecard.csv", produces = {PortfolioController.CSV_UTF8, MediaType.APPLICATION_JSON})
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "exportBankScorecardCsv",
            summary = "The bank scorecard as CSV (UTF-8 with BOM): Chinese headings with units, one row per bank")
    public HttpResponse<byte[]> scorecardCsv(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                             @Nullable @QueryValue String asOf, Caller caller) {
        Scorecard card = scorecards.scorecard(caller, from, to, asOf);
        return csv(scorecards.table(card).csv(), "scorecard-" + card.from() + "-" + card.to() + ".csv");
    }

    @Get(value = "/scorecard.xlsx", produces = {XLSX, MediaType.APPLICATION_JSON})
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "exportBankScorecardXlsx",
            summary = "The bank scorecard as an XLSX workbook: Chinese headings with units, the period and date")
    public HttpResponse<byte[]> scorecardXlsx(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                              @Nullable @QueryValue String asOf, Caller caller) {
        Scorecard card = scorecards.scorecard(caller, from, to, asOf);
        return xlsx(Workbooks.xlsx(Scorecards.asOfLine(card), List.of(scorecards.table(card))),
                "scorecard-" + card.from() + "-" + card.to() + ".xlsx");
    }

    @Get("/statistics")
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getRegulatorStatistics",
            summary = "The regulator's statistics pack as the ledger stood at the end of asOf (default today): "
            + "amounts, loans and firms granted in the year, balance and NPL, by IP type, bank and region; audited "
            + "with the SHA-256 of the body (headers X-Audit-Seq, X-Audit-Tree-Size, X-Content-SHA256)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatisticsPack.class)))
    public HttpResponse<byte[]> statistics(@Nullable @QueryValue String asOf, Caller caller)
            throws JsonProcessingException {
        StatisticsPack pack = statistics.pack(caller, asOf);
        // the bytes hashed are the bytes sent
        byte[] body = json.writeValueAsBytes(pack);
        return provenance.issued(HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE), caller, "json",
                pack.asOf(), null, body);
    }

    @Get(value = "/statistics.csv", produces = {PortfolioController.CSV_UTF8, MediaType.APPLICATION_JSON})
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "exportRegulatorStatisticsCsv",
            summary = "One table of the statistics pack as CSV (UTF-8 with BOM, Chinese headings): totals, "
            + "byIpType, byBank or byRegion")
    public HttpResponse<byte[]> statisticsCsv(@Nullable @QueryValue String asOf, @Nullable @QueryValue String table,
                                              Caller caller) {
        StatisticsPack pack = statistics.pack(caller, asOf);
        Table t = statistics.table(pack, table);
        byte[] body = t.csv();
        return provenance.issued(csv(body, "statistics-" + table + "-" + pack.asOf() + ".csv"), caller, "csv",
                pack.asOf(), table, body);
    }

    @Get(value = "/statistics.xlsx", produces = {XLSX, MediaType.APPLICATION_JSON})
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "exportRegulatorStatisticsXlsx",
            summary = "The statistics pack as an XLSX workbook, a sheet per table, Chinese headings with units and "
            + "the date on every sheet")
    public HttpResponse<byte[]> statisticsXlsx(@Nullable @QueryValue String asOf, Caller caller) {
        StatisticsPack pack = statistics.pack(caller, asOf);
        byte[] body = Workbooks.xlsx(StatisticsPacks.asOfLine(pack), statistics.tables(pack));
        return provenance.issued(xlsx(body, "statistics-" + pack.asOf() + ".xlsx"), caller, "xlsx", pack.asOf(),
                null, body);
    }

    @Get(value = "/summary-table.xlsx", produces = {XLSX, MediaType.APPLICATION_JSON})
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "exportPortfolioSummaryTableXlsx",
            summary = "The XLSX twin of summary.csv: one table of the summary (byBank, byIndustry, byEcoIndustry, "
            + "byRegion, byIpType, quota or trends), the same numbers, Chinese headings, the data's date")
    public HttpResponse<byte[]> summaryTable(@Nullable @QueryValue String table, Caller caller) {
        PortfolioCsv.Export export = summaryTables.xlsx(caller, table);
        return xlsx(export.bytes(), export.filename());
    }

    private static MutableHttpResponse<byte[]> csv(byte[] bytes, String filename) {
        return HttpResponse.ok(bytes).contentType(MediaType.of(PortfolioController.CSV_UTF8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
    }

    private static MutableHttpResponse<byte[]> xlsx(byte[] bytes, String filename) {
        return HttpResponse.ok(bytes).contentType(MediaType.of(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
    }
}
