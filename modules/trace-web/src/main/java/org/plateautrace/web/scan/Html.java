package org.plateautrace.web.scan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Small helpers of the consumer page: HTML escaping, lenient reads of a story whose parts may be missing or of
 * the wrong type, plain number formatting and China-time dates. Nothing here throws on odd input.
 */
final class Html {
    /** China Standard Time: every date on the consumer page is shown in it. */
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values: {@code & < > " '}; null is "". */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    // ---- lenient reads -------------------------------------------------------------------------------------

    /** The object under key, or null when missing or not an object. */
    static JsonObject obj(JsonObject parent, String key) {
        if (parent == null) {
            return null;
        }
        return asObject(parent.getValue(key));
    }

    @SuppressWarnings("unchecked")
    static JsonObject asObject(Object value) {
        if (value instanceof JsonObject o) {
            return o;
        }
        if (value instanceof Map<?, ?> m) {
            return new JsonObject((Map<String, Object>) m);
        }
        return null;
    }

    /** The array under key, or an empty array when missing or not an array. */
    static JsonArray arr(JsonObject parent, String key) {
        Object value = parent == null ? null : parent.getValue(key);
        if (value instanceof JsonArray a) {
            return a;
        }
        if (value instanceof List<?> l) {
            return new JsonArray(l);
        }
        return new JsonArray();
    }

    /** The objects of an array, skipping entries that are not objects. */
    static List<JsonObject> objects(JsonArray array) {
        return array.stream().map(Html::asObject).filter(o -> o != null).toList();
    }

    /** A scalar as text (numbers plainly, booleans as true/false), or null when missing, blank or not a scalar. */
    static String str(JsonObject parent, String key) {
        return parent == null ? null : text(parent.getValue(key));
    }

    static String text(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? null : s;
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        return null;
    }

    /** Boolean under key: true/false, or null when missing or not a boolean. */
    static Boolean bool(JsonObject parent, String key) {
        Object value = parent == null ? null : parent.getValue(key);
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        return null;
    }

    /** A number under key (a numeric string counts), or null. */
    static Double num(JsonObject parent, String key) {
        Object value = parent == null ? null : parent.getValue(key);
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A number written plainly: 48, 12.5, -18 (no exponent, no trailing zeros). */
    static String number(Number n) {
        if (n instanceof Double d && !Double.isFinite(d) || n instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        try {
            BigDecimal plain = new BigDecimal(n.toString()).stripTrailingZeros();
            return plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString();
        } catch (NumberFormatException e) {
            return n.toString();
        }
    }

    static String number(double d) {
        return number(Double.valueOf(d));
    }

    /** A chart coordinate rounded to one decimal: 12, 12.5, -3.1. */
    static String coord(double d) {
        long tenths = Math.round(d * 10);
        long whole = tenths / 10;
        long frac = Math.abs(tenths % 10);
        String sign = tenths < 0 && whole == 0 ? "-" : "";
        return frac == 0 ? sign + whole : sign + whole + "." + frac;
    }

    // ---- time ----------------------------------------------------------------------------------------------

    /** An ISO time as an instant; a time without offset is taken as China time; a bare date as its China midnight. */
    static Instant instant(String iso) {
        if (iso == null) {
            return null;
        }
        String s = iso.trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return LocalDateTime.parse(s).toInstant(CHINA);
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(CHINA);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** A time shown in China time as {@code 2026-05-08 08:00}; a bare date stays a date; anything else as given. */
    static String time(String iso) {
        if (iso == null) {
            return null;
        }
        String s = iso.trim();
        if (s.length() == 10) {
            try {
                return LocalDate.parse(s).toString();
            } catch (DateTimeParseException ignored) {
                return s;
            }
        }
        Instant at = instant(s);
        return at == null ? s : MINUTES.format(at.atOffset(CHINA));
    }

    /** A short China time for chart axes: {@code 05-09 08:00}. */
    static String shortTime(long epochMillis) {
        return SHORT.format(Instant.ofEpochMilli(epochMillis).atOffset(CHINA));
    }

    /** The date (China time) of an ISO date or time, or null. */
    static LocalDate date(String iso) {
        Instant at = instant(iso);
        return at == null ? null : at.atOffset(CHINA).toLocalDate();
    }
}
