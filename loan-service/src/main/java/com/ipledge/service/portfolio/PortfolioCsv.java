package com.ipledge.service.portfolio;

import com.ipledge.service.csv.Csv;
import com.ipledge.service.portfolio.PortfolioSummary.ExposureRow;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The summary's tables as CSV files (RFC 4180, UTF-8 with BOM), one row per level, no totals row. */
@Singleton
public class PortfolioCsv {
    /** The tables {@code summary.csv?table=} exports. */
    public static final List<String> TABLES = List.of("byBank", "byIndustry", "byEcoIndustry", "byRegion",
            "byIpType", "quota", "trends");

    /** A CSV file: its suggested name and its bytes (UTF-8 with BOM). */
    public record Export(String filename, byte[] bytes) {
    }

    private final PortfolioSummaries summaries;

    PortfolioCsv(PortfolioSummaries summaries) {
        this.summaries = summaries;
    }

    public Export csv(Caller caller, String table) {
        return csv(caller.bankScope(), table);
    }

    /** @throws InvalidInput on {@code table} when it is not one of {@link #TABLES} */
    public Export csv(Optional<UUID> bankScope, String table) {
        if (table == null || !TABLES.contains(table)) {
            throw InvalidInput.of("table", "must be one of " + String.join(", ", TABLES)
                    + (table == null ? "" : ", was '" + table + "'"));
        }
        PortfolioSummary s = summaries.summary(bankScope);
        Csv.Writer csv = Csv.Writer.formulaSafe();
        List<String> exposureColumns = List.of("loans", "exposure", "share", "expectedLoss", "defaultedLoans",
                "defaultedExposure");
        switch (table) {
            case "byBank" -> {
                csv.row(concat(List.of("bankCode", "bankId", "bankName"), exposureColumns));
                s.byBank().forEach(r -> csv.row(concat(Arrays.asList(r.key(), r.id(), r.nameZh()),
                        exposureValues(r))));
            }
            case "byRegion" -> {
                csv.row(concat(List.of("regionCode", "prefecture", "nameZh", "nameEn"), exposureColumns));
                s.byRegion().forEach(r -> csv.row(concat(Arrays.asList(r.key(), r.prefecture(), r.nameZh(),
                        r.nameEn()), exposureValues(r))));
            }
            case "byIndustry", "byEcoIndustry", "byIpType" -> {
                csv.row(concat(List.of(table.equals("byIndustry") ? "section"
                        : table.equals("byIpType") ? "ipType" : "ecoIndustry", "nameZh", "nameEn"), exposureColumns));
                List<ExposureRow> rows = table.equals("byIndustry") ? s.byIndustry()
                        : table.equals("byIpType") ? s.byIpType() : s.byEcoIndustry();
                rows.forEach(r -> csv.row(concat(Arrays.asList(r.key(), r.nameZh(), r.nameEn()),
                        exposureValues(r))));
            }
            case "quota" -> {
                csv.row(List.of("bankCode", "bankName", "year", "segment", "amount", "reserved", "drawn",
                        "available", "utilisation"));
                s.quota().forEach(q -> csv.row(List.of(q.bankCode(), q.bankName(), q.year(), q.segment(),
                        q.amount(), q.reserved(), q.drawn(), q.available(), q.utilisation())));
            }
            default -> {
                csv.row(List.of("month", "disbursedCount", "disbursedAmount"));
                s.trends().forEach(t -> csv.row(List.of(t.month(), t.disbursedCount(), t.disbursedAmount())));
            }
        }
        return new Export("portfolio-" + table + "-" + s.asOf() + ".csv", csv.utf8WithBom());
    }

    private static List<Object> exposureValues(ExposureRow r) {
        return List.of(r.loans(), r.exposure(), r.share(), r.expectedLoss(), r.defaultedLoans(),
                r.defaultedExposure());
    }

    private static List<Object> concat(List<?> a, List<?> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
