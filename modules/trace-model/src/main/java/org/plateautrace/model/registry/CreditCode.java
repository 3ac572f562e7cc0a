package org.plateautrace.model.registry;

import org.plateautrace.model.Invalid;

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character set
 * (digits and capitals without I, O, Z, S, V); the last one is a mod-31 check character.
 */
public record CreditCode(String value) {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (value == null || value.length() != 18) {
            throw Invalid.of("a unified social credit code has 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw Invalid.of("character '" + value.charAt(i) + "' at position " + (i + 1)
                        + " is not allowed in a unified social credit code (digits and capitals except I, O, Z, S, V)");
            }
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw Invalid.of("check character of credit code " + value + " is wrong; expected " + expected);
        }
    }

    public static CreditCode parse(String text) {
        return new CreditCode(text == null ? null : text.trim().toUpperCase());
    }

    /** The GB 32100 check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }
}
