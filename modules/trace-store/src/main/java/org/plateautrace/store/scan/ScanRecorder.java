package org.plateautrace.store.scan;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.plateautrace.model.scan.ScanSignals.Scan;

/**
 * Records public scans and reads, in the same statement, what each resolution needs. Scans arriving
 * while a statement is out wait and go together in the next one: one statement and one commit serve
 * many scans. A scan is answered only once committed, on its own request's context; its commit does not
 * wait for the disk (see {@link #SQL}).
 */
public final class ScanRecorder {
    /** At most this many scans go in one statement. */
    public static final int MAX_BATCH = 256;
    /**
     * At most this many statements are out at once; more scans wait for one of them. One at a time answered
     * as many or more resolutions a second than two in every run that compared them (docs/benchmarks.md).
     */
    private static final int MAX_SENDING = 1;

    /** One scan to record; a null serial means the lot-level code. */
    public record NewScan(long lotId, String gtin, String serial, String region, byte[] clientHash, String agentClass) {
        private String code() {
            return lotId + "/" + serial;
        }
    }

    /**
     * What a resolution learns: the code's scans with this one counted, the first one, the first pair
     * of scans from different regions within the window (null when none), whether the lot is sold out
     * (lot-level codes only), and the data version (newest event, registry stamp) that says whether a
     * story built earlier is still current.
     */
    public record Resolution(long scans, Scan first, String distantFrom, String distantTo, boolean soldOut, String dataVersion) {
    }

    private record Pending(NewScan scan, Promise<Resolution> answer, Context context) {
        /** Completes the answer on the request's own context (or here, outside Vert.x). */
        void settle(AsyncResult<Resolution> result) {
            if (context == null) {
                answer.handle(result);
            } else {
                context.runOnContext(v -> answer.handle(result));
            }
        }
    }

    /** The previous scan with a known region came from elsewhere, within $7 seconds of this one. */
    private static final String DISTANT = "(excluded.last_region IS NOT NULL AND t.last_region IS NOT NULL "
            + "AND t.last_region <> excluded.last_region AND excluded.last_region_at - t.last_region_at <= $7 * interval '1 second')";

    /**
     * Records a batch of scans and answers what each resolution needs. The statement's own transaction
     * commits without waiting for the disk (synchronous_commit off for it alone, set by {@code relaxed}):
     * a scan is the server's record of a public read, not data anyone submitted, and a crash of the
     * machine may lose the last fraction of a second of scans, never an operator's write (those commits
     * wait for the disk) and never the database's consistency (fsync stays on).
     */
    private static final String SQL = "WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)), "
            + "input AS (SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], "
            + " $5::bytea[], $6::text[]) WITH ORDINALITY AS i(lot_id, gtin, serial, region, client_hash, agent_class, n)), "
            + "ins AS (INSERT INTO scan (lot_id, gtin, serial, region, client_hash, agent_class) "
            + " SELECT lot_id, gtin, serial, region, client_hash, agent_class FROM input), "
            + "tally AS (INSERT INTO scan_tally AS t (lot_id, serial, total, first_at, first_region, last_region, last_region_at) "
            + " SELECT lot_id, coalesce(serial, ''), 1, now(), region, region, CASE WHEN region IS NULL THEN NULL ELSE now() END "
            + " FROM input ON CONFLICT (lot_id, serial) DO UPDATE SET total = t.total + 1, "
            + " distant_from = CASE WHEN t.distant_from IS NOT NULL THEN t.distant_from WHEN " + DISTANT + " THEN t.last_region END, "
            + " distant_to = CASE WHEN t.distant_from IS NOT NULL THEN t.distant_to WHEN " + DISTANT + " THEN excluded.last_region END, "
            + " last_region = coalesce(excluded.last_region, t.last_region), "
            + " last_region_at = CASE WHEN excluded.last_region IS NULL THEN t.last_region_at ELSE excluded.last_region_at END "
            + " RETURNING lot_id, serial, total, first_at, first_region, distant_from, distant_to) "
            + "SELECT input.n, tally.total, tally.first_at, tally.first_region, tally.distant_from, tally.distant_to, "
            // nothing of the lot is held or in transit any more, and some of it was sold
            + " (input.serial IS NULL AND coalesce((SELECT sum(quantity) FROM holding h WHERE h.lot_id = input.lot_id), 0) = 0 "
            + "  AND NOT EXISTS (SELECT 1 FROM shipment s WHERE s.lot_id = input.lot_id AND s.received_at IS NULL) "
            + "  AND EXISTS (SELECT 1 FROM event_quantity q JOIN event e ON e.id = q.event_pk "
            + "   WHERE q.lot_id = input.lot_id AND e.biz_step = 'retail_selling')) AS sold_out, "
            + " (SELECT seq FROM event ORDER BY seq DESC LIMIT 1) AS head, (SELECT last_value FROM registry_version) AS registry "
            + "FROM relaxed, input JOIN tally ON tally.lot_id = input.lot_id AND tally.serial = coalesce(input.serial, '')";

