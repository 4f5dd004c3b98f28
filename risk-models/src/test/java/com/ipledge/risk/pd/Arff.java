package com.ipledge.risk.pd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a (dense) ARFF file into the CSV table shape: test code only, no Weka code involved. */
final class Arff {
    private Arff() {
    }

    static CsvTable read(Path file) throws IOException {
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        boolean data = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("%")) {
                continue;
            }
            String lower = t.toLowerCase();
            if (!data && lower.startsWith("@attribute")) {
                header.add(t.substring(10).trim().split("\\s+")[0].replace("'", ""));
            } else if (lower.startsWith("@data")) {
                data = true;
            } else if (data) {
                rows.add(split(t));
            }
        }
        return new CsvTable(header, rows);
    }

    private static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(value(cell));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(value(cell));
        return cells.toArray(String[]::new);
    }

    private static String value(StringBuilder cell) {
        String v = cell.toString().trim();
        return v.isEmpty() || v.equals("?") ? null : v;
    }
}
