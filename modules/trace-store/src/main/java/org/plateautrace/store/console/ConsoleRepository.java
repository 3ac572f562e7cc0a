package org.plateautrace.store.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;
import org.plateautrace.store.events.SupplyChainRepository;
import org.plateautrace.store.trace.TraceRepository;

/** Read models of the operator console's screens: what a party holds, its shipments, a lot's cases, the regulator's dashboard. */
public final class ConsoleRepository {
    private final SqlClient pool;

    public ConsoleRepository(SqlClient pool) {
        this.pool = pool;
    }

    /** Lots the party holds some of (its own harvests and what it received), newest first. */
    public Future<List<JsonObject>> holdings(long partyId) {
        return rows("SELECT l.id, l.lot_code AS \"lotCode\", h.quantity AS held, l.unit, l.party_id AS \"ownerId\", "
                + "l.recalled_at IS NOT NULL AS recalled, p.id AS \"productId\", p.name_zh AS \"productZh\", p.name_en AS \"productEn\", "
                + "p.commodity FROM holding h JOIN lot l ON l.id = h.lot_id JOIN product p ON p.id = l.product_id "
                + "WHERE h.party_id = $1 AND h.quantity > 0 ORDER BY l.id DESC LIMIT 500", Tuple.of(partyId));
    }

    /** Shipments to the party ({@code incoming}) or from it, those not yet received first, newest first. */
    public Future<List<JsonObject>> shipments(long partyId, boolean incoming) {
        return rows("SELECT sh.id, sh.lot_id AS \"lotId\", l.lot_code AS \"lotCode\", sh.quantity, l.unit, "
                + "p.name_zh AS \"productZh\", p.name_en AS \"productEn\", f.id AS \"fromId\", f.name AS \"fromName\", "
                + "t.id AS \"toId\", t.name AS \"toName\", sh.to_site_id AS \"toSiteId\", c.name AS \"carrierName\", "
                + "sh.shipped_at AS \"shippedAt\", sh.received_at AS \"receivedAt\" FROM shipment sh "
                + "JOIN lot l ON l.id = sh.lot_id JOIN product p ON p.id = l.product_id JOIN party f ON f.id = sh.from_party_id "
                + "JOIN party t ON t.id = sh.to_party_id LEFT JOIN party c ON c.id = sh.carrier_party_id "
                + "WHERE " + (incoming ? "sh.to_party_id" : "sh.from_party_id") + " = $1 "
                + "ORDER BY sh.received_at IS NULL DESC, sh.shipped_at DESC LIMIT 200", Tuple.of(partyId));
    }

    /** Shipments a carrier carries (for its readings upload), not yet received first. */
    public Future<List<JsonObject>> carried(long partyId) {
        return rows("SELECT sh.id, sh.lot_id AS \"lotId\", l.lot_code AS \"lotCode\", sh.quantity, l.unit, f.name AS \"fromName\", "
                + "t.name AS \"toName\", sh.shipped_at AS \"shippedAt\", sh.received_at AS \"receivedAt\" FROM shipment sh "
                + "JOIN lot l ON l.id = sh.lot_id JOIN party f ON f.id = sh.from_party_id JOIN party t ON t.id = sh.to_party_id "
                + "WHERE sh.carrier_party_id = $1 ORDER BY sh.received_at IS NULL DESC, sh.shipped_at DESC LIMIT 200", Tuple.of(partyId));
    }

    /**
     * Where each pack code and case the lot's packing events name is now, by the one placement rule
     * ({@link SupplyChainRepository#placements}), also when a later event of another lot moved it (a case of this lot
     * put onto a pallet with other lots' cases): {@code epc}, {@code action} (ADD: in {@code parent}; DELETE: taken
     * out), {@code parent}, {@code time}.
     */
    public Future<List<JsonObject>> packedChildren(long lotId) {
        return rows("SELECT epc, action, parent, event_time AS time FROM (" + SupplyChainRepository.placements("ARRAY("
                + "SELECT DISTINCT x.epc FROM event_quantity q JOIN event e ON e.id = q.event_pk AND e.event_type = 'AggregationEvent' "
                + "JOIN event_epc x ON x.event_pk = e.id WHERE q.lot_id = $1 AND q.list = 'child')") + ") AS placed", Tuple.of(lotId));
    }

    /** How many pack codes the lot has ({@code codes}), and its first {@code limit} serials in issue order not among {@code packed} ({@code next}). */
    public Future<JsonObject> unpackedCodes(long lotId, List<String> packed, int limit) {
        return pool.preparedQuery("SELECT (SELECT count(*) FROM trace_code WHERE lot_id = $1) AS codes, "
                        // an anti-join, hashed: "serial <> ALL($2)" compares every code with every packed one
                        // (1.7 s for a lot of 10,000 codes all packed, against 9 ms)
                        + "ARRAY(SELECT t.serial FROM trace_code t WHERE t.lot_id = $1 "
                        + "AND NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS p(serial) WHERE p.serial = t.serial) "
                        + "ORDER BY t.batch_id, t.seq LIMIT $3) AS next")
                .execute(Tuple.of(lotId, packed.toArray(new String[0]), limit)).map(rows -> {
                    Row row = rows.iterator().next();
                    return new JsonObject().put("codes", row.getLong("codes"))
                            .put("next", new JsonArray(List.of(row.getArrayOfStrings("next"))));
                });
    }

