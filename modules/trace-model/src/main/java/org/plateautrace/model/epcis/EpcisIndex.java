package org.plateautrace.model.epcis;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the store indexes of a captured EPCIS event so that the standard queries are index-backed:
 * the columns of its {@code event} row and its child rows (EPCs per list, quantity elements per list,
 * sources and destinations, numeric sensor report values). bizStep and disposition are kept as sent (GS1's
 * schema allows the short name or a web URI; queries look for every spelling).
 */
public record EpcisIndex(String eventType, String action, String bizStep, String disposition, OffsetDateTime eventTime,
                         String eventTimeZoneOffset, String readPoint, String bizLocation, List<Epc> epcs,
                         List<Quantity> quantities, List<Party> parties, List<SensorValue> sensorValues) {

    /** An EPC in one of the lists {@code epc}, {@code parent}, {@code child}, {@code input}, {@code output}. */
    public record Epc(String list, String epc) {
    }

    /** A quantity element in one of the lists {@code quantity}, {@code child}, {@code input}, {@code output}. */
    public record Quantity(String list, String epcClass, BigDecimal quantity, String uom) {
    }

    /** A source or destination ({@code list}), with its CBV type as a short name. */
    public record Party(String list, String type, String id) {
    }

    /** One numeric sensor report value: its measurement type (short name for GS1's), unit and value. */
    public record SensorValue(String type, String uom, BigDecimal value) {
    }
}
