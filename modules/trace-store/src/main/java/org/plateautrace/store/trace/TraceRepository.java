package org.plateautrace.store.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plateautrace.model.JsonText;

/**
 * Genealogy: the graph of lots linked by transformation events, walked backward (to the harvests)
 * or forward (to everything made from a lot) by one recursive query, then described by a fixed number
 * of set-based queries (lots, shipments, holders, sales, pack codes), never one round trip per lot.
 * Rows come back as JSON objects: this is a read model for the API and exports.
 */
public final class TraceRepository {
    private static final String BACKWARD = genealogySql(false);
    private static final String FORWARD = genealogySql(true);

    /** The lots reached from a root and the links between them. */
    public record Graph(long root, Set<Long> lots, List<JsonObject> links) {
    }

    private final SqlClient pool;

    public TraceRepository(SqlClient pool) {
        this.pool = pool;
    }

    /**
     * The recursive walk over lot links from lot $1: backward follows outputs to their inputs, forward
     * inputs to their outputs; answers the distinct links reached (at most 64 levels deep).
     */
    public static String genealogySql(boolean forward) {
        String from = forward ? "input_lot_id" : "output_lot_id";
        String to = forward ? "output_lot_id" : "input_lot_id";
        return "WITH RECURSIVE edges(input_lot_id, output_lot_id, quantity, depth) AS ("
                + " SELECT input_lot_id, output_lot_id, quantity, 1 FROM lot_link WHERE " + from + " = $1"
                + " UNION"
                + " SELECT k.input_lot_id, k.output_lot_id, k.quantity, e.depth + 1 FROM lot_link k"
                + " JOIN edges e ON k." + from + " = e." + to + " WHERE e.depth < 64)"
                + " SELECT DISTINCT input_lot_id, output_lot_id, quantity FROM edges";
    }

    public Future<Graph> graph(SqlClient client, long root, boolean forward) {
        return client.preparedQuery(forward ? FORWARD : BACKWARD).execute(Tuple.of(root)).map(rows -> {
            Set<Long> lots = new LinkedHashSet<>(List.of(root));
            List<JsonObject> links = new ArrayList<>();
            for (Row row : rows) {
                lots.add(row.getLong("input_lot_id"));
                lots.add(row.getLong("output_lot_id"));
                links.add(new JsonObject().put("input", row.getLong("input_lot_id")).put("output", row.getLong("output_lot_id"))
                        .put("quantity", row.getBigDecimal("quantity")));
            }
            return new Graph(root, lots, links);
        });
    }

    public Future<Graph> graph(long root, boolean forward) {
        return graph(pool, root, forward);
    }

    /** Lots by id, oldest first, each naming its product, owner and site by id (see {@link #references}); attributes as %s. */
    private static final String LOTS = "SELECT l.id, l.lot_code AS \"lotCode\", p.gtin, l.quantity, l.unit, l.origin, "
            + "to_char(l.harvested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS \"createdAt\", "
            + "l.recalled_at IS NOT NULL AS recalled, l.recall_reason AS \"recallReason\", %s AS attributes, "
            + "l.product_id AS \"productId\", l.party_id AS \"ownerId\", l.site_id AS \"siteId\" "
            + "FROM lot l JOIN product p ON p.id = l.product_id WHERE l.id = ANY($1) ORDER BY l.harvested_at, l.id";

    /** Lots by id, each naming its product, owner and site by id (see {@link #references}). */
    public Future<List<JsonObject>> lots(Collection<Long> ids) {
        return json(LOTS.formatted("l.attributes"), ids);
    }

    /** The same lots as {@link #lots}, kept as rows until they are written out as JSON. */
    public Future<LotRows> lotRows(Collection<Long> ids) {
        return pool.preparedQuery(LOTS.formatted("l.attributes::text")).execute(Tuple.of((Object) ids(ids))).map(LotRows::new);
    }

    /**
     * Lots as rows, written straight to JSON text when the answer is made (a trace lists hundreds: building
     * an object per lot only to encode it took a good share of the time), each saying whether its cold
     * chain broke.
     */
    public record LotRows(RowSet<Row> rows) {
        private static final JsonFactory JSON = new JsonFactory();

