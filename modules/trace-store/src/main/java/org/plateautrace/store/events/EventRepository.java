package org.plateautrace.store.events;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plateautrace.model.events.EventDocument;
import org.plateautrace.model.events.QuantityElement;
import org.plateautrace.model.events.StoredEvent;
import org.plateautrace.model.events.SupplyChainEvent;
import org.plateautrace.model.events.SupplyChainEvent.PartyRef;
import org.plateautrace.model.ledger.HashChain;

/**
 * The append-only EPCIS event store: one row per event (with its canonical document, chained by
 * hash to the event before it), child rows for its quantity lists and its sources and destinations.
 */
public final class EventRepository {
    public static final String EVENT_ID_UNIQUE = "event_event_id_key";
    /** Every event write takes this transaction lock, so the chain has one order. */
    private static final long CHAIN_LOCK = 0x504c4154L;

    /** An event to store: its id, the acting party, the event, and which of our lots its epcClasses name. */
    public record NewEvent(String eventId, Long partyId, SupplyChainEvent event, Map<String, Long> lotOfClass) {
    }

    /**
     * Appends events inside the caller's transaction, in order, extending the hash chain; answers
     * their row ids. All rows go in with one batched statement per table.
     */
    public Future<List<Long>> append(SqlConnection tx, List<NewEvent> events) {
        if (events.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(CHAIN_LOCK))
                .compose(locked -> tx.query("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1").execute())
                .compose(last -> {
                    long seq = 0;
                    byte[] previous = null;
                    if (last.size() > 0) {
                        Row row = last.iterator().next();
                        seq = row.getLong("seq");
                        previous = row.getBuffer("hash").getBytes();
                    }
                    List<Tuple> rows = new ArrayList<>(events.size());
                    for (NewEvent e : events) {
                        SupplyChainEvent event = e.event();
                        String content = EventDocument.canonical(e.eventId(), event);
                        byte[] hash = HashChain.next(previous, content);
                        rows.add(Tuple.from(new Object[]{e.eventId(), event.eventType(), event.action(), event.bizStep(),
                                event.disposition(), event.eventTime(), event.eventTimeZoneOffset(), event.readPoint(),
                                event.bizLocation(), e.partyId(), event.ilmd().isEmpty() ? null : new JsonObject(event.ilmd()),
                                event.details().isEmpty() ? null : new JsonObject(event.details()), ++seq, content,
                                previous == null ? null : Buffer.buffer(previous), Buffer.buffer(hash)}));
                        previous = hash;
                    }
                    return tx.preparedQuery("INSERT INTO event (event_id, event_type, action, biz_step, disposition, event_time, "
                                    + "event_time_zone_offset, read_point, biz_location, party_id, ilmd, details, seq, content, "
                                    + "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
                                    + "RETURNING id")
                            .executeBatch(rows);
                })
                .compose(inserted -> {
                    List<Long> pks = new ArrayList<>(events.size());
                    for (RowSet<Row> rows = inserted; rows != null; rows = rows.next()) {
                        pks.add(rows.iterator().next().getLong("id"));
                    }
                    return children(tx, events, pks).map(pks);
                });
    }

    private static Future<Void> children(SqlConnection tx, List<NewEvent> events, List<Long> pks) {
        List<Tuple> quantities = new ArrayList<>();
        List<Tuple> parties = new ArrayList<>();
        List<Tuple> epcs = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            long pk = pks.get(i);
            e.event().quantityLists().forEach((list, elements) -> {
                for (QuantityElement q : elements) {
                    quantities.add(Tuple.of(pk, list, q.epcClass(), q.quantity(), q.uom(), e.lotOfClass().get(q.epcClass())));
                }
            });
            if (e.event().aggregation() != null) {
                epcs.add(Tuple.of(pk, "parent", e.event().aggregation().parentId()));
                e.event().aggregation().childEpcs().forEach(epc -> epcs.add(Tuple.of(pk, "child", epc)));
            }
            for (PartyRef ref : e.event().sourceList()) {
                parties.add(Tuple.of(pk, "source", ref.type(), ref.id()));
            }
            for (PartyRef ref : e.event().destinationList()) {
                parties.add(Tuple.of(pk, "destination", ref.type(), ref.id()));
            }
        }
        Future<?> q = quantities.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(
                "INSERT INTO event_quantity (event_pk, list, epc_class, quantity, uom, lot_id) VALUES ($1, $2, $3, $4, $5, $6)")
                .executeBatch(quantities);
        return q.compose(done -> parties.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(
                        "INSERT INTO event_party (event_pk, list, type, id) VALUES ($1, $2, $3, $4)").executeBatch(parties))
                .compose(done -> epcs.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(
                        "INSERT INTO event_epc (event_pk, list, epc) VALUES ($1, $2, $3)").executeBatch(epcs))
                .mapEmpty();
    }

    /** Which of these eventIDs are already stored. */
    public Future<List<String>> existing(SqlClient client, List<String> eventIds) {
        return client.preparedQuery("SELECT event_id FROM event WHERE event_id = ANY($1)")
                .execute(Tuple.of((Object) eventIds.toArray(new String[0])))
                .map(rows -> {
                    List<String> found = new ArrayList<>();
                    rows.forEach(row -> found.add(row.getString("event_id")));
                    return found;
                });
    }

    /** Every event that names the lot, in event-time order, as documents. */
    public Future<List<StoredEvent>> forLot(SqlClient client, long lotId) {
        return client.preparedQuery("SELECT e.event_id, e.record_time, e.content FROM event e "
                        + "WHERE e.id IN (SELECT event_pk FROM event_quantity WHERE lot_id = $1) ORDER BY e.event_time, e.seq")
                .execute(Tuple.of(lotId))
                .map(EventRepository::stored);
    }

    static List<StoredEvent> stored(RowSet<Row> rows) {
        List<StoredEvent> events = new ArrayList<>();
        for (Row row : rows) {
            String content = row.getString("content");
            Map<String, Object> document = content.startsWith("{") ? new JsonObject(content).getMap()
                    : Map.of("eventID", row.getString("event_id"));
            events.add(new StoredEvent(row.getString("event_id"), row.getOffsetDateTime("record_time").toInstant(), document));
        }
        return events;
    }
}
