package org.plateautrace.store.users;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.plateautrace.model.Codes;
import org.plateautrace.model.users.UserRole;

/** Console users (with their password hashes and sign-in failures) and their sessions (stored by hash). */
public final class UserRepository {
    public static final String LOGIN_UNIQUE = "app_user_login_key";
    private static final String COLUMNS = "u.id, u.party_id, p.kind AS party_kind, p.name AS party_name, u.login, u.name, "
            + "u.role, u.password_hash, u.failed_attempts, u.first_failure_at, u.locked_until, u.created_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM app_user u LEFT JOIN party p ON p.id = u.party_id";

    /** A user as stored; {@code passwordHash} never leaves the service layer. */
    public record StoredUser(long id, Long partyId, String partyKind, String partyName, String login, String name,
                             UserRole role, String passwordHash, int failedAttempts, Instant firstFailureAt,
                             Instant lockedUntil, Instant createdAt) {
    }

    /** A live session and its user. */
    public record StoredSession(long id, Instant expiresAt, StoredUser user) {
    }

    private final SqlClient pool;

    public UserRepository(SqlClient pool) {
        this.pool = pool;
    }

    public Future<StoredUser> insert(Long partyId, String login, String name, UserRole role, String passwordHash) {
        return pool.preparedQuery("WITH u AS (INSERT INTO app_user (party_id, login, name, role, password_hash) "
                        + "VALUES ($1, $2, $3, $4, $5) RETURNING *) SELECT " + COLUMNS + " FROM u LEFT JOIN party p ON p.id = u.party_id")
                .execute(Tuple.of(partyId, login, name, Codes.of(role), passwordHash))
                .map(rows -> map(rows.iterator().next()));
    }

    public Future<Optional<StoredUser>> findByLogin(String login) {
        return pool.preparedQuery(SELECT + " WHERE u.login = $1").execute(Tuple.of(login)).map(UserRepository::first);
    }

    /** The users of one party, or of every party when {@code partyId} is null; oldest first. */
    public Future<List<StoredUser>> list(Long partyId) {
        return pool.preparedQuery(SELECT + " WHERE ($1::bigint IS NULL OR u.party_id = $1) ORDER BY u.id LIMIT 1000")
                .execute(Tuple.of(partyId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(UserRepository::map).toList());
    }

    /**
     * Counts a wrong password: the count starts again when the first failure is older than {@code window};
     * reaching {@code limit} locks the account until {@code now + lock} (and starts the count again).
     * Answers the time the account is locked until, or null when it is not locked.
     */
    public Future<Instant> recordFailure(long userId, Instant now, Duration window, int limit, Duration lock) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("UPDATE app_user a SET "
                        + "failed_attempts = CASE WHEN n.count >= $4 THEN 0 ELSE n.count END, "
                        + "first_failure_at = CASE WHEN n.count >= $4 THEN NULL WHEN n.fresh THEN $3 ELSE a.first_failure_at END, "
                        + "locked_until = CASE WHEN n.count >= $4 THEN $5 ELSE a.locked_until END "
                        + "FROM (SELECT id, (first_failure_at IS NULL OR first_failure_at < $2) AS fresh, "
                        + "CASE WHEN first_failure_at IS NULL OR first_failure_at < $2 THEN 1 ELSE failed_attempts + 1 END AS count "
                        + "FROM app_user WHERE id = $1 FOR UPDATE) n WHERE a.id = n.id RETURNING a.locked_until")
                .execute(Tuple.of(userId, at.minus(window), at, limit, at.plus(lock)))
                .map(rows -> {
                    Instant until = instant(rows.iterator().next(), "locked_until");
                    return until != null && until.isAfter(now) ? until : null;
                });
    }

    public Future<Void> clearFailures(long userId) {
        return pool.preparedQuery("UPDATE app_user SET failed_attempts = 0, first_failure_at = NULL, locked_until = NULL WHERE id = $1")
                .execute(Tuple.of(userId)).mapEmpty();
    }

    public Future<Long> insertSession(long userId, byte[] tokenHash, Instant expiresAt) {
        return pool.preparedQuery("INSERT INTO user_session (user_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id")
                .execute(Tuple.of(userId, Buffer.buffer(tokenHash), expiresAt.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The session with this token hash if it has not expired at {@code now}. */
    public Future<Optional<StoredSession>> findSession(byte[] tokenHash, Instant now) {
        return pool.preparedQuery("SELECT s.id AS session_id, s.expires_at, " + COLUMNS + " FROM user_session s "
                        + "JOIN app_user u ON u.id = s.user_id LEFT JOIN party p ON p.id = u.party_id "
                        + "WHERE s.token_hash = $1 AND s.expires_at > $2")
                .execute(Tuple.of(Buffer.buffer(tokenHash), now.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()).map(row ->
                        new StoredSession(row.getLong("session_id"), row.getOffsetDateTime("expires_at").toInstant(), map(row))));
    }

    /** Ends a session (sign-out); also drops the user's expired sessions. */
    public Future<Void> deleteSession(byte[] tokenHash) {
        return pool.preparedQuery("WITH s AS (DELETE FROM user_session WHERE token_hash = $1 RETURNING user_id) "
                        + "DELETE FROM user_session WHERE user_id IN (SELECT user_id FROM s) AND expires_at < now()")
                .execute(Tuple.of(Buffer.buffer(tokenHash))).mapEmpty();
    }

    private static Optional<StoredUser> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    private static StoredUser map(Row row) {
        return new StoredUser(row.getLong("id"), row.getLong("party_id"), row.getString("party_kind"),
                row.getString("party_name"), row.getString("login"), row.getString("name"),
                Codes.parse(UserRole.class, row.getString("role"), "user role"), row.getString("password_hash"),
                row.getInteger("failed_attempts"), instant(row, "first_failure_at"), instant(row, "locked_until"),
                instant(row, "created_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
