package org.plateautrace.store.codes;

import io.vertx.core.Future;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.codes.Serial;

/** Code batches and their serialised pack codes. */
public final class CodeRepository {
    public static final String SERIAL_UNIQUE = "trace_code_pkey";

    /** A batch as stored: which lot, whose, how many codes. */
    public record BatchRow(long id, long lotId, long partyId, int count, Instant createdAt) {
    }

    /** One code of a batch in print order. */
    public record CodeRow(int seq, String serial) {
    }

    private final Pool pool;

    public CodeRepository(Pool pool) {
        this.pool = pool;
    }

    /** Locks the lot row for the rest of the transaction, so concurrent batches of one lot queue up. */
    public Future<Void> lockLot(SqlConnection tx, long lotId) {
        return tx.preparedQuery("SELECT id FROM lot WHERE id = $1 FOR UPDATE").execute(Tuple.of(lotId)).mapEmpty();
    }

    /** How many codes the lot has been given so far. */
    public Future<Long> issuedForLot(SqlClient client, long lotId) {
        return client.preparedQuery("SELECT coalesce(sum(count), 0) AS n FROM code_batch WHERE lot_id = $1")
                .execute(Tuple.of(lotId)).map(rows -> rows.iterator().next().getLong("n"));
    }

    /**
     * Stores a batch and all its serials with two statements: the serials travel as one array and are
     * unnested by the database, numbered in order (no row-at-a-time round trips).
     */
    public Future<BatchRow> insertBatch(SqlConnection tx, long lotId, long partyId, Gtin gtin, List<Serial> serials) {
        String[] values = new String[serials.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = serials.get(i).value();
        }
        return tx.preparedQuery("INSERT INTO code_batch (lot_id, party_id, count) VALUES ($1, $2, $3) "
                        + "RETURNING id, lot_id, party_id, count, created_at")
                .execute(Tuple.of(lotId, partyId, values.length))
                .map(rows -> batch(rows.iterator().next()))
                .compose(batch -> tx.preparedQuery("INSERT INTO trace_code (gtin, serial, batch_id, seq, lot_id) "
                                + "SELECT $1, s.serial, $2, s.seq, $3 FROM unnest($4::text[]) WITH ORDINALITY AS s(serial, seq)")
                        .execute(Tuple.of(gtin.value(), batch.id(), lotId, values))
                        .map(batch));
    }

    public Future<Optional<BatchRow>> findBatch(long id) {
        return pool.preparedQuery("SELECT id, lot_id, party_id, count, created_at FROM code_batch WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(batch(rows.iterator().next())));
    }

    /** The lot's code batches, newest first, at most {@code limit}. */
    public Future<List<BatchRow>> batchesOfLot(long lotId, int limit) {
        return pool.preparedQuery("SELECT id, lot_id, party_id, count, created_at FROM code_batch WHERE lot_id = $1 "
                        + "ORDER BY id DESC LIMIT $2")
                .execute(Tuple.of(lotId, limit))
                .map(rows -> {
                    List<BatchRow> batches = new ArrayList<>(rows.size());
                    rows.forEach(row -> batches.add(batch(row)));
                    return batches;
                });
    }

    /** Codes of a batch from {@code fromSeq} on (1-based), at most {@code limit}, in print order. */
    public Future<List<CodeRow>> codes(long batchId, int fromSeq, int limit) {
        return pool.preparedQuery("SELECT seq, serial FROM trace_code WHERE batch_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3")
                .execute(Tuple.of(batchId, fromSeq, limit))
                .map(CodeRepository::codeRows);
    }

    /**
     * Reads every code of a batch through a cursor, {@code chunk} rows at a time, handing each chunk to
     * {@code sink} and waiting for it before reading on: memory stays bounded however large the batch.
     */
    public Future<Void> streamCodes(long batchId, int chunk, Function<List<CodeRow>, Future<Void>> sink) {
        return pool.withTransaction(tx -> tx.prepare("SELECT seq, serial FROM trace_code WHERE batch_id = $1 ORDER BY seq")
                .compose(statement -> drain(statement.cursor(Tuple.of(batchId)), chunk, sink)));
    }

    private static Future<Void> drain(Cursor cursor, int chunk, Function<List<CodeRow>, Future<Void>> sink) {
        return cursor.read(chunk)
                .compose(rows -> sink.apply(codeRows(rows)))
                .compose(written -> cursor.hasMore() ? drain(cursor, chunk, sink) : cursor.close());
    }

    private static List<CodeRow> codeRows(Iterable<Row> rows) {
        List<CodeRow> codes = new ArrayList<>();
        for (Row row : rows) {
            codes.add(new CodeRow(row.getInteger("seq"), row.getString("serial")));
        }
        return codes;
    }

    private static BatchRow batch(Row row) {
        return new BatchRow(row.getLong("id"), row.getLong("lot_id"), row.getLong("party_id"), row.getInteger("count"),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
