package org.plateautrace.store.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plateautrace.model.Codes;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.coldchain.Reading;
import org.plateautrace.model.events.ChainState;
import org.plateautrace.model.events.ChainState.LotState;
import org.plateautrace.model.events.ChainState.ProductState;
import org.plateautrace.model.events.ChainState.ShipmentState;
import org.plateautrace.model.events.Recorder;
import org.plateautrace.model.events.Recording;
import org.plateautrace.model.events.Recording.HoldingChange;
import org.plateautrace.model.events.Recording.LotLink;
import org.plateautrace.model.events.Recording.NewLot;
import org.plateautrace.model.events.Recording.NewShipment;
import org.plateautrace.model.events.Recording.Recorded;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.model.lots.Unit;
import org.plateautrace.model.registry.PartyKind;
import org.plateautrace.store.events.EventRepository.NewEvent;

/**
 * Loads the part of the record a batch of events touches into a {@link ChainState} (a handful of
 * queries with id arrays, whatever the batch size), and writes a {@link Recording} back with batched
 * statements, all inside one transaction.
 */
public final class SupplyChainRepository {
    private static final String LOTS = "SELECT l.id, l.party_id, l.product_id, p.gtin, l.lot_code, l.unit, l.harvested_at, "
            + "l.harvest_utc_offset, l.recalled_at IS NOT NULL AS recalled FROM lot l JOIN product p ON p.id = l.product_id "
            + "WHERE l.id = ANY($1)";
    private final EventRepository events = new EventRepository();

    /**
     * What the batch names: ids of lots, shipments, sites, parties and products, candidate eventIDs, pack code serials
     * and the EPCs of the cases it packs or unpacks.
     */
    public record Wanted(Collection<Long> lots, Collection<Long> shipments, Collection<Long> sites, Collection<Long> parties,
                         Collection<Long> products, Collection<String> eventIds, Collection<String> serials,
                         Collection<String> cases) {
    }

    /**
     * The one rule of where a child (a pack code or a case's SSCC, as its EPC) is: the newest of our own packing and
     * unpacking events naming it (those tied to a lot, not EPCIS captures of other companies' data), by event time,
     * then as recorded. A query of that for each EPC {@code children} yields (a text array expression); its columns
     * are {@code epc}, {@code action} (ADD: in {@code parent}; DELETE: taken out of it), {@code parent},
     * {@code event_time} and {@code event_time_zone_offset}.
     */
    public static String placements(String children) {
        return "SELECT DISTINCT ON (c.epc) c.epc, e.action, p.epc AS parent, e.event_time, "
                + "e.event_time_zone_offset FROM event_epc c JOIN event e ON e.id = c.event_pk AND e.event_type = 'AggregationEvent' "
                + "JOIN event_epc p ON p.event_pk = e.id AND p.list = 'parent' "
                + "WHERE c.epc = ANY(" + children + ") AND c.list = 'child' "
                + "AND EXISTS (SELECT 1 FROM event_quantity q WHERE q.event_pk = e.id AND q.list = 'child' AND q.lot_id IS NOT NULL) "
                + "ORDER BY c.epc, e.event_time DESC, e.seq DESC";
    }

    private static final String PLACEMENTS = placements("$1");

    /**
     * Packing requests that move the same pack codes or cases wait for each other until commit, whichever lots
     * they name (the holding locks only serialise requests on one lot), so that each code has one place.
     * Two-key advisory locks, in key order; they never meet the one-key lock of the event chain.
     */
    private static final int PLACE_LOCKS = 0x504c4143;
    private static final String LOCK_PLACES = "SELECT pg_advisory_xact_lock(" + PLACE_LOCKS + ", k) FROM "
            + "(SELECT DISTINCT hashtext(epc) AS k FROM unnest($1::text[]) AS c(epc) ORDER BY k) AS keys";

