package org.plateautrace.model.codes;

import org.plateautrace.model.Invalid;

/** A GS1 Global Trade Item Number, always held as GTIN-14 (shorter forms are padded with leading zeros). */
public record Gtin(String value) {

    public Gtin {
        if (value == null || value.length() != 14 || !Gs1Chars.digits(value)) {
            throw Invalid.of("a GTIN-14 has exactly 14 digits");
        }
        if (Gs1CheckDigit.compute(value.substring(0, 13)) != value.charAt(13) - '0') {
            throw Invalid.of("check digit of GTIN " + value + " is wrong; expected "
                    + Gs1CheckDigit.compute(value.substring(0, 13)));
        }
    }

    /** Accepts GTIN-8, -12, -13 or -14 and verifies the check digit. */
    public static Gtin parse(String text) {
        if (text == null || !(text.length() == 8 || text.length() >= 12 && text.length() <= 14) || !Gs1Chars.digits(text)) {
            throw Invalid.of("a GTIN has 8, 12, 13 or 14 digits");
        }
        return new Gtin("0".repeat(14 - text.length()) + text);
    }

    /** GS1 prefixes 020-029 (GTIN-13 starting with 2) are for restricted circulation within a company or region. */
    public boolean isRestrictedCirculation() {
        return value.charAt(0) == '0' && value.charAt(1) == '2';
    }

    @Override
    public String toString() {
        return value;
    }
}