        public JsonText json(Set<Long> coldChainBroken) {
            StringWriter text = new StringWriter(rows.size() * 400 + 2);
            try (JsonGenerator out = JSON.createGenerator(text)) {
                out.writeStartArray();
                for (Row row : rows) {
                    long id = row.getLong("id");
                    out.writeStartObject();
                    out.writeNumberField("id", id);
                    out.writeStringField("lotCode", row.getString("lotCode"));
                    out.writeStringField("gtin", row.getString("gtin"));
                    out.writeNumberField("quantity", row.getBigDecimal("quantity"));
                    out.writeStringField("unit", row.getString("unit"));
                    out.writeStringField("origin", row.getString("origin"));
                    out.writeStringField("createdAt", row.getString("createdAt"));
                    out.writeBooleanField("recalled", row.getBoolean("recalled"));
                    out.writeStringField("recallReason", row.getString("recallReason"));
                    out.writeFieldName("attributes");
                    out.writeRawValue(row.getString("attributes"));
                    out.writeNumberField("productId", row.getLong("productId"));
                    out.writeNumberField("ownerId", row.getLong("ownerId"));
                    out.writeNumberField("siteId", row.getLong("siteId"));
                    out.writeBooleanField("coldChainBroken", coldChainBroken.contains(id));
                    out.writeEndObject();
                }
                out.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new JsonText(text.toString());
        }
    }

    /** The products, parties and sites that lots name, once each, by id. */
    public record References(Map<Long, JsonObject> products, Map<Long, JsonObject> parties, Map<Long, JsonObject> sites) {
    }

    public Future<References> references(Collection<Long> lotIds) {
        return pool.preparedQuery("WITH l AS (SELECT product_id, party_id, site_id FROM lot WHERE id = ANY($1)) SELECT "
                        + "(SELECT json_agg(json_build_object('id', p.id, 'name', json_build_object('zh', p.name_zh, 'en', p.name_en), "
                        + "  'commodity', p.commodity, 'brand', p.brand)) FROM product p WHERE p.id IN (SELECT product_id FROM l)) AS products, "
                        + "(SELECT json_agg(json_build_object('id', pa.id, 'name', pa.name, 'kind', pa.kind)) FROM party pa "
                        + "  WHERE pa.id IN (SELECT party_id FROM l)) AS parties, "
                        + "(SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind, 'county', s.county, "
                        + "  'township', s.township)) FROM site s WHERE s.id IN (SELECT site_id FROM l)) AS sites")
                .execute(Tuple.of((Object) ids(lotIds)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new References(byId((JsonArray) row.getValue("products")), byId((JsonArray) row.getValue("parties")),
                            byId((JsonArray) row.getValue("sites")));
                });
    }

    private static Map<Long, JsonObject> byId(JsonArray objects) {
        Map<Long, JsonObject> byId = new LinkedHashMap<>();
        if (objects != null) {
            objects.forEach(o -> byId.put(((JsonObject) o).getLong("id"), (JsonObject) o));
        }
        return byId;
    }

    public Future<List<JsonObject>> shipments(Collection<Long> lotIds) {
        return json("SELECT sh.id, sh.lot_id AS \"lotId\", sh.quantity, "
                + "json_build_object('id', f.id, 'name', f.name) AS \"from\", json_build_object('id', t.id, 'name', t.name) AS \"to\", "
                + "CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'name', c.name) END AS carrier, "
                + "sh.shipped_at AS \"shippedAt\", sh.received_at AS \"receivedAt\", pr.commodity, pr.cold_chain AS \"coldChain\" "
                + "FROM shipment sh JOIN party f ON f.id = sh.from_party_id JOIN party t ON t.id = sh.to_party_id "
                + "JOIN lot l ON l.id = sh.lot_id JOIN product pr ON pr.id = l.product_id "
                + "LEFT JOIN party c ON c.id = sh.carrier_party_id WHERE sh.lot_id = ANY($1) ORDER BY sh.shipped_at", lotIds);
    }

    /** Names of parties. */
    public Future<List<JsonObject>> parties(Collection<Long> partyIds) {
        return json("SELECT id, name, name_en AS \"nameEn\", kind FROM party WHERE id = ANY($1)", partyIds);
    }