    public Future<ChainState> load(SqlConnection tx, Wanted wanted) {
        ChainState state = new ChainState();
        Map<Long, LotState> loaded = new HashMap<>();
        List<String> children = new ArrayList<>(wanted.cases());
        return tx.preparedQuery("SELECT id, lot_id, quantity, from_party_id, from_site_id, to_party_id, to_site_id, "
                        + "carrier_party_id, shipped_at, received_at IS NOT NULL AS received FROM shipment WHERE id = ANY($1) FOR UPDATE")
                .execute(Tuple.of(ids(wanted.shipments())))
                .compose(rows -> {
                    List<Long> lots = new ArrayList<>(wanted.lots());
                    for (Row row : rows) {
                        state.shipment(new ShipmentState(row.getLong("id"), row.getLong("lot_id"), row.getBigDecimal("quantity"),
                                row.getLong("from_party_id"), row.getLong("from_site_id"), row.getLong("to_party_id"),
                                row.getLong("to_site_id"), row.getLong("carrier_party_id"),
                                row.getOffsetDateTime("shipped_at"), row.getBoolean("received")));
                        lots.add(row.getLong("lot_id"));
                    }
                    Long[] lotIds = ids(lots);
                    return tx.preparedQuery(LOTS).execute(Tuple.of((Object) lotIds))
                            .compose(lotRows -> {
                                lotRows.forEach(row -> {
                                    LotState lot = lot(row);
                                    loaded.put(lot.id(), lot);
                                    state.lot(lot);
                                });
                                return tx.preparedQuery("SELECT lot_id, party_id, quantity FROM holding WHERE lot_id = ANY($1) "
                                        + "ORDER BY lot_id, party_id FOR UPDATE").execute(Tuple.of((Object) lotIds));
                            });
                })
                .compose(rows -> {
                    rows.forEach(row -> state.holding(row.getLong("lot_id"), row.getLong("party_id"), row.getBigDecimal("quantity")));
                    // independent reads: sent together, pipelined on the transaction's connection
                    Future<RowSet<Row>> sites = tx.preparedQuery("SELECT id, party_id FROM site WHERE id = ANY($1)")
                            .execute(Tuple.of((Object) ids(wanted.sites())));
                    Future<RowSet<Row>> parties = tx.preparedQuery("SELECT id, kind FROM party WHERE id = ANY($1)")
                            .execute(Tuple.of((Object) ids(wanted.parties())));
                    Future<RowSet<Row>> products = tx.preparedQuery("SELECT id, party_id, gtin, commodity, unit FROM product WHERE id = ANY($1)")
                            .execute(Tuple.of((Object) ids(wanted.products())));
                    Future<RowSet<Row>> codes = tx.preparedQuery("SELECT lot_id, serial FROM trace_code WHERE lot_id = ANY($1) AND serial = ANY($2)")
                            .execute(Tuple.of((Object) ids(wanted.lots()), (Object) wanted.serials().toArray(new String[0])));
                    Future<List<String>> existing = events.existing(tx, new ArrayList<>(wanted.eventIds()));
                    return Future.all(sites, parties, products, codes, existing).map(all -> {
                        sites.result().forEach(row -> state.site(row.getLong("id"), row.getLong("party_id")));
                        parties.result().forEach(row -> state.party(row.getLong("id"),
                                Codes.parse(PartyKind.class, row.getString("kind"), "party kind")));
                        products.result().forEach(row -> state.product(new ProductState(row.getLong("id"), row.getLong("party_id"),
                                new Gtin(row.getString("gtin")), row.getString("commodity"), Unit.parse(row.getString("unit")))));
                        codes.result().forEach(row -> {
                            state.code(row.getLong("lot_id"), row.getString("serial"));
                            children.add(Recorder.packEpc(loaded.get(row.getLong("lot_id")), row.getString("serial")));
                        });
                        existing.result().forEach(state::recorded);
                        return state;
                    });
                })
                // two statements: the read takes its snapshot only after the lock waited for the other request's commit
                .compose(loadedState -> {
                    if (children.isEmpty()) {
                        return Future.succeededFuture(loadedState);
                    }
                    Tuple epcs = Tuple.of((Object) children.toArray(new String[0]));
                    return tx.preparedQuery(LOCK_PLACES).execute(epcs).compose(locked -> tx.preparedQuery(PLACEMENTS).execute(epcs)).map(rows -> {
                        rows.forEach(row -> loadedState.placement(row.getString("epc"),
                                "ADD".equals(row.getString("action")) ? row.getString("parent") : null,
                                row.getOffsetDateTime("event_time").withOffsetSameInstant(ZoneOffset.of(row.getString("event_time_zone_offset")))));
                        return loadedState;
                    });
                });
    }

