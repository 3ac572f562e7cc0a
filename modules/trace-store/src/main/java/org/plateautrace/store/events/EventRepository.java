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
     * their row ids. Each table gets one multi-row statement (the rows travel as arrays and are
     * unnested by the database), however many events there are.
     */
    public Future<List<Long>> append(SqlConnection tx, List<NewEvent> events) {
        List<EventRow> rows = new ArrayList<>(events.size());
        for (NewEvent e : events) {
            SupplyChainEvent event = e.event();
            rows.add(new EventRow(e.eventId(), event.eventType(), event.action(), event.bizStep(), event.disposition(),
                    event.eventTime(), event.eventTimeZoneOffset(), event.readPoint(), event.bizLocation(), e.partyId(),
                    event.ilmd().isEmpty() ? null : new JsonObject(event.ilmd()).encode(),
                    event.details().isEmpty() ? null : new JsonObject(event.details()).encode(),
                    EventDocument.canonical(e.eventId(), event)));
        }
        return appendRows(tx, rows).compose(pks -> children(tx, events, pks).map(pks));
    }

    /** The columns of one event row; {@code content} is the canonical text the hash chain covers. */
    public record EventRow(String eventId, String eventType, String action, String bizStep, String disposition,
                           java.time.OffsetDateTime eventTime, String eventTimeZoneOffset, String readPoint, String bizLocation,
                           Long partyId, String ilmdJson, String detailsJson, String content) {
    }

    /** Takes the chain lock for the rest of the transaction (appending takes it too; taking it twice is harmless). */
    public static Future<Void> lockChain(SqlConnection tx) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(CHAIN_LOCK)).mapEmpty();
    }

    /**
     * Appends event rows inside the caller's transaction, in order, extending the hash chain, in one
     * multi-row statement; answers their row ids (child rows are the caller's).
     */
    public static Future<List<Long>> appendRows(SqlConnection tx, List<EventRow> events) {
        if (events.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        Future<Void> locked = lockChain(tx);
        // pipelined behind the lock on the same connection: runs once the lock is held
        Future<RowSet<Row>> head = tx.query("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1").execute();
        return Future.all(locked, head).map(both -> head.result())
                .compose(last -> {
                    long seq = 0;
                    byte[] previous = null;
                    if (last.size() > 0) {
                        Row row = last.iterator().next();
                        seq = row.getLong("seq");
                        previous = row.getBuffer("hash").getBytes();
                    }
                    int n = events.size();
                    Columns c = new Columns(16, n);
                    for (EventRow e : events) {
                        byte[] hash = HashChain.next(previous, e.content());
                        c.add(e.eventId(), e.eventType(), e.action(), e.bizStep(), e.disposition(), e.eventTime(),
                                e.eventTimeZoneOffset(), e.readPoint(), e.bizLocation(), e.partyId(), e.ilmdJson(), e.detailsJson(),
                                ++seq, e.content(), previous == null ? null : Buffer.buffer(previous), Buffer.buffer(hash));
                        previous = hash;
                    }
                    long firstSeq = seq - n + 1;
                    return tx.preparedQuery("INSERT INTO event (event_id, event_type, action, biz_step, disposition, event_time, "
                                    + "event_time_zone_offset, read_point, biz_location, party_id, ilmd, details, seq, content, "
                                    + "prev_hash, hash) SELECT a, b, c, d, e, f, g, h, i, j, k::jsonb, l::jsonb, m, o, p, q FROM unnest("
                                    + "$1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], "
                                    + "$8::text[], $9::text[], $10::bigint[], $11::text[], $12::text[], $13::bigint[], $14::text[], "
                                    + "$15::bytea[], $16::bytea[]) AS t(a, b, c, d, e, f, g, h, i, j, k, l, m, o, p, q) RETURNING id, seq")
                            .execute(c.tuple(new Class<?>[]{String.class, String.class, String.class, String.class, String.class,
                                    java.time.OffsetDateTime.class, String.class, String.class, String.class, Long.class, String.class,
                                    String.class, Long.class, String.class, Buffer.class, Buffer.class}))
                            .map(rows -> {
                                Long[] pks = new Long[n];
                                for (Row row : rows) {
                                    pks[(int) (row.getLong("seq") - firstSeq)] = row.getLong("id");
                                }
                                return List.of(pks);
                            });
                });
    }

    private static Future<Void> children(SqlConnection tx, List<NewEvent> events, List<Long> pks) {
        Columns quantities = new Columns(6, events.size());
        Columns parties = new Columns(4, events.size());
        Columns epcs = new Columns(3, events.size());
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            long pk = pks.get(i);
            e.event().quantityLists().forEach((list, elements) -> {
                for (QuantityElement q : elements) {
                    quantities.add(pk, list, q.epcClass(), q.quantity() == null ? null : q.quantity().toPlainString(), q.uom(),
                            e.lotOfClass().get(q.epcClass()));
                }
            });
            if (e.event().aggregation() != null) {
                epcs.add(pk, "parent", e.event().aggregation().parentId());
                e.event().aggregation().childEpcs().forEach(epc -> epcs.add(pk, "child", epc));
            }
            for (PartyRef ref : e.event().sourceList()) {
                parties.add(pk, "source", ref.type(), ref.id());
            }
            for (PartyRef ref : e.event().destinationList()) {
                parties.add(pk, "destination", ref.type(), ref.id());
            }
        }
        // sent together: pipelined on the transaction's connection, run in this order
        return Future.all(insert(tx, quantities, "INSERT INTO event_quantity (event_pk, list, epc_class, quantity, uom, lot_id) "
                        + "SELECT a, b, c, d::numeric, e, f FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], "
                        + "$6::bigint[]) AS t(a, b, c, d, e, f)",
                new Class<?>[]{Long.class, String.class, String.class, String.class, String.class, Long.class}),
                insert(tx, parties, "INSERT INTO event_party (event_pk, list, type, id) "
                        + "SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])",
                        new Class<?>[]{Long.class, String.class, String.class, String.class}),
                insert(tx, epcs, "INSERT INTO event_epc (event_pk, list, epc) "
                        + "SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])",
                        new Class<?>[]{Long.class, String.class, String.class})).mapEmpty();
    }

    /** One multi-row INSERT of the gathered rows (nothing when there are none). */
    public static Future<Void> insert(SqlConnection tx, Columns rows, String sql, Class<?>[] types) {
        return rows.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(sql).execute(rows.tuple(types)).mapEmpty();
    }

    /** Rows gathered column by column, to be sent as one array per column. */
    public static final class Columns {
        private final List<List<Object>> columns = new ArrayList<>();

        public Columns(int count, int expectedRows) {
            for (int i = 0; i < count; i++) {
                columns.add(new ArrayList<>(expectedRows));
            }
        }

        public void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                columns.get(i).add(values[i]);
            }
        }

        public boolean isEmpty() {
            return columns.get(0).isEmpty();
        }

        public Tuple tuple(Class<?>[] types) {
            Tuple tuple = Tuple.tuple();
            for (int i = 0; i < columns.size(); i++) {
                List<Object> column = columns.get(i);
                tuple.addValue(column.toArray((Object[]) java.lang.reflect.Array.newInstance(types[i], column.size())));
            }
            return tuple;
        }
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