    public Future<List<JsonObject>> lotsByCommodityAndCounty() {
        return rows("SELECT p.commodity, s.county, count(*) AS lots FROM lot l JOIN product p ON p.id = l.product_id "
                + "JOIN site s ON s.id = l.site_id GROUP BY p.commodity, s.county ORDER BY p.commodity, s.county", Tuple.tuple());
    }

    /** Certificates whose last valid day is between {@code from} and {@code to}, soonest first. */
    public Future<List<JsonObject>> certificatesExpiring(LocalDate from, LocalDate to) {
        return rows("SELECT c.id, c.type, c.number, c.issuer, c.valid_to AS \"validTo\", pa.name AS \"ownerName\" "
                + "FROM certification c JOIN party pa ON pa.id = c.owner_party_id WHERE c.valid_to BETWEEN $1 AND $2 "
                + "ORDER BY c.valid_to, c.id LIMIT 200", Tuple.of(from, to));
    }

    /** Shipments whose stored cold-chain verdict is older than their readings, with what judging needs. */
    public Future<List<JsonObject>> staleColdChainVerdicts(int limit) {
        return rows("SELECT sh.id, sh.readings_version AS version, pr.commodity, pr.cold_chain AS \"coldChain\" FROM shipment sh "
                + "JOIN lot l ON l.id = sh.lot_id JOIN product pr ON pr.id = l.product_id "
                + "WHERE sh.readings_version > sh.cold_chain_version ORDER BY sh.id LIMIT $1", Tuple.of(limit));
    }

    /** A shipment's cold-chain verdict as judged from its readings at {@code readingsVersion}. */
    public record ColdChainVerdict(long shipmentId, boolean held, int excursions, int readingsVersion) {
    }

    /** Stores verdicts; one whose shipment got more readings meanwhile is not stored and stays stale. */
    public Future<Void> storeColdChainVerdicts(List<ColdChainVerdict> verdicts) {
        return verdicts.isEmpty() ? Future.succeededFuture() : pool.preparedQuery("UPDATE shipment SET cold_chain_held = $2, "
                + "cold_chain_excursions = $3, cold_chain_version = $4 WHERE id = $1 AND readings_version = $4")
                .executeBatch(verdicts.stream().map(v -> Tuple.of(v.shipmentId(), v.held(), v.excursions(), v.readingsVersion())).toList())
                .mapEmpty();
    }

    /** How many shipments broke their cold chain, as last judged. */
    public Future<Long> brokenColdChainCount() {
        return pool.preparedQuery("SELECT count(*) FROM shipment WHERE cold_chain_held = false").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The lots of the newest shipments that broke their cold chain. */
    public Future<List<Long>> lotsWithBrokenColdChain(int limit) {
        return pool.preparedQuery("SELECT lot_id, max(id) AS newest FROM shipment WHERE cold_chain_held = false "
                        + "GROUP BY lot_id ORDER BY newest DESC LIMIT $1")
                .execute(Tuple.of(limit)).map(rows -> {
                    List<Long> ids = new java.util.ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids;
                });
    }

    public Future<List<JsonObject>> recalls() {
        return rows("SELECT l.id, l.lot_code AS \"lotCode\", l.recall_reason AS reason, l.recalled_at AS \"recalledAt\", "
                + "p.name_zh AS \"productZh\", p.name_en AS \"productEn\", pa.name AS \"ownerName\" FROM lot l "
                + "JOIN product p ON p.id = l.product_id JOIN party pa ON pa.id = l.party_id "
                + "WHERE l.recalled_at IS NOT NULL ORDER BY l.recalled_at DESC, l.id DESC LIMIT 100", Tuple.tuple());
    }

    public Future<List<JsonObject>> scansByRegion() {
        return rows("SELECT coalesce(region, '') AS region, count(*) AS scans FROM scan GROUP BY 1 ORDER BY 2 DESC LIMIT 20",
                Tuple.tuple());
    }

    /** Pack codes scanned more than {@code times} times or from more than one region (the resolver's signals). */
    public Future<List<JsonObject>> suspiciousCodes(int times) {
        return rows("SELECT s.lot_id AS \"lotId\", l.lot_code AS \"lotCode\", s.serial, count(*) AS scans, "
                + "count(DISTINCT s.region) AS regions FROM scan s JOIN lot l ON l.id = s.lot_id WHERE s.serial IS NOT NULL "
                + "GROUP BY s.lot_id, l.lot_code, s.serial HAVING count(*) > $1 OR count(DISTINCT s.region) > 1 "
                + "ORDER BY count(*) DESC LIMIT 50", Tuple.of(times));
    }

    public Future<List<JsonObject>> feedback() {
        return rows("SELECT f.id, f.lot_id AS \"lotId\", l.lot_code AS \"lotCode\", f.category, f.text, f.created_at AS \"createdAt\" "
                + "FROM feedback f JOIN lot l ON l.id = f.lot_id ORDER BY f.created_at DESC, f.id DESC LIMIT 50", Tuple.tuple());
    }

    public Future<List<JsonObject>> feedbackByCategory() {
        return rows("SELECT category, count(*) AS reports FROM feedback GROUP BY category ORDER BY 2 DESC", Tuple.tuple());
    }

    private Future<List<JsonObject>> rows(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).map(TraceRepository::objects);
    }
}
