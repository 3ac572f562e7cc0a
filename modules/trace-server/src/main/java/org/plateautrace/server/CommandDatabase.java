package org.plateautrace.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import org.plateautrace.store.Database;
import org.plateautrace.store.DatabaseSettings;
import org.plateautrace.store.EmbeddedDatabase;

/**
 * The database a command line tool works on: the embedded one under the data directory (the server
 * must not hold it meanwhile) or the one at the URL, migrated, with a pool; closing it stops all it started.
 */
public final class CommandDatabase implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private ServerConfig config;
    private EmbeddedDatabase embedded;
    private Database database;

    private CommandDatabase() {
    }

    /** Opens the database the options and the configuration name. */
    public static CommandDatabase open(DatabaseOptions options, int poolSize) {
        CommandDatabase opened = new CommandDatabase();
        try {
            opened.config = options.load(opened.vertx, new JsonObject()).await();
            DatabaseSettings settings;
            if (opened.config.dbUrl() == null) {
                Path directory = opened.config.dataDir().resolve("postgres");
                opened.embedded = opened.vertx.executeBlocking(() -> EmbeddedDatabase.start(directory)).await();
                settings = opened.embedded.settings();
            } else {
                settings = DatabaseSettings.fromUrl(opened.config.dbUrl());
            }
            opened.database = Database.open(opened.vertx, settings, poolSize).await();
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    public Vertx vertx() {
        return vertx;
    }

    public ServerConfig config() {
        return config;
    }

    public Pool pool() {
        return database.pool();
    }

    @Override
    public void close() {
        try {
            (database == null ? Future.<Void>succeededFuture() : database.close()).await();
        } catch (RuntimeException ignored) {
            // closing on the way out; what the command did stands
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (RuntimeException ignored) {
                // the embedded PostgreSQL is stopped with the JVM in any case
            }
        }
        vertx.close().await();
    }
}
