package com.ipledge.service.portfolio;

import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Roles;
import com.ipledge.service.spreadsheet.Table;
import com.ipledge.service.spreadsheet.Workbooks;
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

    public AssessmentController(Scorecards scorecards, StatisticsPacks statistics, SummaryTables summaryTables) {
        this.scorecards = scorecards;
        this.statistics = statistics;
        this.summaryTables = summaryTables;
    }

    @Get("/scorecard")
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getBankScorecard",
            summary = "The special-assessment scorecard of every bank over from..to (default: this year so far): "
            + "loans, borrowers and first-time borrowers granted, balance, small-loan share, average rate, NPL vs "
            + "tolerance, quota use, median days to disburse, weighted scores (policy data) and rank")
    public Scorecard scorecard(@Nullable @QueryValue String from, @Nullable @QueryValue String to, Caller caller) {
        return scorecards.scorecard(caller, from, to);
    }

    @Get(value = "/scorecard.csv", produces = {PortfolioController.CSV_UTF8, MediaType.APPLICATION_JSON})
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "exportBankScorecardCsv",
            summary = "The bank scorecard as CSV (UTF-8 with BOM): Chinese headings with units, one row per bank")
    public HttpResponse<byte[]> scorecardCsv(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                             Caller caller) {
        Scorecard card = scorecards.scorecard(caller, from, to);
        return csv(scorecards.table(card).csv(), "scorecard-" + card.from() + "-" + card.to() + ".csv");
    }

    @Get(value = "/scorecard.xlsx", produces = {XLSX, MediaType.APPLICATION_JSON})
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "exportBankScorecardXlsx",
            summary = "The bank scorecard as an XLSX workbook: Chinese headings with units, the period and date")
    public HttpResponse<byte[]> scorecardXlsx(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                              Caller caller) {
        Scorecard card = scorecards.scorecard(caller, from, to);
        return xlsx(Workbooks.xlsx(Scorecards.asOfLine(card), List.of(scorecards.table(card))),
                "scorecard-" + card.from() + "-" + card.to() + ".xlsx");
    }

    @Get("/statistics")
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getRegulatorStatistics",
            summary = "The regulator's statistics pack as the ledger stood at the end of asOf (default today): "
            + "amounts, loans and firms granted in the year, balance and NPL, by IP type, bank and region")
    public StatisticsPack statistics(@Nullable @QueryValue String asOf, Caller caller) {
        return statistics.pack(caller, asOf);
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
        return csv(t.csv(), "statistics-" + table + "-" + pack.asOf() + ".csv");
    }

    @Get(value = "/statistics.xlsx", produces = {XLSX, MediaType.APPLICATION_JSON})
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "exportRegulatorStatisticsXlsx",
            summary = "The statistics pack as an XLSX workbook, a sheet per table, Chinese headings with units and "
            + "the date on every sheet")
    public HttpResponse<byte[]> statisticsXlsx(@Nullable @QueryValue String asOf, Caller caller) {
        StatisticsPack pack = statistics.pack(caller, asOf);
        return xlsx(Workbooks.xlsx(StatisticsPacks.asOfLine(pack), statistics.tables(pack)),
                "statistics-" + pack.asOf() + ".xlsx");
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

    private static HttpResponse<byte[]> csv(byte[] bytes, String filename) {
        return HttpResponse.ok(bytes).contentType(MediaType.of(PortfolioController.CSV_UTF8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
    }

    private static HttpResponse<byte[]> xlsx(byte[] bytes, String filename) {
        return HttpResponse.ok(bytes).contentType(MediaType.of(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
    }
}
