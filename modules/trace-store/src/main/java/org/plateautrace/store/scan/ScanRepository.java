package org.plateautrace.store.scan;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** Public scans of codes and public feedback. */
public final class ScanRepository {
    private final SqlClient pool;

    public ScanRepository(SqlClient pool) {
        this.pool = pool;
    }

    /** The lot a pack code (GTIN + serial) belongs to. */
    public Future<Optional<Long>> lotOfSerial(String gtin, String serial) {
        return pool.preparedQuery("SELECT lot_id FROM trace_code WHERE gtin = $1 AND serial = $2").execute(Tuple.of(gtin, serial))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("lot_id")));
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
