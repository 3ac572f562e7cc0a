package org.plateautrace.store.registry;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** API tokens, stored only as hashes. */
public final class TokenRepository {

    /** Whose token it is: the administrator (no party) or a party of a kind. */
    public record TokenOwner(long tokenId, Long partyId, String partyKind) {
    }

    /** A token as listed to its party: never the secret, not even the hash. */
    public record TokenInfo(long id, String label, Instant createdAt, Instant revokedAt) {
    }

    private final SqlClient pool;

    public TokenRepository(SqlClient pool) {
        this.pool = pool;
    }

    public Future<TokenInfo> insert(SqlClient tx, Long partyId, byte[] hash, String label) {
        return tx.preparedQuery("INSERT INTO api_token (party_id, role, token_hash, label) VALUES ($1, $2, $3, $4) "
                        + "RETURNING id, label, created_at, revoked_at")
                .execute(Tuple.of(partyId, partyId == null ? "admin" : "party", Buffer.buffer(hash), label))
                .map(rows -> map(rows.iterator().next()));
    }

    public Future<Optional<TokenOwner>> findActive(byte[] hash) {
        return pool.preparedQuery("SELECT t.id, t.party_id, p.kind FROM api_token t LEFT JOIN party p ON p.id = t.party_id "
                        + "WHERE t.token_hash = $1 AND t.revoked_at IS NULL")
                .execute(Tuple.of(Buffer.buffer(hash)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).findFirst()
                        .map(row -> new TokenOwner(row.getLong("id"), row.getLong("party_id"), row.getString("kind"))));
    }

    public Future<Boolean> adminTokenExists() {
        return pool.query("SELECT 1 FROM api_token WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1").execute()
                .map(rows -> rows.size() > 0);
    }

    public Future<List<TokenInfo>> listForParty(long partyId) {
        return pool.preparedQuery("SELECT id, label, created_at, revoked_at FROM api_token WHERE party_id = $1 ORDER BY id")
                .execute(Tuple.of(partyId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(TokenRepository::map).toList());
    }

    /** Revokes an active token of the party; false when it has no such active token. */
    public Future<Boolean> revoke(long partyId, long tokenId) {
        return pool.preparedQuery("UPDATE api_token SET revoked_at = now() "
                        + "WHERE id = $1 AND party_id = $2 AND revoked_at IS NULL")
                .execute(Tuple.of(tokenId, partyId))
                .map(rows -> rows.rowCount() == 1);
    }

    private static TokenInfo map(Row row) {
        OffsetDateTime revoked = row.getOffsetDateTime("revoked_at");
        return new TokenInfo(row.getLong("id"), row.getString("label"),
                row.getOffsetDateTime("created_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