    /** Names and places of sites. */
    public Future<List<JsonObject>> sites(Collection<Long> siteIds) {
        return json("SELECT id, name, kind, county, township FROM site WHERE id = ANY($1)", siteIds);
    }

    /** Certificates on these products, on the sites and on the parties of these lots. */
    public Future<List<JsonObject>> certificates(Collection<Long> lotIds) {
        return json("SELECT DISTINCT c.id, c.type, c.number, c.issuer, c.valid_from AS \"validFrom\", c.valid_to AS \"validTo\" "
                + "FROM certification c JOIN lot l ON c.product_id = l.product_id OR c.site_id = l.site_id OR c.party_id = l.party_id "
                + "WHERE l.id = ANY($1) ORDER BY c.valid_to DESC", lotIds);
    }

    /**
     * The stays of lots in storage at sites that log readings: each storing event of a lot, at its
     * site, until the lot's next storing, shipping, sale or processing (null while it is still
     * there), with the product's cold-chain profile. The sites that log readings are asked for first
     * (one index probe each); where none does, the stays are not looked for at all.
     */
    public Future<List<JsonObject>> stays(Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return loggingSites().compose(sites -> sites.length == 0 ? Future.succeededFuture(List.of()) : pool.preparedQuery(
                "SELECT q.lot_id AS \"lotId\", s.id AS \"siteId\", s.name AS \"siteName\", e.event_time AS \"storedAt\", "
                + "(SELECT min(n.event_time) FROM event_quantity nq JOIN event n ON n.id = nq.event_pk WHERE nq.lot_id = q.lot_id "
                + "  AND n.event_time > e.event_time AND (n.biz_step IN ('storing', 'shipping', 'retail_selling') "
                + "  OR n.event_type = 'TransformationEvent')) AS until, pr.commodity, pr.cold_chain AS \"coldChain\" "
                + "FROM event_quantity q JOIN event e ON e.id = q.event_pk "
                + "JOIN site s ON s.id = split_part(e.biz_location, ':', 4)::bigint "
                + "JOIN lot l ON l.id = q.lot_id JOIN product pr ON pr.id = l.product_id "
                + "WHERE q.lot_id = ANY($1) AND e.biz_step = 'storing' AND s.id = ANY($2) "
                + "ORDER BY e.event_time").execute(Tuple.tuple().addArrayOfLong(ids(lotIds)).addArrayOfLong(sites)).map(TraceRepository::objects));
    }

    /** The sites that have logged readings of their own (not on a shipment), by a skip scan of the readings' site index. */
    private Future<Long[]> loggingSites() {
        return pool.preparedQuery("WITH RECURSIVE logging(site_id) AS ("
                        + " (SELECT site_id FROM sensor_reading WHERE site_id IS NOT NULL ORDER BY site_id LIMIT 1)"
                        + " UNION ALL SELECT (SELECT r.site_id FROM sensor_reading r WHERE r.site_id > g.site_id ORDER BY r.site_id LIMIT 1)"
                        + " FROM logging g WHERE g.site_id IS NOT NULL) "
                        + "SELECT coalesce(array_agg(site_id), '{}') AS sites FROM logging WHERE site_id IS NOT NULL")
                .execute().map(rows -> rows.iterator().next().getArrayOfLongs("sites"));
    }

    /** Readings logged at storage sites (not on a shipment). */
    public Future<List<JsonObject>> siteReadings(Collection<Long> siteIds) {
        return json("SELECT site_id AS \"siteId\", time, measure, value, device FROM sensor_reading "
                + "WHERE site_id = ANY($1) AND shipment_id IS NULL ORDER BY site_id, time", siteIds);
    }

    /** Logger readings of these shipments, in time order. */
    public Future<List<JsonObject>> readings(Collection<Long> shipmentIds) {
        return json("SELECT shipment_id AS \"shipmentId\", time, measure, value, device FROM sensor_reading "
                + "WHERE shipment_id = ANY($1) ORDER BY shipment_id, time", shipmentIds);
    }

