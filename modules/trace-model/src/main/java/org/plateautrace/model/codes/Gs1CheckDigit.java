package org.plateautrace.model.codes;

/** The GS1 mod-10 check digit shared by GTIN, SSCC and GLN. */
public final class Gs1CheckDigit {
    private Gs1CheckDigit() {
    }

    /** Check digit for the given digits (everything but the check digit itself). */
    public static int compute(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
