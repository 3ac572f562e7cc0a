package org.plateautrace.model.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    private static Quantity q(String value, Unit unit) {
        return new Quantity(new BigDecimal(value), unit);
    }

    @Test
    void acceptsAPlainAmount() {
        Quantity quantity = q("120.5", Unit.KG);
        assertEquals(new BigDecimal("120.5"), quantity.value());
        assertEquals(Unit.KG, quantity.unit());
    }

    @Test
    void refusesZero() {
        assertInvalid("value", "greater than zero", () -> q("0", Unit.KG));
        assertInvalid("value", "greater than zero", () -> q("0.000", Unit.KG));
    }

    @Test
    void refusesNegative() {
        assertInvalid("value", "greater than zero", () -> q("-1", Unit.KG));
        assertInvalid("value", "greater than zero", () -> q("-0.001", Unit.KG));
    }

    @Test
    void refusesMissingValue() {
        assertInvalid("value", "needs a value", () -> new Quantity(null, Unit.KG));
    }

    @Test
    void refusesMissingUnitListingTheUnits() {
        assertInvalid("unit", "one of kg, g", () -> new Quantity(BigDecimal.ONE, null));
    }

    @Test
    void acceptsExactlyTheUnitsMaxPerLot() {
        assertEquals(Unit.KG.maxPerLot(), q("1000000", Unit.KG).value());
        assertEquals(Unit.HEAD.maxPerLot(), q("100000", Unit.HEAD).value());
    }

    @Test
    void refusesMoreThanTheUnitsMaxPerLot() {
        assertInvalid("value", "more than one lot can hold (at most 1000000)", () -> q("1000000.001", Unit.KG));
        assertInvalid("value", "100001 head is more than one lot can hold", () -> q("100001", Unit.HEAD));
        assertInvalid("value", "at most 1000", () -> q("1001", Unit.T));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.5", "1.001", "0.5"})
    void refusesFractionalHeads(String value) {
        assertInvalid("value", "head is counted in whole numbers", () -> q(value, Unit.HEAD));
    }

    @Test
    void refusesFractionalBoxesAndPieces() {
        assertInvalid("value", "box is counted in whole numbers", () -> q("3.5", Unit.BOX));
        assertInvalid("value", "piece is counted in whole numbers", () -> q("3.5", Unit.PIECE));
    }

    @Test
    void acceptsWholeHeadsWrittenWithZeroDecimals() {
        assertEquals(0, new BigDecimal("12").compareTo(q("12.00", Unit.HEAD).value()));
    }

    @Test
    void refusesMoreThanThreeDecimals() {
        assertInvalid("value", "at most three decimal places", () -> q("1.2345", Unit.KG));
        assertInvalid("value", "at most three decimal places", () -> q("0.0001", Unit.T));
    }

    @Test
    void acceptsThreeDecimals() {
        assertEquals(new BigDecimal("1.234"), q("1.234", Unit.KG).value());
    }
}
