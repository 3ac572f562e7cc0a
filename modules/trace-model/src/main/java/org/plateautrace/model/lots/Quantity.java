package org.plateautrace.model.lots;

import java.math.BigDecimal;
import org.plateautrace.model.Invalid;

/** An amount of goods in a unit; positive, and no more than one lot can plausibly hold. */
public record Quantity(BigDecimal value, Unit unit) {

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
}
