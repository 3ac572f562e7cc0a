package org.plateautrace.model.coldchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeasureTest {

    @ParameterizedTest
    @ValueSource(strings = {"temperature", "Temperature", "gs1:Temperature", "https://gs1.org/voc/Temperature"})
    void readsTemperatureAsOperatorsAndEpcisWriteIt(String text) {
        assertEquals(Measure.TEMPERATURE, Measure.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"humidity", "relative_humidity", "RelativeHumidity", "gs1:RelativeHumidity"})
    void readsHumidityAsOperatorsAndEpcisWriteIt(String text) {
        assertEquals(Measure.RELATIVE_HUMIDITY, Measure.parse(text));
    }

    @Test
    void refusesUnknownMeasuresListingTheKnownOnes() {
        assertInvalid(null, "one of temperature, relative_humidity", () -> Measure.parse("pressure"));
        assertInvalid(null, "unknown measure 'TEMPERATURE'", () -> Measure.parse("TEMPERATURE"));
        assertInvalid(null, "unknown measure 'null'", () -> Measure.parse(null));
    }

    @Test
    void carriesTheEpcisTypeAndUnEceUnit() {
        assertEquals("Temperature", Measure.TEMPERATURE.type());
        assertEquals("CEL", Measure.TEMPERATURE.uom());
        assertEquals("RelativeHumidity", Measure.RELATIVE_HUMIDITY.type());
        assertEquals("P1", Measure.RELATIVE_HUMIDITY.uom());
    }
}
