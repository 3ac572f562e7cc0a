package org.plateautrace.service.trace;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plateautrace.model.coldchain.ColdChainProfiles;
import org.plateautrace.model.coldchain.ColdChainVerdict;
import org.plateautrace.model.coldchain.Excursion;
import org.plateautrace.model.coldchain.Excursions;
import org.plateautrace.model.coldchain.Measure;
import org.plateautrace.model.coldchain.Reading;

/** The cold-chain verdict of each shipment (its readings against its product's band), and which lots broke it. */
public final class ColdChain {
    private ColdChain() {
    }

    /** Each shipment with its verdict (its readings against its product's band). */
    public static List<JsonObject> judge(List<JsonObject> shipments, List<JsonObject> readingRows) {
        Map<Long, List<Reading>> readings = byKey(readingRows, "shipmentId");
        List<JsonObject> judged = new ArrayList<>();
        for (JsonObject shipment : shipments) {
            judged.add(judged(shipment, readings.getOrDefault(shipment.getLong("id"), List.of())));
        }
        return judged;
    }

    /**
     * Each stay in storage with its verdict: the site's readings from the time the lot came until it
     * left. A stay without readings says nothing about the cold chain and is left out.
     */
    public static List<JsonObject> judgeStays(List<JsonObject> stays, List<JsonObject> readingRows) {
        Map<Long, List<Reading>> readings = byKey(readingRows, "siteId");
        List<JsonObject> judged = new ArrayList<>();
        for (JsonObject stay : stays) {
            OffsetDateTime from = OffsetDateTime.parse(stay.getString("storedAt"));
            OffsetDateTime until = stay.getString("until") == null ? null : OffsetDateTime.parse(stay.getString("until"));
            List<Reading> during = readings.getOrDefault(stay.getLong("siteId"), List.of()).stream()
                    .filter(r -> !r.time().isBefore(from) && (until == null || r.time().isBefore(until))).toList();
            if (!during.isEmpty()) {
                judged.add(judged(stay, during));
            }
        }
        return judged;
    }

    private static JsonObject judged(JsonObject custody, List<Reading> readings) {
        JsonObject copy = custody.copy();
        ColdChainVerdict verdict = Excursions.evaluate(ColdChainProfiles.of(copy.getString("coldChain"), copy.getString("commodity")),
                readings);
        copy.remove("commodity");
        copy.put("coldChain", json(verdict));
        return copy;
    }

    private static Map<Long, List<Reading>> byKey(List<JsonObject> readingRows, String key) {
        Map<Long, List<Reading>> readings = new HashMap<>();
        for (JsonObject row : readingRows) {
            readings.computeIfAbsent(row.getLong(key), id -> new ArrayList<>()).add(new Reading(
                    OffsetDateTime.parse(row.getString("time")), Measure.parse(row.getString("measure")),
                    new BigDecimal(row.getValue("value").toString()), row.getString("device")));
        }
        return readings;
    }

    /** The lots with a shipment or a stay in storage whose cold chain broke. */
    static Set<Long> brokenLots(List<JsonObject> custodies) {
        Set<Long> broken = new HashSet<>();
        custodies.stream().filter(c -> !c.getJsonObject("coldChain").getBoolean("held")).forEach(c -> broken.add(c.getLong("lotId")));
        return broken;
    }

    static JsonObject json(ColdChainVerdict verdict) {
        JsonArray excursions = new JsonArray();
        for (Excursion e : verdict.excursions()) {
            excursions.add(new JsonObject().put("measure", e.measure().code()).put("start", e.start().toString())
                    .put("end", e.end().toString()).put("minutes", e.duration().toMinutes()).put("worst", e.worst())
                    .put("limit", e.limit()).put("direction", e.direction()));
        }
        JsonObject min = new JsonObject();
        JsonObject max = new JsonObject();
        verdict.min().forEach((measure, value) -> min.put(measure.code(), value));
        verdict.max().forEach((measure, value) -> max.put(measure.code(), value));
        return new JsonObject().put("profile", verdict.profile()).put("held", verdict.held()).put("readings", verdict.readings())
                .put("excursions", excursions).put("min", min).put("max", max);
    }
}
