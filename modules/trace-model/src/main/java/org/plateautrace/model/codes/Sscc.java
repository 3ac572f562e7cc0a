package org.plateautrace.model.codes;

import org.plateautrace.model.Invalid;

/** A Serial Shipping Container Code (GS1 AI 00): 18 digits with a GS1 check digit; names a case or pallet. */
public record Sscc(String value) {
    public Sscc {
        if (value == null || value.length() != 18 || !Gs1Chars.digits(value)) {
            throw Invalid.of("an SSCC has exactly 18 digits");
        }
        int expected = Gs1CheckDigit.compute(value.substring(0, 17));
        if (value.charAt(17) - '0' != expected) {
            throw Invalid.of("check digit of SSCC " + value + " is wrong; expected " + expected);
        }
    }

    /** The SSCC as a GS1 Digital Link on the canonical domain, as EPCIS names it. */
    public String uri() {
        return DigitalLink.CANONICAL_BASE + "/00/" + value;
    }
}
