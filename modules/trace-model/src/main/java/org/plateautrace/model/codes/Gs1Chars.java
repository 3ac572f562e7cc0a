package org.plateautrace.model.codes;

import org.plateautrace.model.Invalid;

/** GS1 General Specifications character set 82, allowed in lot and serial numbers. */
public final class Gs1Chars {
    private static final String CSET82_SYMBOLS = "!\"%&'()*+,-./:;<=>?_";

    private Gs1Chars() {
    }

    /** Only ASCII digits 0-9 (Character.isDigit would also take other scripts' digits). */
    public static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static boolean isCset82(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || CSET82_SYMBOLS.indexOf(c) >= 0;
    }

    public static void requireCset82(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isCset82(text.charAt(i))) {
                throw Invalid.of("character '" + text.charAt(i) + "' at position " + (i + 1)
                        + " is not in the GS1 character set 82 (letters, digits and !\"%&'()*+,-./:;<=>?_)");
            }
        }
    }
}
