package org.plateautrace.store.epcis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.plateautrace.model.Page;
import org.plateautrace.model.epcis.CapturedEvent;
import org.plateautrace.model.epcis.EpcisIndex;
import org.plateautrace.model.epcis.EventQuery;
import org.plateautrace.model.epcis.SensorReadings;
import org.plateautrace.model.events.StoredEvent;
import org.plateautrace.store.events.EventRepository;
import org.plateautrace.store.events.EventRepository.Columns;
import org.plateautrace.store.events.EventRepository.EventRow;

/**
 * Events captured through the EPCIS binding (appended to the same hash chain as every other event,
 * with index rows), the EPCIS queries over all events, and capture jobs.
 */
public final class EpcisRepository {
    /** Quantities that do not fit the index column are kept in the document only. */
    private static final BigDecimal QUANTITY_LIMIT = new BigDecimal("1000000000000000");

    /** A capture job as stored. */
    public record CaptureJob(UUID id, long partyId, String behaviour, int events, OffsetDateTime createdAt,
                             OffsetDateTime finishedAt, boolean running, Boolean success, Integer stored, Integer duplicates,
                             JsonArray errors) {
    }

    /** Takes the chain lock, then answers the stored content of those of these eventIDs already recorded. */
    public Future<Map<String, String>> lockAndFind(SqlConnection tx, List<String> eventIds) {
        return EventRepository.lockChain(tx)
                .compose(locked -> tx.preparedQuery("SELECT event_id, content FROM event WHERE event_id = ANY($1)")
                        .execute(Tuple.of((Object) eventIds.toArray(new String[0]))))
                .map(rows -> {
                    Map<String, String> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("event_id"), row.getString("content")));
                    return found;
                });
    }

    /** Appends captured events (their canonical documents extend the chain) with their index rows; one statement per table. */
    public Future<Void> insert(SqlConnection tx, long partyId, List<CapturedEvent> events) {
        List<EventRow> rows = new ArrayList<>(events.size());
        for (CapturedEvent e : events) {
            EpcisIndex i = e.rows();
            rows.add(new EventRow(e.eventId(), i.eventType(), i.action(), i.bizStep(), i.disposition(), i.eventTime(),
                    i.eventTimeZoneOffset(), i.readPoint(), i.bizLocation(), partyId, e.ilmd(), null, e.content()));
        }
        return EventRepository.appendRows(tx, rows).compose(pks -> children(tx, events, pks));
    }

    private static Future<Void> children(SqlConnection tx, List<CapturedEvent> events, List<Long> pks) {
        Columns quantities = new Columns(5, events.size());
        Columns epcs = new Columns(3, events.size());
        Columns parties = new Columns(4, events.size());
        Columns sensors = new Columns(4, events.size());
        for (int n = 0; n < events.size(); n++) {
            long pk = pks.get(n);
            EpcisIndex i = events.get(n).rows();
            i.quantities().forEach(q -> quantities.add(pk, q.list(), q.epcClass(),
                    q.quantity() == null || q.quantity().abs().compareTo(QUANTITY_LIMIT) >= 0 ? null : q.quantity().toPlainString(),
                    q.uom()));
            i.epcs().forEach(epc -> epcs.add(pk, epc.list(), epc.epc()));
            i.parties().forEach(p -> parties.add(pk, p.list(), p.type(), p.id()));
            i.sensorValues().forEach(v -> sensors.add(pk, v.type(), v.uom(), v.value().toPlainString()));
        }
        return EventRepository.insert(tx, quantities, "INSERT INTO event_quantity (event_pk, list, epc_class, quantity, uom) "
                        + "SELECT a, b, c, d::numeric, e FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) "
                        + "AS t(a, b, c, d, e)", new Class<?>[]{Long.class, String.class, String.class, String.class, String.class})
                .compose(done -> EventRepository.insert(tx, epcs, "INSERT INTO event_epc (event_pk, list, epc) "
                        + "SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])", new Class<?>[]{Long.class, String.class, String.class}))
                .compose(done -> EventRepository.insert(tx, parties, "INSERT INTO event_party (event_pk, list, type, id) "
                        + "SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])",
                        new Class<?>[]{Long.class, String.class, String.class, String.class}))
                .compose(done -> EventRepository.insert(tx, sensors, "INSERT INTO event_sensor_value (event_pk, type, uom, value) "
                        + "SELECT a, b, c, d::numeric FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS t(a, b, c, d)",
                        new Class<?>[]{Long.class, String.class, String.class, String.class}));
    }

    /** One page of the events that match, in the order they were recorded. */
    public Future<Page<StoredEvent>> query(SqlClient client, EventQuery q) {
        Conditions c = new Conditions();
        if (q.visibleParty() != null) {
            c.and("(e.party_id = ? OR EXISTS (SELECT 1 FROM event_quantity vq JOIN holding h ON h.lot_id = vq.lot_id "
                    + "WHERE vq.event_pk = e.id AND h.party_id = ?))", q.visibleParty(), q.visibleParty());
        }
        c.any("e.event_type = ANY(?)", q.eventTypes());
        c.and("e.event_time >= ?", q.geEventTime());
        c.and("e.event_time < ?", q.ltEventTime());
        c.and("e.record_time >= ?", q.geRecordTime());
        c.and("e.record_time < ?", q.ltRecordTime());
        c.any("e.biz_step = ANY(?)", q.bizSteps());
        c.any("e.disposition = ANY(?)", q.dispositions());
        c.any("e.read_point = ANY(?)", q.readPoints());
        c.any("e.biz_location = ANY(?)", q.bizLocations());
        c.any("e.event_id = ANY(?)", q.eventIds());
        matches(c, "event_epc", "epc", "'epc', 'child'", q.epcs());
        matches(c, "event_epc", "epc", "'epc', 'child', 'parent', 'input', 'output'", q.anyEpcs());
        matches(c, "event_quantity", "epc_class", "'quantity', 'child'", q.epcClasses());
        matches(c, "event_quantity", "epc_class", "'quantity', 'child', 'input', 'output'", q.anyEpcClasses());
        Map<String, List<EventQuery.ValueBound>> byUom = new LinkedHashMap<>();
        q.sensorValues().forEach(b -> byUom.computeIfAbsent(b.uom(), u -> new ArrayList<>()).add(b));
        if (byUom.isEmpty() && !q.sensorTypes().isEmpty()) {
            c.and("EXISTS (SELECT 1 FROM epcis_sensor_value s WHERE s.event_pk = e.id AND s.type = ANY(?))", (Object) array(q.sensorTypes()));
        }
        byUom.forEach((uom, bounds) -> {
            StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM epcis_sensor_value s WHERE s.event_pk = e.id AND s.uom = ?");
            List<Object> values = new ArrayList<>(List.of(uom));
            if (!q.sensorTypes().isEmpty()) {
                sql.append(" AND s.type = ANY(?)");
                values.add(array(q.sensorTypes()));
            }
            for (EventQuery.ValueBound b : bounds) {
                sql.append(b.atLeast() ? " AND s.value >= ?" : " AND s.value < ?");
                values.add(b.value());
            }
            c.and(sql.append(')').toString(), values.toArray());
        });
        c.and("e.id > ?", q.after());
        String sql = "SELECT e.id, e.event_id, e.record_time, e.content FROM event e" + c.where() + " ORDER BY e.id LIMIT "
                + (q.perPage() + 1);
        return client.preparedQuery(sql).execute(Tuple.from(c.values())).compose(rows -> {
            List<Long> pks = new ArrayList<>();
            List<StoredEvent> items = new ArrayList<>();
            boolean more = false;
            for (Row row : rows) {
                if (items.size() == q.perPage()) {
                    more = true;
                    break;
                }
                items.add(stored(row));
                pks.add(row.getLong("id"));
            }
            Long next = more ? pks.get(pks.size() - 1) : null;
            return withReadings(client, pks, items).map(events -> new Page<>(events, next));
        });
    }

    /**
     * Our own sensor events keep their readings in {@code sensor_reading} (one row per reading); the
     * export shows them as the event's {@code sensorElementList}, one element per reading time and device.
     */
    private static Future<List<StoredEvent>> withReadings(SqlClient client, List<Long> pks, List<StoredEvent> events) {
        if (pks.isEmpty()) {
            return Future.succeededFuture(events);
        }
        return client.preparedQuery("SELECT event_pk, device, time, measure, value FROM sensor_reading WHERE event_pk = ANY($1) "
                        + "ORDER BY event_pk, time, device, measure")
                .execute(Tuple.of((Object) pks.toArray(new Long[0])))
                .map(rows -> {
                    Map<Long, List<SensorReadings.Reading>> byEvent = new HashMap<>();
                    for (Row row : rows) {
                        byEvent.computeIfAbsent(row.getLong("event_pk"), pk -> new ArrayList<>()).add(new SensorReadings.Reading(
                                row.getString("device"), row.getOffsetDateTime("time"), row.getString("measure"), row.getBigDecimal("value")));
                    }
                    if (byEvent.isEmpty()) {
                        return events;
                    }
                    List<StoredEvent> out = new ArrayList<>(events.size());
                    for (int i = 0; i < events.size(); i++) {
                        List<SensorReadings.Reading> readings = byEvent.get(pks.get(i));
                        StoredEvent e = events.get(i);
                        out.add(readings == null || e.document().containsKey("sensorElementList") ? e
                                : new StoredEvent(e.eventId(), e.recordTime(), SensorReadings.withElements(e.document(), readings)));
                    }
                    return out;
                });
    }

    /** One event by its eventID, with the party that recorded it and whether {@code party} held goods it names. */
    public Future<Optional<StoredEvent>> byEventId(SqlClient client, String eventId, Long visibleParty) {
        EventQuery q = new EventQuery(List.of(), null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(eventId), List.of(), List.of(), visibleParty, null, 1);
        return query(client, q).map(page -> page.items().stream().findFirst());
    }

    /** Whether an event with this eventID exists at all (to tell 404 from 403). */
    public Future<Boolean> exists(SqlClient client, String eventId) {
        return client.preparedQuery("SELECT 1 FROM event WHERE event_id = $1").execute(Tuple.of(eventId)).map(rows -> rows.size() > 0);
    }

    private static void matches(Conditions c, String table, String column, String lists, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        boolean patterns = values.stream().anyMatch(v -> v.endsWith("*"));
        String test = patterns ? column + " LIKE ANY(?)" : column + " = ANY(?)";
        List<String> args = patterns ? values.stream().map(EpcisRepository::likePattern).toList() : values;
        c.and("EXISTS (SELECT 1 FROM " + table + " x WHERE x.event_pk = e.id AND x.list IN (" + lists + ") AND x." + test + ")",
                (Object) array(args));
    }

    /** An EPC pattern ({@code urn:epc:idpat:sgtin:0614141.107346.*}) as a LIKE pattern on the EPCs it stands for. */
    static String likePattern(String value) {
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        if (escaped.endsWith("*")) {
            escaped = escaped.substring(0, escaped.length() - 1) + "%";
        }
        return escaped.replace("urn:epc:idpat:", "urn:epc:id:");
    }

    private static String[] array(List<String> values) {
        return values.toArray(new String[0]);
    }

    private static StoredEvent stored(Row row) {
        String content = row.getString("content");
        Map<String, Object> document = content.startsWith("{") ? new JsonObject(content).getMap() : Map.of("eventID", row.getString("event_id"));
        return new StoredEvent(row.getString("event_id"), row.getOffsetDateTime("record_time").toInstant(), document);
    }

    // capture jobs

    public Future<Void> createJob(SqlClient client, UUID id, long partyId, String behaviour, int events) {
        return client.preparedQuery("INSERT INTO epcis_capture (id, party_id, behaviour, events) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(id, partyId, behaviour, events)).mapEmpty();
    }

    public Future<Void> finishJob(SqlClient client, UUID id, boolean success, int stored, int duplicates, JsonArray errors) {
        return client.preparedQuery("UPDATE epcis_capture SET running = false, finished_at = now(), success = $2, stored = $3, "
                        + "duplicates = $4, errors = $5::jsonb WHERE id = $1")
                .execute(Tuple.of(id, success, stored, duplicates, errors.encode())).mapEmpty();
    }

    /** Closes every job still marked running as failed with these errors; answers how many there were. */
    public Future<Integer> failRunningJobs(SqlClient client, JsonArray errors) {
        return client.preparedQuery("UPDATE epcis_capture SET running = false, finished_at = now(), success = false, stored = 0, "
                        + "duplicates = 0, errors = $1::jsonb WHERE running")
                .execute(Tuple.of(errors.encode())).map(rows -> rows.rowCount());
    }

    public Future<Optional<CaptureJob>> job(SqlClient client, UUID id) {
        return client.preparedQuery("SELECT * FROM epcis_capture WHERE id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            Object errors = r.getValue("errors");
            return Optional.of(new CaptureJob(r.getUUID("id"), r.getLong("party_id"), r.getString("behaviour"), r.getInteger("events"),
                    r.getOffsetDateTime("created_at"), r.getOffsetDateTime("finished_at"), r.getBoolean("running"),
                    r.getBoolean("success"), r.getInteger("stored"), r.getInteger("duplicates"),
                    errors instanceof JsonArray array ? array : new JsonArray(String.valueOf(errors))));
        });
    }

    /** A parameterised WHERE clause whose conditions may take several values ({@code ?} in order). */
    private static final class Conditions {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        void and(String condition, Object... given) {
            if (given.length == 0 || given[0] == null) {
                return;
            }
            StringBuilder sql = new StringBuilder();
            int next = 0;
            for (char ch : condition.toCharArray()) {
                if (ch == '?') {
                    values.add(given[next++]);
                    sql.append('$').append(values.size());
                } else {
                    sql.append(ch);
                }
            }
            conditions.add(sql.toString());
        }

        void any(String condition, List<String> given) {
            if (!given.isEmpty()) {
                and(condition, (Object) array(given));
            }
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        List<Object> values() {
            return values;
        }
    }
}
