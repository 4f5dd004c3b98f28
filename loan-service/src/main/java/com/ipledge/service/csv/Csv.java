package com.ipledge.service.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The service's CSV, both ways, on Apache Commons CSV ({@link CSVFormat#RFC4180}).
 *
 * <p>Reading an upload ({@link #read}): fields separated by commas, records by LF, CRLF or CR; a quoted field may
 * hold commas, line breaks and doubled quotes. A leading byte-order mark is dropped. Blank lines (nothing but
 * white space, unquoted) are skipped but their lines still count: every record keeps the file line it STARTS on
 * (the first line is 1), also when a quoted field runs over several lines. A NUL character in a value is
 * {@link Malformed}. No header handling: the first record is
 * the caller's to read as a header.
 *
 * <p>Writing a download ({@link Writer}): CRLF line ends, a field quoted when it needs to be, {@code null} as an
 * empty field, a {@link BigDecimal} in plain notation. {@link Writer#formulaSafe()} also prefixes text that a
 * spreadsheet would run as a formula (first character {@code = + - @}, tab or CR) with an apostrophe; numbers are
 * never prefixed. {@link #utf8WithBom} encodes a file as UTF-8 behind a byte-order mark so that Excel opens Chinese
 * text correctly.
 */
public final class Csv {
    /** The UTF-8 byte-order mark. */
    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Characters that make a spreadsheet read a cell as a formula (or hide what follows) when they come first. */
    static final String FORMULA_STARTS = "=+-@\t\r";

    /** Reading: empty lines come through as records (and are skipped by {@link #read}) so that line counts hold. */
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    /** Writing: CRLF record separator, minimal quoting, quotes doubled. */
    private static final CSVFormat WRITE = CSVFormat.RFC4180;

    /** One record of a file: the line it starts on (the first line is 1) and its values. */
    public record Row(int line, List<String> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    /** A file that cannot be split into records (a quote not closed, text after a closing quote). */
    public static final class Malformed extends Exception {
        private final int line;

        Malformed(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        /** The line the broken record starts on. */
        public int line() {
            return line;
        }
    }

    private Csv() {
    }

    /** The text's non-blank records in order, each with the line it starts on. */
    public static List<Row> read(String text) throws Malformed {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(body, READ)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // read before hasNext(), which parses the next record: the lines ended so far, one per record
                // (empty lines are records too), so the next record starts on the line after them
                int line = Math.toIntExact(parser.getCurrentLineNumber()) + 1;
                boolean more;
                try {
                    more = records.hasNext();
                } catch (UncheckedIOException e) {
                    throw new Malformed(line, reason(e.getCause()));
                }
                if (!more) {
                    return rows;
                }
                CSVRecord record = records.next();
                if (!blank(body, record)) {
                    Row row = new Row(line, record.toList());
                    refuseNul(row, rows.isEmpty() ? null : rows.get(0));
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new Malformed(1, reason(e)); // not reached: a String is read without I/O
        }
    }

    /**
     * No value may hold a NUL character: PostgreSQL refuses it in text, so it would fail as a 500 long after the
     * upload was read. Names the line and the column (and its header name, the first record's value there).
     */
    private static void refuseNul(Row row, Row header) throws Malformed {
        for (int i = 0; i < row.values().size(); i++) {
            if (row.values().get(i).indexOf('\0') >= 0) {
                String name = header != null && i < header.values().size() ? " (" + header.values().get(i) + ")" : "";
                throw new Malformed(row.line(), "column " + (i + 1) + name + " contains a NUL character");
            }
        }
    }

    /** A line of nothing but white space: one unquoted blank value ({@code "  "} is a record). */
    private static boolean blank(String body, CSVRecord record) {
        if (record.size() != 1 || !record.get(0).isBlank()) {
            return false;
        }
        long start = record.getCharacterPosition(); // exact: no line is skipped by the parser
        return start >= body.length() || body.charAt((int) start) != '"';
    }

    /** The values of one record as {@link #line} prints it (no line end); empty when it is not one valid record. */
    public static Optional<List<String>> values(String line) {
        try (CSVParser parser = CSVParser.parse(line, READ)) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? Optional.of(records.get(0).toList()) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** One record as CSV text without a line end and without formula escaping: {@link #values} reads it back. */
    public static String line(List<String> values) {
        StringBuilder out = new StringBuilder();
        try {
            WRITE.printRecord(out, values.toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        out.setLength(out.length() - WRITE.getRecordSeparator().length());
        return out.toString();
    }

    /** The text as UTF-8 behind a byte-order mark. */
    public static byte[] utf8WithBom(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + utf8.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(utf8, 0, out, BOM.length, utf8.length);
        return out;
    }

    /** What a value is written as (before quoting): {@code null} stays null (an empty field). */
    static String cell(Object value, boolean formulaSafe) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        String s = value.toString();
        if (formulaSafe && !(value instanceof Number) && !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    private static String reason(Throwable e) {
        String message = e == null || e.getMessage() == null ? "" : e.getMessage();
        return message.contains("EOF reached before encapsulated token finished") ? "a quoted field is not closed"
                : "is not valid CSV (after a closing quote only a comma or a line end may follow)";
    }

    /** Builds a CSV text, one {@link #row} at a time. */
    public static final class Writer {
        private final StringBuilder text = new StringBuilder();
        private final CSVPrinter printer;

        private Writer() {
            try {
                this.printer = new CSVPrinter(text, WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * A writer that apostrophe-prefixes text starting with {@code = + - @}, tab or CR (see {@link Csv}): every
         * file the service hands out is opened in a spreadsheet, and names and reasons come from outside.
         */
        public static Writer formulaSafe() {
            return new Writer();
        }

        public Writer row(List<?> fields) {
            List<String> cells = new ArrayList<>(fields.size());
            for (Object f : fields) {
                cells.add(cell(f, true));
            }
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public String text() {
            return text.toString();
        }

        /** {@link #text} as UTF-8 behind a byte-order mark. */
        public byte[] utf8WithBom() {
            return Csv.utf8WithBom(text());
        }
    }
}
