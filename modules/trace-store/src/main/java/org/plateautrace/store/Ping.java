package org.plateautrace.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

/** Asks the database whether it answers. */
public final class Ping {
    private final SqlClient pool;

    public Ping(SqlClient pool) {
        this.pool = pool;
    }

    public Future<Void> check() {
        return pool.query("SELECT 1").execute().mapEmpty();
    }
}
