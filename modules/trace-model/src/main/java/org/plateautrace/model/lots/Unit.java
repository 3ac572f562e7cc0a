package org.plateautrace.model.lots;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.plateautrace.model.Invalid;

/**
 * Units a lot is counted in, with the UN/ECE rec 20 code EPCIS uses in {@code uom} and the largest
 * amount one traceability lot can plausibly hold (a larger number is a typing error, not a harvest).
 */
public enum Unit {
    KG("kg", "KGM", "1000000"),
    G("g", "GRM", "1000000000"),
    T("t", "TNE", "1000"),
    JIN("jin", "JIN", "2000000"),
    L("L", "LTR", "1000000"),
    HEAD("head", "H87", "100000"),
    PIECE("piece", "H87", "10000000"),
    BOX("box", "XBX", "1000000");

    private final String code;
    private final String uom;
    private final BigDecimal maxPerLot;

    Unit(String code, String uom, String maxPerLot) {
        this.code = code;
        this.uom = uom;
        this.maxPerLot = new BigDecimal(maxPerLot);
    }

    public String code() {
        return code;
    }

    /** UN/ECE Recommendation 20 code for EPCIS {@code quantityElement.uom}; 斤 (500 g) has none, so it keeps "JIN". */
    public String uom() {
        return uom;
    }

    public BigDecimal maxPerLot() {
        return maxPerLot;
    }

    public boolean countable() {
        return this == HEAD || this == PIECE || this == BOX;
    }

    public static Unit parse(String text) {
        for (Unit unit : values()) {
            if (unit.code.equals(text)) {
                return unit;
            }
        }
        throw Invalid.of("unknown unit '" + text + "'; one of " + codes());
    }

    public static String codes() {
        return Arrays.stream(values()).map(Unit::code).collect(Collectors.joining(", "));
    }
}
