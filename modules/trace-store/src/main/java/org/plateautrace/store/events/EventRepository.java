package org.plateautrace.store.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.plateautrace.model.events.QuantityElement;
import org.plateautrace.model.events.StoredEvent;
import org.plateautrace.model.events.SupplyChainEvent;

/** The append-only EPCIS event store: one row per event, child rows for its quantity lists. */
public final class EventRepository {
    public static final String EVENT_ID_UNIQUE = "event_event_id_key";

    /**
     * Stores an event inside the caller's transaction. {@code lotIds} gives, per element of the quantity
     * list, the lot it counts (null for goods that are not our lots). Answers the event's row id.
     */
    public Future<Long> insert(SqlClient tx, String eventId, Long partyId, SupplyChainEvent event, List<Long> lotIds) {
        return tx.preparedQuery("INSERT INTO event (event_id, event_type, action, biz_step, disposition, event_time, "
                        + "event_time_zone_offset, read_point, biz_location, party_id, ilmd) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id")
                .execute(Tuple.from(new Object[]{eventId, event.eventType(), event.action(), event.bizStep(),
                        event.disposition(), event.eventTime(), event.eventTimeZoneOffset(), event.readPoint(),
                        event.bizLocation(), partyId, event.ilmd().isEmpty() ? null : new JsonObject(event.ilmd())}))
                .compose(rows -> {
                    long pk = rows.iterator().next().getLong("id");
                    List<Tuple> quantities = new ArrayList<>();
                    for (int i = 0; i < event.quantityList().size(); i++) {
                        QuantityElement q = event.quantityList().get(i);
                        quantities.add(Tuple.of(pk, "quantity", q.epcClass(), q.quantity(), q.uom(), lotIds.get(i)));
                    }
                    if (quantities.isEmpty()) {
                        return Future.succeededFuture(pk);
                    }
                    return tx.preparedQuery("INSERT INTO event_quantity (event_pk, list, epc_class, quantity, uom, lot_id) "
                                    + "VALUES ($1, $2, $3, $4, $5, $6)")
                            .executeBatch(quantities).map(pk);
                });
    }

    /** Every event that names the lot, in event-time order, with their quantity lists. */
    public Future<List<StoredEvent>> forLot(SqlClient client, long lotId) {
        return client.preparedQuery("SELECT e.event_id, e.event_type, e.action, e.biz_step, e.disposition, e.event_time, "
                        + "e.event_time_zone_offset, e.record_time, e.read_point, e.biz_location, e.ilmd, "
                        + "(SELECT json_agg(json_build_object('epcClass', q.epc_class, 'quantity', q.quantity, 'uom', q.uom)) "
                        + " FROM event_quantity q WHERE q.event_pk = e.id AND q.list = 'quantity') AS quantities "
                        + "FROM event e WHERE e.id IN (SELECT event_pk FROM event_quantity WHERE lot_id = $1) "
                        + "ORDER BY e.event_time, e.id")
                .execute(Tuple.of(lotId))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(map(row));
                    }
                    return events;
                });
    }

    private static StoredEvent map(Row row) {
        List<QuantityElement> quantities = new ArrayList<>();
        JsonArray list = (JsonArray) row.getValue("quantities");
        if (list != null) {
            for (Object o : list) {
                JsonObject q = (JsonObject) o;
                quantities.add(new QuantityElement(q.getString("epcClass"), new BigDecimal(q.getValue("quantity").toString()),
                        q.getString("uom")));
            }
        }
        JsonObject ilmd = row.getJsonObject("ilmd");
        ZoneOffset offset = ZoneOffset.of(row.getString("event_time_zone_offset"));
        return new StoredEvent(row.getString("event_id"), row.getOffsetDateTime("record_time").toInstant(),
                new SupplyChainEvent(row.getString("event_type"), row.getString("action"), row.getString("biz_step"),
                        row.getString("disposition"), row.getOffsetDateTime("event_time").withOffsetSameInstant(offset),
                        row.getString("read_point"), row.getString("biz_location"), quantities,
                        ilmd == null ? null : ilmd.getMap()));
    }
}
