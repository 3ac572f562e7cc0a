package org.plateautrace.model.coldchain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.plateautrace.model.Codes;
import org.plateautrace.model.Invalid;

/**
 * What a reading measures: the EPCIS {@code sensorReport} type (CBV measurement type, written
 * {@code gs1:Temperature} in JSON-LD) and the UN/ECE Recommendation 20 unit in {@code uom}, plus the
 * range a logger can plausibly report (beyond it the number is a fault or a typing error).
 * Relative humidity is in percent, which is {@code P1}; {@code A93} is gram per cubic metre, an absolute
 * humidity, and EPCIS validators file it under {@code gs1:AbsoluteHumidity}.
 */
public enum Measure {
    TEMPERATURE("Temperature", "CEL", "°C", "-60", "80"),
    RELATIVE_HUMIDITY("RelativeHumidity", "P1", "%", "0", "100");

    private final String type;
    private final String uom;
    private final String symbol;
    private final BigDecimal lowest;
    private final BigDecimal highest;

    Measure(String type, String uom, String symbol, String lowest, String highest) {
        this.type = type;
        this.uom = uom;
        this.symbol = symbol;
        this.lowest = new BigDecimal(lowest);
        this.highest = new BigDecimal(highest);
    }

    /** The wire code of our own API: {@code temperature}, {@code relative_humidity}. */
    public String code() {
        return Codes.of(this);
    }

    /** CBV measurement type without prefix; EPCIS JSON-LD writes {@code gs1:} + this. */
    public String type() {
        return type;
    }

    public String uom() {
        return uom;
    }

    /** For people: °C, %. */
    public String symbol() {
        return symbol;
    }

    public BigDecimal lowest() {
        return lowest;
    }

    public BigDecimal highest() {
        return highest;
    }

    /**
     * Reads a measure as operators and loggers write it: our code ({@code temperature},
     * {@code relative_humidity}, short {@code humidity}) or the EPCIS type, bare, {@code gs1:}-prefixed
     * or as the full {@code https://gs1.org/voc/} URI.
     */
    public static Measure parse(String text) {
        if (text != null) {
            String name = text.strip();
            for (String prefix : new String[] {"gs1:", "https://gs1.org/voc/", "http://gs1.org/voc/"}) {
                if (name.startsWith(prefix)) {
                    name = name.substring(prefix.length());
                    break;
                }
            }
            for (Measure measure : values()) {
                if (measure.code().equals(name) || measure.type.equals(name)) {
                    return measure;
                }
            }
            if (name.equals("humidity")) {
                return RELATIVE_HUMIDITY;
            }
        }
        throw Invalid.of("unknown measure '" + text + "'; one of " + codes());
    }

    public static String codes() {
        return Arrays.stream(values()).map(Measure::code).collect(Collectors.joining(", "));
    }
}
