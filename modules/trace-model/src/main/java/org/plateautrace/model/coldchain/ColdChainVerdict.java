package org.plateautrace.model.coldchain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on a set of readings against a profile. {@code held} with {@code readings == 0} means no
 * evidence either way, not a proven cold chain: whoever shows the verdict must say so. {@code min} and
 * {@code max} hold every measure that has readings, banded or not, in {@link Measure} order.
 */
public record ColdChainVerdict(String profile, boolean held, List<Excursion> excursions, int readings,
                               Map<Measure, BigDecimal> min, Map<Measure, BigDecimal> max) {

    public ColdChainVerdict {
        excursions = List.copyOf(excursions);
        min = ordered(min);
        max = ordered(max);
    }

    public boolean hasReadings() {
        return readings > 0;
    }

    private static Map<Measure, BigDecimal> ordered(Map<Measure, BigDecimal> values) {
        // new EnumMap<>(Map) throws on an empty map that is not itself an EnumMap
        EnumMap<Measure, BigDecimal> copy = new EnumMap<>(Measure.class);
        copy.putAll(values);
        return Collections.unmodifiableMap(copy);
    }
}
