package org.plateautrace.store.scan;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;
import org.plateautrace.model.scan.ScanSignals.Scan;

/** Public scans of codes and public feedback. */
public final class ScanRepository {
    /** Nothing of lot $1 is held or in transit any more (all sold, consumed or gone). */
    private static final String SOLD_OUT = "coalesce((SELECT sum(quantity) FROM holding WHERE lot_id = $1), 0) = 0 "
            + "AND NOT EXISTS (SELECT 1 FROM shipment WHERE lot_id = $1 AND received_at IS NULL) "
            + "AND EXISTS (SELECT 1 FROM event_quantity q JOIN event e ON e.id = q.event_pk "
            + "WHERE q.lot_id = $1 AND e.biz_step = 'retail_selling')";

    /** The previous scan with a known region came from elsewhere, within $7 seconds of this one. */
    private static final String DISTANT = "(excluded.last_region IS NOT NULL AND t.last_region IS NOT NULL "
            + "AND t.last_region <> excluded.last_region AND excluded.last_region_at - t.last_region_at <= $7 * interval '1 second')";

    private final SqlClient pool;

    public ScanRepository(SqlClient pool) {
        this.pool = pool;
    }

    /** The lot a pack code (GTIN + serial) belongs to. */
    public Future<Optional<Long>> lotOfSerial(String gtin, String serial) {
        return pool.preparedQuery("SELECT lot_id FROM trace_code WHERE gtin = $1 AND serial = $2").execute(Tuple.of(gtin, serial))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("lot_id")));
    }

    /**
     * What one resolution needs from the database, read in the statement that records the scan: the
     * code's scans with this one counted, the first one, the first pair of scans from different
     * regions within the window (null when none), whether its lot is sold out (lot-level codes only),
     * and the data version (newest event, registry stamp) that says whether a kept story is current.
     */
    public record Resolution(long scans, Scan first, String distantFrom, String distantTo, boolean soldOut, String dataVersion) {
    }

    /** Records a scan of a code (a null serial means the lot-level code) and reads what the resolver needs. */
    public Future<Resolution> record(long lotId, String gtin, String serial, String region, byte[] clientHash, String agentClass,
                                     Duration distantWindow) {
        return pool.preparedQuery("WITH ins AS (INSERT INTO scan (lot_id, gtin, serial, region, client_hash, agent_class) "
                        + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING scanned_at), "
                        + "tally AS (INSERT INTO scan_tally AS t (lot_id, serial, total, first_at, first_region, last_region, last_region_at) "
                        + " SELECT $1, coalesce($3, ''), 1, scanned_at, $4, $4, CASE WHEN $4::text IS NULL THEN NULL ELSE scanned_at END FROM ins "
                        + " ON CONFLICT (lot_id, serial) DO UPDATE SET total = t.total + 1, "
                        + " distant_from = CASE WHEN t.distant_from IS NOT NULL THEN t.distant_from WHEN " + DISTANT + " THEN t.last_region END, "
                        + " distant_to = CASE WHEN t.distant_from IS NOT NULL THEN t.distant_to WHEN " + DISTANT + " THEN excluded.last_region END, "
                        + " last_region = coalesce(excluded.last_region, t.last_region), "
                        + " last_region_at = CASE WHEN excluded.last_region IS NULL THEN t.last_region_at ELSE excluded.last_region_at END "
                        + " RETURNING total, first_at, first_region, distant_from, distant_to) "
                        + "SELECT tally.*, ($3::varchar IS NULL AND " + SOLD_OUT + ") AS sold_out, "
                        + "(SELECT seq FROM event ORDER BY seq DESC LIMIT 1) AS head, "
                        + "(SELECT last_value FROM registry_version) AS registry FROM tally")
                .execute(Tuple.of(lotId, gtin, serial, region, Buffer.buffer(clientHash), agentClass)
                        .addLong(distantWindow.toSeconds()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Resolution(row.getLong("total"), new Scan(row.getOffsetDateTime("first_at").toInstant(),
                            row.getString("first_region")), row.getString("distant_from"), row.getString("distant_to"),
                            row.getBoolean("sold_out"), row.getLong("head") + "/" + row.getLong("registry"));
                });
    }

    /** Scans of a lot's codes per day and region, and the pack codes scanned most. */
    public Future<JsonObject> summary(long lotId, int maxPackScans) {
        return pool.preparedQuery("SELECT "
                        + "(SELECT count(*) FROM scan WHERE lot_id = $1) AS total, "
                        + "(SELECT coalesce(json_agg(d ORDER BY d.day), '[]') FROM (SELECT to_char(scanned_at AT TIME ZONE 'Asia/Shanghai', "
                        + "'YYYY-MM-DD') AS day, count(*) AS scans FROM scan WHERE lot_id = $1 GROUP BY 1) d) AS \"byDay\", "
                        + "(SELECT coalesce(json_agg(r ORDER BY r.scans DESC), '[]') FROM (SELECT coalesce(region, 'unknown') AS region, "
                        + "count(*) AS scans FROM scan WHERE lot_id = $1 GROUP BY 1) r) AS \"byRegion\", "
                        + "(SELECT coalesce(json_agg(c ORDER BY c.scans DESC), '[]') FROM (SELECT serial, count(*) AS scans, "
                        + "count(DISTINCT region) AS regions FROM scan WHERE lot_id = $1 AND serial IS NOT NULL GROUP BY serial "
                        + "HAVING count(*) > $2 OR count(DISTINCT region) > 1 ORDER BY count(*) DESC LIMIT 100) c) AS \"suspiciousCodes\"")
                .execute(Tuple.of(lotId, maxPackScans))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new JsonObject().put("lotId", lotId).put("scans", row.getLong("total"))
                            .put("byDay", row.getValue("byDay")).put("byRegion", row.getValue("byRegion"))
                            .put("suspiciousCodes", row.getValue("suspiciousCodes"));
                });
    }

    /** How much feedback this client sent in the last hour (for rate limiting). */
    public Future<Long> recentFeedback(byte[] clientHash) {
        return pool.preparedQuery("SELECT count(*) AS n FROM feedback WHERE client_hash = $1 AND created_at > now() - interval '1 hour'")
                .execute(Tuple.of(Buffer.buffer(clientHash))).map(rows -> rows.iterator().next().getLong("n"));
    }

    public Future<Long> addFeedback(long lotId, String serial, String category, String text, String contact, byte[] clientHash) {
        return pool.preparedQuery("INSERT INTO feedback (lot_id, serial, category, text, contact, client_hash) "
                        + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
                .execute(Tuple.of(lotId, serial, category, text, contact, Buffer.buffer(clientHash)))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Future<JsonArray> feedback(long lotId) {
        return pool.preparedQuery("SELECT coalesce(json_agg(json_build_object('id', id, 'serial', serial, 'category', category, "
                        + "'text', text, 'contact', contact, 'createdAt', created_at) ORDER BY created_at DESC), '[]') AS items "
                        + "FROM feedback WHERE lot_id = $1")
                .execute(Tuple.of(lotId)).map(rows -> (JsonArray) rows.iterator().next().getValue("items"));
    }
}
