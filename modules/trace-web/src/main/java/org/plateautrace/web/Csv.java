package org.plateautrace.web;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; a field a spreadsheet would take
 * for a formula (starting with = + - @) is prefixed with an apostrophe, so user text cannot run.
 */
public final class Csv {
    private Csv() {
    }

    public static String table(List<String> columns, List<JsonObject> rows) {
        StringBuilder out = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (JsonObject row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object value = row.getValue(columns.get(i));
                out.append(field(value == null ? "" : value.toString()));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    public static String field(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+") ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