    /** Reserves ids for the lots and shipments a batch may create, so they are known before writing. */
    public Future<Recorder.Ids> reserve(SqlConnection tx, int lots, int shipments) {
        return sequence(tx, "lot_id_seq", lots).compose(lotIds -> sequence(tx, "shipment_id_seq", shipments)
                .map(shipmentIds -> new Recorder.Ids() {
                    @Override
                    public long nextLotId() {
                        return lotIds.pop();
                    }

                    @Override
                    public long nextShipmentId() {
                        return shipmentIds.pop();
                    }
                }));
    }

    /** Writes every accepted, new event of the recording and what it changes. */
    public Future<Void> write(SqlConnection tx, long actor, Recording recording) {
        List<Recorded> fresh = recording.events().stream().filter(r -> !r.duplicate()).toList();
        List<Tuple> lots = new ArrayList<>();
        java.util.Map<List<Long>, java.math.BigDecimal> holdingDeltas = new java.util.LinkedHashMap<>();
        List<Tuple> shipments = new ArrayList<>();
        List<Tuple> received = new ArrayList<>();
        for (Recorded r : fresh) {
            for (NewLot lot : r.effects().lots()) {
                lots.add(Tuple.from(new Object[]{lot.id(), lot.partyId(), lot.productId(), lot.siteId(), lot.lotCode().value(),
                        lot.quantity().value(), lot.quantity().unit().code(), lot.createdAt(), lot.createdAt().getOffset().getId(),
                        new JsonObject(lot.attributes())}));
            }
            for (HoldingChange change : r.effects().holdings()) {
                holdingDeltas.merge(List.of(change.lotId(), change.partyId()), change.delta(), java.math.BigDecimal::add);
            }
            NewShipment s = r.effects().shipment();
            if (s != null) {
                shipments.add(Tuple.from(new Object[]{s.id(), s.lotId(), s.quantity(), s.fromPartyId(), s.fromSiteId(), s.toPartyId(),
                        s.toSiteId(), s.carrierPartyId(), s.shippedAt()}));
            }
            if (r.effects().receivedShipmentId() != null) {
                received.add(Tuple.of(r.effects().receivedShipmentId(), r.event().eventTime()));
            }
        }
        // statements without a dependency on an answer are sent together (pipelined; run in this order)
        return Future.all(batch(tx, "INSERT INTO lot (id, party_id, product_id, site_id, lot_code, quantity, unit, harvested_at, "
                        + "harvest_utc_offset, attributes, origin) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'processing')", lots),
                batch(tx, "INSERT INTO holding (lot_id, party_id, quantity) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (lot_id, party_id) DO UPDATE SET quantity = holding.quantity + excluded.quantity",
                        holdingRows(holdingDeltas, 1)),
                batch(tx, "UPDATE holding SET quantity = quantity + $3 WHERE lot_id = $1 AND party_id = $2",
                        holdingRows(holdingDeltas, -1)))
                .compose(v -> events.append(tx, fresh.stream()
                        .map(r -> new NewEvent(r.eventId(), actor, r.event(), r.effects().lotOfClass())).toList()))
                .compose(pks -> {
                    List<Tuple> links = new ArrayList<>();
                    List<Tuple> readings = new ArrayList<>();
                    List<Tuple> newShipments = new ArrayList<>();
                    List<Tuple> receipts = new ArrayList<>();
                    java.util.Set<Long> shipmentsWithReadings = new java.util.TreeSet<>();
                    for (int i = 0; i < fresh.size(); i++) {
                        Recorded r = fresh.get(i);
                        long pk = pks.get(i);
                        for (LotLink link : r.effects().links()) {
                            links.add(Tuple.of(link.inputLotId(), link.outputLotId(), pk, link.quantity()));
                        }
                        if (r.effects().readings() != null) {
                            if (r.effects().readings().shipmentId() != null) {
                                shipmentsWithReadings.add(r.effects().readings().shipmentId());
                            }
                            for (Reading reading : r.effects().readings().readings()) {
                                readings.add(Tuple.from(new Object[]{pk, r.effects().readings().shipmentId(),
                                        r.effects().readings().siteId(), reading.device(), reading.time(),
                                        reading.measure().type(), reading.value()}));
                            }
                        }
                        if (r.effects().shipment() != null) {
                            newShipments.add(shipments.remove(0).addLong(pk));
                        }
                        if (r.effects().receivedShipmentId() != null) {
                            receipts.add(received.remove(0).addLong(pk));
                        }
                    }
                    return Future.all(batch(tx, "INSERT INTO shipment (id, lot_id, quantity, from_party_id, from_site_id, to_party_id, "
                                    + "to_site_id, carrier_party_id, shipped_at, shipped_event_pk) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                            newShipments),
                            batch(tx, "UPDATE shipment SET received_at = $2, received_event_pk = $3 WHERE id = $1", receipts),
                            batch(tx, "INSERT INTO lot_link (input_lot_id, output_lot_id, event_pk, quantity) VALUES ($1, $2, $3, $4)", links),
                            batch(tx, "INSERT INTO sensor_reading (event_pk, shipment_id, site_id, device, time, measure, value) "
                                    + "VALUES ($1, $2, $3, $4, $5, $6, $7)", readings),
                            // the shipment's stored cold-chain verdict is stale until judged again with these readings
                            batch(tx, "UPDATE shipment SET readings_version = readings_version + 1 WHERE id = ANY($1)",
                                    shipmentsWithReadings.isEmpty() ? List.of() : List.of(Tuple.of(shipmentsWithReadings.toArray(Long[]::new)))))
                            .mapEmpty();
                });
    }

    /** Net holding changes of one sign: gains may create a holding, losses only reduce an existing one. */
    private static List<Tuple> holdingRows(java.util.Map<List<Long>, java.math.BigDecimal> deltas, int sign) {
        List<Tuple> rows = new ArrayList<>();
        deltas.forEach((key, delta) -> {
            if (delta.signum() == sign) {
                rows.add(Tuple.of(key.get(0), key.get(1), delta));
            }
        });
        return rows;
    }

    private static Future<Void> batch(SqlConnection tx, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(sql).executeBatch(rows).mapEmpty();
    }

    private static Future<Deque<Long>> sequence(SqlConnection tx, String name, int count) {
        if (count == 0) {
            return Future.succeededFuture(new ArrayDeque<>());
        }
        return tx.preparedQuery("SELECT nextval($1::regclass) AS id FROM generate_series(1, $2)").execute(Tuple.of(name, count))
                .map(rows -> {
                    Deque<Long> ids = new ArrayDeque<>();
                    rows.forEach(row -> ids.add(row.getLong("id")));
                    return ids;
                });
    }

    private static LotState lot(Row row) {
        return new LotState(row.getLong("id"), row.getLong("party_id"), row.getLong("product_id"), new Gtin(row.getString("gtin")),
                new LotCode(row.getString("lot_code")), Unit.parse(row.getString("unit")),
                row.getOffsetDateTime("harvested_at").withOffsetSameInstant(ZoneOffset.of(row.getString("harvest_utc_offset"))),
                row.getBoolean("recalled"));
    }

    private static Long[] ids(Collection<Long> ids) {
        return Set.copyOf(ids).toArray(new Long[0]);
    }
}
