package org.plateautrace.model.coldchain;

import java.math.BigDecimal;
import java.time.Duration;
import org.plateautrace.model.Invalid;

/**
 * Allowed band of one measure, edges included, and how long a stretch outside it is tolerated before it
 * counts as an excursion (door openings, loading). {@code min} or {@code max} may be null: open on that side.
 */
public record Band(Measure measure, BigDecimal min, BigDecimal max, Duration tolerance) {

    public Band {
        if (measure == null) {
            throw new Invalid("measure", "a band needs a measure; one of " + Measure.codes());
        }
        if (min == null && max == null) {
            throw new Invalid("min", "a band needs a min, a max or both");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new Invalid("min", "min " + min.toPlainString() + " is above max " + max.toPlainString());
        }
        if (tolerance == null || tolerance.isNegative()) {
            throw new Invalid("tolerance", "a band needs a tolerance of zero or more");
        }
    }

    public static Band between(Measure measure, String min, String max, Duration tolerance) {
        return new Band(measure, new BigDecimal(min), new BigDecimal(max), tolerance);
    }

    public static Band atMost(Measure measure, String max, Duration tolerance) {
        return new Band(measure, null, new BigDecimal(max), tolerance);
    }

    public static Band atLeast(Measure measure, String min, Duration tolerance) {
        return new Band(measure, new BigDecimal(min), null, tolerance);
    }

    public boolean above(BigDecimal value) {
        return max != null && value.compareTo(max) > 0;
    }

    public boolean below(BigDecimal value) {
        return min != null && value.compareTo(min) < 0;
    }

    public boolean contains(BigDecimal value) {
        return !above(value) && !below(value);
    }
}
