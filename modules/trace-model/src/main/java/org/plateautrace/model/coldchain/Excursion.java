package org.plateautrace.model.coldchain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A stretch of time a measure stayed outside its band for longer than tolerated. {@code worst} is the most
 * extreme reading of the stretch, {@code limit} the band edge it crossed, both in the measure's unit;
 * {@code direction} is {@value #ABOVE} or {@value #BELOW}.
 */
public record Excursion(Measure measure, OffsetDateTime start, OffsetDateTime end, Duration duration,
                        BigDecimal worst, BigDecimal limit, String direction) {

    public static final String ABOVE = "above";
    public static final String BELOW = "below";

    public Excursion {
        if (!ABOVE.equals(direction) && !BELOW.equals(direction)) {
            throw new IllegalArgumentException("direction is above or below, not " + direction);
        }
    }

    public boolean above() {
        return ABOVE.equals(direction);
    }
}
