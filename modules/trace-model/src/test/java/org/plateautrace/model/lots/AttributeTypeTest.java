package org.plateautrace.model.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeTypeTest {
    private static final AttributeSpec WHEN = new AttributeSpec("collectedAt", AttributeType.DATETIME, false,
            null, null, null, null, "采集时间", "collected at");
    private static final AttributeSpec GRADE = AttributeSpec.choice("grade", true, List.of("a", "b"), "等级", "grade");
    private static final AttributeSpec WEIGHT = AttributeSpec.number("weight", true, "0.5", "10", "重量", "weight");

    @Test
    void codesAreLowerCase() {
        assertEquals("string", AttributeType.STRING.code());
        assertEquals("datetime", AttributeType.DATETIME.code());
        assertEquals("enum", AttributeType.ENUM.code());
    }

    @Test
    void readsDateTimeWithOffset() {
        assertEquals("2026-05-02T08:00+08:00", AttributeType.DATETIME.read("2026-05-02T08:00:00+08:00", WHEN));
    }

    @Test
    void refusesDateTimeWithoutOffset() {
        assertInvalid(null, "date and time with offset", () -> AttributeType.DATETIME.read("2026-05-02T08:00:00", WHEN));
    }

    @Test
    void readsNumberWithinDecimalBounds() {
        assertEquals(new BigDecimal("0.5"), AttributeType.NUMBER.read(0.5, WEIGHT));
        assertEquals(new BigDecimal("10"), AttributeType.NUMBER.read(10, WEIGHT));
        assertEquals(new BigDecimal("7.25"), AttributeType.NUMBER.read(new BigDecimal("7.25"), WEIGHT));
    }

    @Test
    void refusesNumberBelowMinimum() {
        assertInvalid(null, "must be between 0.5 and 10", () -> AttributeType.NUMBER.read(0.49, WEIGHT));
    }

    @Test
    void refusesNumberAboveMaximum() {
        assertInvalid(null, "must be between 0.5 and 10", () -> AttributeType.NUMBER.read(10.01, WEIGHT));
    }

    @Test
    void refusesBooleanAsNumber() {
        assertInvalid(null, "must be a number", () -> AttributeType.NUMBER.read(true, WEIGHT));
    }

    @Test
    void readsEnum() {
        assertEquals("b", AttributeType.ENUM.read("b", GRADE));
    }

    @Test
    void refusesEnumNotListed() {
        assertInvalid(null, "must be one of a, b", () -> AttributeType.ENUM.read("c", GRADE));
    }
}
