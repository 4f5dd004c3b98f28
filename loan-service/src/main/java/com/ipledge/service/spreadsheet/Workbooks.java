package com.ipledge.service.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tables as one XLSX workbook, a sheet each: the table's title in row 1, the data's date in row 2, the headings in
 * row 3 and the rows below. Numbers are numbers (they sum and sort): money as yuan with two decimals, shares as
 * percentages of the same decimal the JSON answer has, counts as integers; text stays text (never a formula).
 */
public final class Workbooks {
    /** The first data row (0-based): title, date line, headings come before it. */
    public static final int FIRST_DATA_ROW = 3;

    private Workbooks() {
    }

    /** The workbook's bytes. {@code asOfLine} is written under every title, e.g. "数据日期 2026-12-07". */
    public static byte[] xlsx(String asOfLine, List<Table> tables) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            Set<String> taken = new HashSet<>();
            for (Table table : tables) {
                Sheet sheet = book.createSheet(sheetName(table.name(), taken));
                text(sheet.createRow(0), 0, table.title(), styles.bold);
                text(sheet.createRow(1), 0, asOfLine, null);
                Row header = sheet.createRow(2);
                for (int c = 0; c < table.columns().size(); c++) {
                    String heading = table.columns().get(c).heading();
                    text(header, c, heading, styles.bold);
                    sheet.setColumnWidth(c, Math.min(60, Math.max(12, heading.length() * 3)) * 256);
                }
                int r = FIRST_DATA_ROW;
                for (List<Object> cells : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < cells.size(); c++) {
                        value(row, c, cells.get(c), table.columns().get(c).kind(), styles);
                    }
                }
                sheet.createFreezePane(0, FIRST_DATA_ROW);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void value(Row row, int column, Object value, Table.Kind kind, Styles styles) {
        if (value == null) {
            row.createCell(column);
            return;
        }
        if (kind == Table.Kind.TEXT || !(value instanceof Number)) {
            text(row, column, value instanceof Boolean b ? (b ? "是" : "否") : String.valueOf(value), null);
            return;
        }
        Cell cell = row.createCell(column);
        BigDecimal number = new BigDecimal(value.toString());
        cell.setCellValue(number.doubleValue());
        cell.setCellStyle(switch (kind) {
            case COUNT -> styles.format("#,##0");
            case MONEY -> styles.format("#,##0.00");
            case SHARE -> styles.format("0.00%");
            default -> styles.format(number.scale() <= 0 ? "0" : "0." + "0".repeat(number.scale()));
        });
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\ and unique in the book. */
    private static String sheetName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted);
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    private static final class Styles {
        final CellStyle bold;
        private final XSSFWorkbook book;
        private final Map<String, CellStyle> formats = new HashMap<>();

        Styles(XSSFWorkbook book) {
            this.book = book;
            Font font = book.createFont();
            font.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(font);
        }

        CellStyle format(String pattern) {
            return formats.computeIfAbsent(pattern, p -> {
                CellStyle style = book.createCellStyle();
                style.setDataFormat(book.createDataFormat().getFormat(p));
                return style;
            });
        }
    }
}
