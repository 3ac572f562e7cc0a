package org.plateautrace.model.lots;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many pack codes one unit of a lot can plausibly yield: issuing more codes than the lot could
 * fill is a mistake (or worse) and is refused. Defaults: a 10 g sachet of tea or dried fungi is the
 * smallest pack (100 per kg), a pig or yak yields at most 400 retail cuts; configurable per unit.
 */
public record PackBounds(Map<Unit, BigDecimal> perUnit) {
    public static final PackBounds DEFAULT = new PackBounds(Map.of(
            Unit.KG, new BigDecimal("100"), Unit.G, new BigDecimal("0.1"), Unit.T, new BigDecimal("100000"),
            Unit.JIN, new BigDecimal("50"), Unit.L, new BigDecimal("100"), Unit.HEAD, new BigDecimal("400"),
            Unit.PIECE, BigDecimal.ONE, Unit.BOX, BigDecimal.ONE));

    public PackBounds {
        perUnit = Map.copyOf(perUnit);
    }

    /** The defaults with some units changed, e.g. from configuration {@code {"kg": 50}}. */
    public PackBounds with(Map<String, ?> overrides) {
        Map<Unit, BigDecimal> merged = new EnumMap<>(perUnit);
        overrides.forEach((unit, value) -> merged.put(Unit.parse(unit), new BigDecimal(value.toString())));
        return new PackBounds(merged);
    }

    /** The most pack codes the given lot quantity can carry. */
    public long maxCodes(Quantity quantity) {
        return quantity.value().multiply(perUnit.getOrDefault(quantity.unit(), BigDecimal.ONE))
                .setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
