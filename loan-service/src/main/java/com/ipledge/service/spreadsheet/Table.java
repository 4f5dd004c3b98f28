package com.ipledge.service.spreadsheet;

import com.ipledge.service.csv.Csv;
import java.util.List;

/**
 * One table of a report as the service hands it out, in CSV or as a sheet of an XLSX workbook: Chinese column
 * headings with their unit, and cells as the JSON answer has them (money in yuan to the fen, shares and rates as
 * decimals, shown as percentages in the workbook).
 *
 * @param name  the sheet's name (at most 31 characters, none of []:*?/\)
 * @param title the line above the table in the workbook
 */
public record Table(String name, String title, List<Column> columns, List<List<Object>> rows) {

    /** What a column holds, which sets its number format in the workbook. */
    public enum Kind {
        TEXT, COUNT, MONEY, SHARE, DECIMAL
    }

    /** A column: its heading (with the unit, e.g. 发放金额（元）) and kind. */
    public record Column(String heading, Kind kind) {
    }

    public Table {
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": a row of " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }

    public static Column text(String heading) {
        return new Column(heading, Kind.TEXT);
    }

    public static Column count(String heading) {
        return new Column(heading, Kind.COUNT);
    }

    public static Column money(String heading) {
        return new Column(heading, Kind.MONEY);
    }

    public static Column share(String heading) {
        return new Column(heading, Kind.SHARE);
    }

    public static Column decimal(String heading) {
        return new Column(heading, Kind.DECIMAL);
    }

    /** The table as CSV (RFC 4180, UTF-8 with BOM, formula-safe): the headings, then one line per row. */
    public byte[] csv() {
        Csv.Writer csv = Csv.Writer.formulaSafe();
        csv.row(columns.stream().map(Column::heading).toList());
        rows.forEach(csv::row);
        return csv.utf8WithBom();
    }
}
