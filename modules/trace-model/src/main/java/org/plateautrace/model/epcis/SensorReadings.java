package org.plateautrace.model.epcis;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.plateautrace.model.coldchain.Measure;

/**
 * Our cold-chain readings as EPCIS {@code sensorElementList}: one sensor element per reading time and
 * device ({@code sensorMetadata.time}, the logger as {@code pt:device}), one sensor report per measure
 * ({@code Temperature} in {@code CEL}, {@code RelativeHumidity} in {@code P1}).
 */
public final class SensorReadings {
    /** One stored reading. */
    public record Reading(String device, OffsetDateTime time, String measure, BigDecimal value) {
    }

    private SensorReadings() {
    }

    /** A copy of the event document with the readings as its sensorElementList. */
    public static Map<String, Object> withElements(Map<String, Object> document, List<Reading> readings) {
        List<Map<String, Object>> elements = new ArrayList<>();
        Reading previous = null;
        List<Map<String, Object>> reports = null;
        for (Reading r : readings) {
            if (previous == null || !previous.time().isEqual(r.time()) || !Objects.equals(previous.device(), r.device())) {
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("time", ISO_OFFSET_DATE_TIME.format(r.time()));
                if (r.device() != null) {
                    metadata.put(EpcisDocuments.PREFIX + ":device", r.device());
                }
                reports = new ArrayList<>();
                Map<String, Object> element = new LinkedHashMap<>();
                element.put("sensorMetadata", metadata);
                element.put("sensorReport", reports);
                elements.add(element);
            }
            Measure measure = Measure.parse(r.measure());
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("type", measure.type());
            report.put("value", r.value());
            report.put("uom", measure.uom());
            reports.add(report);
            previous = r;
        }
        Map<String, Object> out = new LinkedHashMap<>(document);
        out.put("sensorElementList", elements);
        return out;
    }
}