    private final SqlClient pool;
    private final Duration distantWindow;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    /** Codes whose scans a statement out is recording. */
    private final Set<String> recording = new HashSet<>();
    private int sending;

    public ScanRecorder(SqlClient pool, Duration distantWindow) {
        this.pool = pool;
        this.distantWindow = distantWindow;
    }

    public Future<Resolution> record(NewScan scan) {
        Promise<Resolution> answer = Promise.promise();
        boolean send;
        synchronized (waiting) {
            waiting.add(new Pending(scan, answer, Vertx.currentContext()));
            send = sending < MAX_SENDING;
            if (send) {
                sending++;
            }
        }
        if (send) {
            send();
        }
        return answer.future();
    }

    /**
     * Sends what waits, then the next batch. A code's scans are recorded in the order they came: a batch
     * takes one scan per code, and none of a code that a statement still out is recording.
     */
    private void send() {
        List<Pending> batch = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        synchronized (waiting) {
            List<Pending> later = new ArrayList<>();
            while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
                Pending pending = waiting.poll();
                String code = pending.scan().code();
                (!recording.contains(code) && codes.add(code) ? batch : later).add(pending);
            }
            for (int i = later.size() - 1; i >= 0; i--) {
                waiting.addFirst(later.get(i));
            }
            if (batch.isEmpty()) {
                sending--;
                return;
            }
            recording.addAll(codes);
        }
        execute(batch).onComplete(done -> {
            synchronized (waiting) {
                recording.removeAll(codes);
            }
            send();
        });
    }

    private Future<Void> execute(List<Pending> batch) {
        int n = batch.size();
        Long[] lots = new Long[n];
        String[] gtins = new String[n];
        String[] serials = new String[n];
        String[] regions = new String[n];
        Buffer[] clients = new Buffer[n];
        String[] agents = new String[n];
        for (int i = 0; i < n; i++) {
            NewScan scan = batch.get(i).scan();
            lots[i] = scan.lotId();
            gtins[i] = scan.gtin();
            serials[i] = scan.serial();
            regions[i] = scan.region();
            clients[i] = Buffer.buffer(scan.clientHash());
            agents[i] = scan.agentClass();
        }
        return pool.preparedQuery(SQL)
                .execute(Tuple.of(lots, gtins, serials, regions, clients, agents).addLong(distantWindow.toSeconds()))
                .onSuccess(rows -> {
                    for (Row row : rows) {
                        batch.get((int) (row.getLong("n") - 1)).settle(Future.succeededFuture(new Resolution(row.getLong("total"),
                                new Scan(row.getOffsetDateTime("first_at").toInstant(), row.getString("first_region")),
                                row.getString("distant_from"), row.getString("distant_to"), row.getBoolean("sold_out"),
                                row.getLong("head") + "/" + row.getLong("registry"))));
                    }
                })
                .onFailure(error -> batch.forEach(pending -> pending.settle(Future.failedFuture(error))))
                .mapEmpty();
    }
}
