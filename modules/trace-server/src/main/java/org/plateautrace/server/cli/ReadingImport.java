package org.plateautrace.server.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plateautrace.server.cli.HarvestImport.RowException;

/**
 * Imports a CSV of cold-chain logger readings ({@code config/templates/readings.csv}): columns
 * {@code shipment_id} (or {@code site_id} for a store), {@code time}, {@code measure} (temperature by
 * default, or relative_humidity), {@code value}, {@code device}. The rows of one shipment (or site), in
 * file order, become {@code sensor_reporting} events of up to 1,000 readings each. An event without its
 * own eventId is named by the hash of its content, so a second run of the same file sends the same events
 * and the server reports them as duplicates, storing nothing twice.
 */
final class ReadingImport {
    static final int READINGS_PER_EVENT = 1_000;
    private static final Pattern READING = Pattern.compile("readings\\[(\\d+)]\\.?(.*)");

    /** One event to send and the rows it carries. */
    private record Group(JsonObject event, List<CsvFile.Row> rows) {
    }

    private final Target target;
    private final ImportReport report;

    ReadingImport(Target target, ImportReport report) {
        this.target = target;
        this.report = report;
    }

    void run(CsvFile.Table table, boolean atomic, PrintWriter err) {
        List<Group> groups = groups(table.rows());
        int sendable = groups.stream().mapToInt(g -> g.rows().size()).sum();
        try (Progress progress = Progress.of("readings", table.rows().size(), err)) {
            progress.step(table.rows().size() - sendable);
            if (atomic) {
                if (!report.hasErrors() && !groups.isEmpty()) {
                    JsonArray events = new JsonArray();
                    groups.forEach(g -> events.add(g.event()));
                    Answer answer = target.recordEvents(new JsonObject().put("events", events));
                    if (answer.ok()) {
                        JsonArray items = answer.body().getJsonArray("events");
                        for (int i = 0; i < groups.size(); i++) {
                            count(groups.get(i), items.getJsonObject(i));
                        }
                    } else if (answer.body().containsKey("errors")) {
                        for (Object e : answer.body().getJsonArray("errors")) {
                            JsonObject item = (JsonObject) e;
                            refuse(groups.get(item.getInteger("index")), item.getString("field"), item.getString("detail"));
                        }
                    } else {
                        refuse(groups.get(0), answer.field(), answer.detail());
                    }
                }
                progress.step(sendable);
                return;
            }
            for (Group group : groups) {
                Answer answer = target.recordEvents(group.event());
                if (answer.ok()) {
                    count(group, answer.body());
                } else {
                    refuse(group, answer.field(), answer.detail());
                }
                progress.step(group.rows().size());
            }
        }
    }

    private void count(Group group, JsonObject answer) {
        if ("duplicate".equals(answer.getString("status"))) {
            report.already(group.rows().size());
        } else {
            report.stored(group.rows().size());
        }
    }

    /** A refused event: the reading it names, or every row it carries. */
    private void refuse(Group group, String field, String detail) {
        Matcher reading = field == null ? null : READING.matcher(field);
        if (reading != null && reading.matches()) {
            report.refused(new RowError(group.rows().get(Integer.parseInt(reading.group(1))).line(),
                    reading.group(2).isEmpty() ? null : reading.group(2), detail));
            return;
        }
        String column = "shipmentId".equals(field) ? "shipment_id" : "siteId".equals(field) ? "site_id" : field;
        group.rows().forEach(row -> report.refused(new RowError(row.line(), column, detail)));
    }

    /** The good rows grouped per shipment (or site) in file order, at most 1,000 a group; bad rows are reported. */
    private List<Group> groups(List<CsvFile.Row> rows) {
        Map<String, List<CsvFile.Row>> byHolder = new LinkedHashMap<>();
        Map<String, List<JsonObject>> readings = new LinkedHashMap<>();
        for (CsvFile.Row row : rows) {
            try {
                String holder = holder(row);
                JsonObject reading = reading(row);
                byHolder.computeIfAbsent(holder, h -> new ArrayList<>()).add(row);
                readings.computeIfAbsent(holder, h -> new ArrayList<>()).add(reading);
            } catch (RowException e) {
                report.refused(e.error);
            }
        }
        List<Group> groups = new ArrayList<>();
        byHolder.forEach((holder, holderRows) -> {
            List<JsonObject> holderReadings = readings.get(holder);
            for (int from = 0; from < holderRows.size(); from += READINGS_PER_EVENT) {
                int to = Math.min(from + READINGS_PER_EVENT, holderRows.size());
                String[] key = holder.split(":");
                JsonObject event = new JsonObject().put("type", "sensor_reporting").put(key[0], Long.parseLong(key[1]))
                        .put("readings", new JsonArray(new ArrayList<>(holderReadings.subList(from, to))));
                groups.add(new Group(event, holderRows.subList(from, to)));
            }
        });
        return groups;
    }

    private static String holder(CsvFile.Row row) {
        boolean shipment = row.get("shipment_id") != null;
        if (shipment == (row.get("site_id") != null)) {
            throw new RowException(new RowError(row.line(), "shipment_id", "give exactly one of shipment_id or site_id"));
        }
        return shipment ? "shipmentId:" + HarvestImport.id(row, "shipment_id") : "siteId:" + HarvestImport.id(row, "site_id");
    }

    private static JsonObject reading(CsvFile.Row row) {
        String time = HarvestImport.required(row, "time");
        try {
            OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new RowException(new RowError(row.line(), "time", "must be a date and time with offset like 2026-05-09T08:00:00+08:00"));
        }
        JsonObject reading = new JsonObject().put("time", time).put("value", HarvestImport.decimal(row, "value"));
        if (row.get("measure") != null) {
            reading.put("measure", row.get("measure"));
        }
        if (row.get("device") != null) {
            reading.put("device", row.get("device"));
        }
        return reading;
    }
}
