package org.plateautrace.store.ledger;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import org.plateautrace.model.ledger.ChainCheck;
import org.plateautrace.model.ledger.ChainCheck.Verdict;

/**
 * Reads the whole event chain in {@code seq} order through a cursor, {@value #DEFAULT_CHUNK} rows at a
 * time, and verifies it with a {@link ChainCheck}, stopping at the first bad row. Memory stays bounded
 * however long the ledger; the cursor's snapshot is one consistent prefix of the chain, whatever is
 * appended meanwhile.
 */
public final class LedgerRepository {
    public static final int DEFAULT_CHUNK = 1_000;
    private static final String CHAIN = "SELECT seq, event_id, event_type, biz_step, event_time, content, prev_hash, hash "
            + "FROM event ORDER BY seq";

    private final Pool pool;

    public LedgerRepository(Pool pool) {
        this.pool = pool;
    }

    public Future<Verdict> verify() {
        return verify(DEFAULT_CHUNK);
    }

    public Future<Verdict> verify(int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1");
        }
        ChainCheck check = new ChainCheck();
        return pool.withTransaction(tx -> tx.query("SET TRANSACTION READ ONLY").execute()
                .compose(readOnly -> tx.prepare(CHAIN))
                .compose(statement -> drain(statement.cursor(Tuple.tuple()), chunk, check))
                .map(done -> check.verdict()));
    }

    private static Future<Void> drain(Cursor cursor, int chunk, ChainCheck check) {
        return cursor.read(chunk).compose(rows -> {
            boolean intact = feed(rows, check);
            return intact && cursor.hasMore() ? drain(cursor, chunk, check) : cursor.close();
        });
    }

    private static boolean feed(RowSet<Row> rows, ChainCheck check) {
        for (Row row : rows) {
            if (!check.accept(chainRow(row))) {
                return false;
            }
        }
        return true;
    }

    static ChainCheck.Row chainRow(Row row) {
        String content = row.getString("content");
        return new ChainCheck.Row(row.getLong("seq"), row.getString("event_id"), row.getString("event_type"),
                row.getString("biz_step"), row.getOffsetDateTime("event_time"), content,
                bytes(row.getBuffer("prev_hash")), bytes(row.getBuffer("hash")), document(content));
    }

    /** The content as a JSON object, or null when it is not one (legacy rows hold their eventID). */
    private static Map<String, Object> document(String content) {
        if (content == null || !content.startsWith("{")) {
            return null;
        }
        try {
            return new JsonObject(content).getMap();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static byte[] bytes(Buffer buffer) {
        return buffer == null ? null : buffer.getBytes();
    }
}
