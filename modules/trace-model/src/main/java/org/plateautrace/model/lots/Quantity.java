package org.plateautrace.model.lots;

import java.math.BigDecimal;
import org.plateautrace.model.Invalid;

/** An amount of goods in a unit; positive, and no more than one lot can plausibly hold. */
public record Quantity(BigDecimal value, Unit unit) {
    private static final java.util.Map<Unit, BigDecimal> KILOGRAMS = java.util.Map.of(Unit.KG, BigDecimal.ONE,
            Unit.G, new BigDecimal("0.001"), Unit.T, new BigDecimal("1000"), Unit.JIN, new BigDecimal("0.5"));

    public Quantity {
        if (value == null) {
            throw new Invalid("value", "a quantity needs a value");
        }
        if (unit == null) {
            throw new Invalid("unit", "a quantity needs a unit; one of " + Unit.codes());
        }
        if (value.signum() <= 0) {
            throw new Invalid("value", "a quantity must be greater than zero");
        }
        if (value.compareTo(unit.maxPerLot()) > 0) {
            throw new Invalid("value", value.toPlainString() + " " + unit.code()
                    + " is more than one lot can hold (at most " + unit.maxPerLot().toPlainString() + ")");
        }
        if (unit.countable() && value.stripTrailingZeros().scale() > 0) {
            throw new Invalid("value", unit.code() + " is counted in whole numbers");
        }
        if (value.stripTrailingZeros().scale() > 3) {
            throw new Invalid("value", "at most three decimal places");
        }
    }

    /** The same amount in another unit; weights convert among kg, g, t and 斤, other units only to themselves. */
    public BigDecimal in(Unit target) {
        if (target == unit) {
            return value;
        }
        if (!KILOGRAMS.containsKey(unit) || !KILOGRAMS.containsKey(target)) {
            throw new Invalid("unit", unit.code() + " cannot be converted to " + target.code());
        }
        return value.multiply(KILOGRAMS.get(unit)).divide(KILOGRAMS.get(target), 3, java.math.RoundingMode.HALF_UP);
    }
}
