package com.ipledge.service.bureau;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A chart's data as the page's script draws it: type, categories, series on numbered axes, drill-down links. */
final class Charts {
    private Charts() {
    }

    static Map<String, Object> chart(String type, List<String> categories, List<Map<String, Object>> series,
                                             List<String> links) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("categories", categories);
        c.put("series", series);
        if (links != null) {
            c.put("links", links);
        }
        return c;
    }

    static Map<String, Object> series(String name, List<BigDecimal> data, int axis, String kind) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", data);
        s.put("axis", axis);
        s.put("kind", kind);
        return s;
    }
}