    /** Who holds some of these lots now (including goods in transit to them). */
    public Future<List<JsonObject>> holders(Collection<Long> lotIds) {
        return json("SELECT h.lot_id AS \"lotId\", h.quantity, json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, "
                + "'contact', p.contact) AS party, false AS \"inTransit\" FROM holding h JOIN party p ON p.id = h.party_id "
                + "WHERE h.lot_id = ANY($1) AND h.quantity > 0 "
                + "UNION ALL SELECT sh.lot_id, sh.quantity, json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, "
                + "'contact', p.contact), true FROM shipment sh JOIN party p ON p.id = sh.to_party_id "
                + "WHERE sh.lot_id = ANY($1) AND sh.received_at IS NULL", lotIds);
    }

    public Future<List<JsonObject>> sales(Collection<Long> lotIds) {
        return json("SELECT q.lot_id AS \"lotId\", q.quantity, q.uom, e.event_time AS \"time\", e.details->>'channel' AS channel, "
                + "json_build_object('id', p.id, 'name', p.name) AS seller FROM event_quantity q JOIN event e ON e.id = q.event_pk "
                + "JOIN party p ON p.id = e.party_id WHERE q.lot_id = ANY($1) AND e.biz_step = 'retail_selling' ORDER BY e.event_time",
                lotIds);
    }

    /** Pack codes per lot. */
    public Future<List<JsonObject>> codeCounts(Collection<Long> lotIds) {
        return json("SELECT lot_id AS \"lotId\", count(*) AS count FROM trace_code WHERE lot_id = ANY($1) GROUP BY lot_id", lotIds);
    }

    /** Up to {@code limit} pack codes (gtin, lot code, serial) of these lots. */
    public Future<List<JsonObject>> codes(Collection<Long> lotIds, int limit) {
        return pool.preparedQuery("SELECT c.gtin, l.lot_code AS \"lotCode\", c.serial FROM trace_code c JOIN lot l ON l.id = c.lot_id "
                        + "WHERE c.lot_id = ANY($1) ORDER BY c.lot_id, c.batch_id, c.seq LIMIT $2")
                .execute(Tuple.of(ids(lotIds), limit)).map(TraceRepository::objects);
    }

    /** Every event naming one of these lots, oldest first, with its key data elements for an FSMA 204 sortable history. */
    public Future<List<JsonObject>> history(Collection<Long> lotIds) {
        return json("SELECT e.event_time AS \"time\", e.event_type AS \"type\", e.biz_step AS \"bizStep\", e.disposition, "
                + "q.list, l.lot_code AS \"lotCode\", pr.gtin, pr.name_en AS product, q.quantity, q.uom, "
                + "(SELECT string_agg(ep.id, ' ') FROM event_party ep WHERE ep.event_pk = e.id AND ep.list = 'source') AS \"from\", "
                + "(SELECT string_agg(ep.id, ' ') FROM event_party ep WHERE ep.event_pk = e.id AND ep.list = 'destination') AS \"to\", "
                + "coalesce(e.biz_location, e.read_point) AS location, pa.name AS party, e.details::text AS reference, "
                + "e.event_id AS \"eventId\" "
                + "FROM event_quantity q JOIN event e ON e.id = q.event_pk JOIN lot l ON l.id = q.lot_id "
                + "JOIN product pr ON pr.id = l.product_id LEFT JOIN party pa ON pa.id = e.party_id "
                + "WHERE q.lot_id = ANY($1) ORDER BY e.event_time, e.seq, q.list", lotIds);
    }

    private Future<List<JsonObject>> json(String sql, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return pool.preparedQuery(sql).execute(Tuple.of((Object) ids(ids))).map(TraceRepository::objects);
    }

    /** Each row as a JSON object by column name (times as ISO-8601 text). */
    public static List<JsonObject> objects(RowSet<Row> rows) {
        List<JsonObject> objects = new ArrayList<>();
        for (Row row : rows) {
            JsonObject object = new JsonObject();
            for (int i = 0; i < row.size(); i++) {
                Object value = row.getValue(i);
                object.put(row.getColumnName(i), value instanceof java.time.OffsetDateTime time
                        ? java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)
                        : value instanceof java.time.temporal.Temporal ? value.toString()
                        : value instanceof JsonArray || value instanceof JsonObject || value == null || value instanceof Number
                        || value instanceof Boolean ? value : value.toString());
            }
            objects.add(object);
        }
        return objects;
    }

    private static Long[] ids(Collection<Long> ids) {
        return ids.toArray(new Long[0]);
    }
}
