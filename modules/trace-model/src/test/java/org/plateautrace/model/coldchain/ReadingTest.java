package org.plateautrace.model.coldchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-05-10T08:00:00+08:00");

    @Test
    void refusesATemperatureOf95Degrees() {
        assertInvalid("value", "95", () -> Reading.temperature(NOW, new BigDecimal("95"), null));
    }

    @Test
    void refusesAHumidityOf120Percent() {
        assertInvalid("value", "120", () -> Reading.humidity(NOW, new BigDecimal("120"), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-60.1", "80.01", "-273"})
    void refusesTemperaturesNoLoggerReads(String celsius) {
        assertInvalid("value", "-60 to 80", () -> Reading.temperature(NOW, new BigDecimal(celsius), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-60", "-18", "0", "4.5", "80"})
    void acceptsTemperaturesFromMinus60To80(String celsius) {
        assertEquals(new BigDecimal(celsius), Reading.temperature(NOW, new BigDecimal(celsius), null).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65", "100"})
    void acceptsHumidityFrom0To100(String percent) {
        assertEquals(new BigDecimal(percent), Reading.humidity(NOW, new BigDecimal(percent), null).value());
    }

    @Test
    void refusesNegativeHumidity() {
        assertInvalid("value", "0 to 100", () -> Reading.humidity(NOW, new BigDecimal("-0.1"), null));
    }

    @Test
    void requiresTimeMeasureAndValue() {
        assertInvalid("time", "time", () -> new Reading(null, Measure.TEMPERATURE, BigDecimal.ONE, null));
        assertInvalid("measure", "temperature, relative_humidity", () -> new Reading(NOW, null, BigDecimal.ONE, null));
        assertInvalid("value", "value", () -> new Reading(NOW, Measure.TEMPERATURE, null, null));
    }

    @Test
    void deviceIsOptionalAndTrimmed() {
        assertNull(Reading.temperature(NOW, BigDecimal.ONE, null).device());
        assertNull(Reading.temperature(NOW, BigDecimal.ONE, "   ").device());
        assertEquals("urn:epc:id:giai:4000001.111", Reading.temperature(NOW, BigDecimal.ONE, " urn:epc:id:giai:4000001.111 ").device());
    }

    @Test
    void refusesADeviceLongerThan100Characters() {
        assertEquals(100, Reading.temperature(NOW, BigDecimal.ONE, "d".repeat(100)).device().length());
        assertInvalid("device", "100", () -> Reading.temperature(NOW, BigDecimal.ONE, "d".repeat(101)));
    }
}
