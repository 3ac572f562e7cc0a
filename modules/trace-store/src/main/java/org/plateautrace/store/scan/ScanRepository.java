package org.plateautrace.store.scan;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.plateautrace.model.scan.ScanSignals.Scan;

/** Public scans of codes and public feedback. */
public final class ScanRepository {
    /** How many recent scans of one code are weighed for counterfeit signals. */
    public static final int RECENT = 200;

    /** A code's scan record: the total and the most recent scans (oldest first), and the first scan. */
    public record History(long total, List<Scan> recent, Scan first) {
    }

    /** Nothing of lot $1 is held or in transit any more (all sold, consumed or gone). */
    private static final String SOLD_OUT = "coalesce((SELECT sum(quantity) FROM holding WHERE lot_id = $1), 0) = 0 "
            + "AND NOT EXISTS (SELECT 1 FROM shipment WHERE lot_id = $1 AND received_at IS NULL) "
            + "AND EXISTS (SELECT 1 FROM event_quantity q JOIN event e ON e.id = q.event_pk "
            + "WHERE q.lot_id = $1 AND e.biz_step = 'retail_selling')";

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
     * What one resolution needs from the database, read in the same statement that records the scan:
     * the code's scans before this one, whether its lot is sold out (lot-level codes only), and the
     * data version (newest event, registry stamp) that says whether a cached story is still current.
     */
    public record Resolution(History before, Instant scannedAt, boolean soldOut, String dataVersion) {
        /** The code's scan record with this scan counted. */
        public History history(String region) {
            Scan now = new Scan(scannedAt, region);
            List<Scan> recent = new ArrayList<>(before.recent());
            recent.add(now);
            return new History(before.total() + 1, recent.subList(Math.max(0, recent.size() - RECENT), recent.size()),
                    before.first() == null ? now : before.first());
        }
    }

    /** Records a scan of a code (a null serial means the lot-level code) and reads what the resolver needs. */
    public Future<Resolution> record(long lotId, String gtin, String serial, String region, byte[] clientHash, String agentClass) {
        String same = serial == null ? "serial IS NULL" : "serial = $3";
        return pool.preparedQuery("WITH ins AS (INSERT INTO scan (lot_id, gtin, serial, region, client_hash, agent_class) "
                        + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING scanned_at) SELECT "
                        + "(SELECT scanned_at FROM ins) AS scanned_at, "
                        + "(SELECT count(*) FROM scan WHERE lot_id = $1 AND " + same + ") AS total, "
                        + "(SELECT json_agg(json_build_object('at', s.scanned_at, 'region', s.region) ORDER BY s.scanned_at) FROM "
                        + " (SELECT scanned_at, region FROM scan WHERE lot_id = $1 AND " + same + " ORDER BY scanned_at DESC LIMIT "
                        + (RECENT - 1) + ") s) AS recent, "
                        + "(SELECT json_build_object('at', scanned_at, 'region', region) FROM scan WHERE lot_id = $1 AND " + same
                        + " ORDER BY scanned_at LIMIT 1) AS first, "
                        + "($3::varchar IS NULL AND " + SOLD_OUT + ") AS sold_out, "
                        + "(SELECT seq FROM event ORDER BY seq DESC LIMIT 1) AS head, "
                        + "(SELECT last_value FROM registry_version) AS registry")
                .execute(Tuple.of(lotId, gtin, serial, region, Buffer.buffer(clientHash), agentClass))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    List<Scan> recent = new ArrayList<>();
                    JsonArray list = (JsonArray) row.getValue("recent");
                    if (list != null) {
                        list.forEach(item -> recent.add(scan((JsonObject) item)));
                    }
                    Object first = row.getValue("first");
                    History before = new History(row.getLong("total"), recent, first == null ? null : scan((JsonObject) first));
                    return new Resolution(before, row.getOffsetDateTime("scanned_at").toInstant(), row.getBoolean("sold_out"),
                            row.getLong("head") + "/" + row.getLong("registry"));
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

    private static Scan scan(JsonObject json) {
        return new Scan(java.time.OffsetDateTime.parse(json.getString("at")).toInstant(), json.getString("region"));
    }
}
