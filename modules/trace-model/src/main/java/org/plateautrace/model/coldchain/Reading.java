package org.plateautrace.model.coldchain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.Text;

/**
 * One logger reading. {@code device} (logger id, e.g. a GIAI or the carrier's own serial) is optional
 * and stored trimmed; a value outside what a logger of that measure can report is refused.
 */
public record Reading(OffsetDateTime time, Measure measure, BigDecimal value, String device) {

    public static final int DEVICE_MAX = 100;

    public Reading {
        if (time == null) {
            throw new Invalid("time", "a reading needs the time it was taken");
        }
        if (measure == null) {
            throw new Invalid("measure", "a reading needs a measure; one of " + Measure.codes());
        }
        if (value == null) {
            throw new Invalid("value", "a reading needs a value");
        }
        if (value.compareTo(measure.lowest()) < 0 || value.compareTo(measure.highest()) > 0) {
            throw new Invalid("value", "a " + measure.code() + " of " + value.toPlainString() + " " + measure.symbol()
                    + " is not a plausible reading (" + measure.lowest().toPlainString() + " to "
                    + measure.highest().toPlainString() + " " + measure.symbol() + ")");
        }
        device = Text.optional("device", device, DEVICE_MAX);
    }

    public static Reading temperature(OffsetDateTime time, BigDecimal celsius, String device) {
        return new Reading(time, Measure.TEMPERATURE, celsius, device);
    }

    public static Reading humidity(OffsetDateTime time, BigDecimal percent, String device) {
        return new Reading(time, Measure.RELATIVE_HUMIDITY, percent, device);
    }
}
