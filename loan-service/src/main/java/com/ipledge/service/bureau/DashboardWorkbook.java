package com.ipledge.service.bureau;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The dashboard as one XLSX file, exactly as the screen shows it: an overview sheet with the headline figures, then
 * one sheet per table with the page's own headings (units in them, 万元 for Chinese) and the data's date on top.
 * A cell the page shows as a number or a percentage is a number in the sheet, formatted as on the page, so it
 * sums and sorts; what reads "–" stays text.
 */
final class DashboardWorkbook {
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?|-?\\d+(\\.\\d+)?");
    private static final Pattern PERCENT = Pattern.compile("-?\\d+(\\.\\d+)?%");

    private DashboardWorkbook() {
    }

    /**
     * The workbook's bytes: the overview, then one sheet per section. {@code asOfLine} and {@code filtersLine} are
     * the page's own ("数据日期 2026-12-07 · 生成时间 ...", "筛选条件：银行 = ...") and head every sheet.
     */
    static byte[] write(Dashboard.View view, List<Dashboard.Section> sections, String title, String asOfLine,
                        String filtersLine, String overview) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            Set<String> names = new HashSet<>();
            Sheet first = book.createSheet(sheetName(overview, names));
            int r = heading(first, styles, title + " · " + view.scopeName(), asOfLine, filtersLine);
            for (Dashboard.Figure f : view.figures()) {
                Row row = first.createRow(r++);
                text(row, 0, f.label(), null);
                value(row, 1, f.value(), styles);
            }
            first.setColumnWidth(0, 40 * 256);
            first.setColumnWidth(1, 20 * 256);
            for (Dashboard.Section section : sections) {
                Sheet sheet = book.createSheet(sheetName(section.title(), names));
                int n = heading(sheet, styles, section.title(), asOfLine, filtersLine);
                Row header = sheet.createRow(n++);
                List<String> columns = section.table().columns();
                for (int c = 0; c < columns.size(); c++) {
                    text(header, c, columns.get(c), styles.bold);
                    sheet.setColumnWidth(c, Math.min(60, Math.max(12, columns.get(c).length() * 3)) * 256);
                }
                for (List<String> cells : section.table().rows()) {
                    Row row = sheet.createRow(n++);
                    for (int c = 0; c < cells.size(); c++) {
                        value(row, c, cells.get(c), styles);
                    }
                }
                sheet.createFreezePane(0, 4);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int heading(Sheet sheet, Styles styles, String title, String asOfLine, String filtersLine) {
        text(sheet.createRow(0), 0, title, styles.bold);
        text(sheet.createRow(1), 0, asOfLine, null);
        text(sheet.createRow(2), 0, filtersLine, null);
        return 3;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A page cell: a number (grouped, as many decimals as shown), a percentage, or text. */
    private static void value(Row row, int column, String shown, Styles styles) {
        Cell cell = row.createCell(column);
        if (shown != null && PERCENT.matcher(shown).matches()) {
            BigDecimal percent = new BigDecimal(shown.substring(0, shown.length() - 1));
            cell.setCellValue(percent.movePointLeft(2).doubleValue());
            cell.setCellStyle(percent.scale() == 0 ? styles.percent0 : styles.percent2);
        } else if (shown != null && NUMBER.matcher(shown).matches()) {
            BigDecimal number = new BigDecimal(shown.replace(",", ""));
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(styles.number(shown.contains(","), number.scale()));
        } else {
            cell.setCellValue(shown == null ? "" : shown);
        }
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
        final CellStyle percent0;
        final CellStyle percent2;
        private final XSSFWorkbook book;
        private final java.util.Map<String, CellStyle> numbers = new java.util.HashMap<>();

        Styles(XSSFWorkbook book) {
            this.book = book;
            Font font = book.createFont();
            font.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(font);
            percent0 = format(book, "0%");
            percent2 = format(book, "0.00%");
        }

        /** Thousands grouped where the page groups them (not in a year), and as many decimals as it shows. */
        CellStyle number(boolean grouped, int scale) {
            String pattern = (grouped ? "#,##0" : "0") + (scale == 0 ? "" : "." + "0".repeat(scale));
            return numbers.computeIfAbsent(pattern, p -> format(book, p));
        }

        private static CellStyle format(XSSFWorkbook book, String pattern) {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat(pattern));
            return style;
        }
    }
}
