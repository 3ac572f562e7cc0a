package org.plateautrace.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** The migrated database and the one connection pool the whole process shares. */
public final class Database {
    private final Pool pool;
    private final DatabaseSettings settings;

    private Database(Pool pool, DatabaseSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    /** Runs the migrations on a worker thread, then opens the pool. */
    public static Future<Database> open(Vertx vertx, DatabaseSettings settings, int poolSize) {
        return vertx.executeBlocking(() -> Migrations.migrate(settings))
                .map(migrated -> new Database(PgBuilder.pool()
                        .with(new PoolOptions().setMaxSize(poolSize).setShared(false))
                        .connectingTo(settings.connectOptions())
                        .using(vertx)
                        .build(), settings));
    }

    public Pool pool() {
        return pool;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Future<Void> close() {
        return pool.close();
    }
}
