package com.ipledge.service.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Whole result sets from the test database in one round trip, to check hundreds of writes at once. */
record Rows(String url) {
    List<Map<String, String>> query(String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, String>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The rows keyed by their first column (which must be unique). */
    Map<String, Map<String, String>> byFirstColumn(String sql) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Map<String, String> row : query(sql)) {
            String key = row.values().iterator().next();
            if (out.put(key, row) != null) {
                throw new AssertionError("duplicate key " + key + " in " + sql);
            }
        }
        return out;
    }

    long count(String sql) {
        return Long.parseLong(query(sql).get(0).values().iterator().next());
    }
}
