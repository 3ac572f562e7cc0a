package org.plateautrace.model.lots;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.plateautrace.model.Invalid;

/** The kinds of value a commodity attribute takes, and how a JSON value is read into one. */
public enum AttributeType {
    STRING, NUMBER, DATE, DATETIME, ENUM;

    public String code() {
        return name().toLowerCase();
    }

    /** The value as it is stored (strings for text, dates and enums; BigDecimal for numbers). */
    Object read(Object raw, AttributeSpec spec) {
        switch (this) {
            case NUMBER -> {
                if (!(raw instanceof Number number)) {
                    throw Invalid.of("must be a number");
                }
                BigDecimal value = new BigDecimal(number.toString());
                if (spec.min() != null && value.compareTo(spec.min()) < 0
                        || spec.max() != null && value.compareTo(spec.max()) > 0) {
                    throw Invalid.of("must be between " + spec.min() + " and " + spec.max());
                }
                return value;
            }
            case DATE -> {
                String text = text(raw);
                try {
                    return LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw Invalid.of("must be a date like 2026-05-02");
                }
            }
            case DATETIME -> {
                String text = text(raw);
                try {
                    return OffsetDateTime.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw Invalid.of("must be a date and time with offset like 2026-05-02T08:00:00+08:00");
                }
            }
            case ENUM -> {
                String text = text(raw);
                if (!spec.values().contains(text)) {
                    throw Invalid.of("must be one of " + String.join(", ", spec.values()));
                }
                return text;
            }
            default -> {
                String text = text(raw).strip();
                if (text.isEmpty() || text.length() > 200) {
                    throw Invalid.of("must be a text of 1 to 200 characters");
                }
                return text;
            }
        }
    }

    private static String text(Object raw) {
        if (!(raw instanceof String s)) {
            throw Invalid.of("must be a string");
        }
        return s;
    }
}
