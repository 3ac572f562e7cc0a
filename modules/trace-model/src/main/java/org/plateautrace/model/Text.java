package org.plateautrace.model;

/** Rules for free text people type: trimmed, not blank where required, bounded, no control characters. */
public final class Text {
    private Text() {
    }

    public static String required(String field, String value, int maxLength) {
        String text = optional(field, value, maxLength);
        if (text == null) {
            throw new Invalid(field, "is required");
        }
        return text;
    }

    /** The trimmed text, or null when absent or blank. */
    public static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new Invalid(field, "is longer than " + maxLength + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new Invalid(field, "must not contain control characters");
        }
        return text;
    }
}
