package com.ipledge.risk.pd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file with a header row (RFC 4180 quoting). Cells are kept as text; an empty cell is a missing value and
 * is stored as null.
 */
public record CsvTable(List<String> header, List<String[]> rows) {

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public static CsvTable read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                throw new IOException(file + " is empty: a header row is required");
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            List<String> header = new ArrayList<>();
            for (String name : parseLine(first)) {
                header.add(name == null ? "" : name);
            }
            List<String[]> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = parseLine(line);
                if (cells.length != header.size()) {
                    throw new IOException(file + " line " + lineNo + " has " + cells.length + " cells, the header has "
                            + header.size());
                }
                rows.add(cells);
            }
            return new CsvTable(header, rows);
        }
    }

    public int column(String name) {
        return header.indexOf(name);
    }

    public void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header.stream().map(CsvTable::quote).toList()));
            w.write('\n');
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(row[i] == null ? "" : quote(row[i]));
                }
                w.write('\n');
            }
        }
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    static String[] parseLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(finish(cell, wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(c);
            }
        }
        cells.add(finish(cell, wasQuoted));
        return cells.toArray(String[]::new);
    }

    private static String finish(StringBuilder cell, boolean wasQuoted) {
        String value = wasQuoted ? cell.toString() : cell.toString().trim();
        return value.isEmpty() ? null : value;
    }
}
