package com.ipledge.service.portfolio;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends; a field with a comma, a double quote, CR or LF is quoted and its quotes doubled.
 * Encoded as UTF-8 with a byte-order mark so that Excel opens Chinese text correctly. Numbers are written plain
 * (no exponent, no grouping).
 */
final class Csv {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final StringBuilder text = new StringBuilder();

    Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(escape(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    String text() {
        return text.toString();
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
