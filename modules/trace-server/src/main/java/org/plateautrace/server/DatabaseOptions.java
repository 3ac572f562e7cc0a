package org.plateautrace.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that opens the database shares: where the data is, or which server, and the config file. */
public final class DatabaseOptions {

    @Option(names = "--data-dir", description = "Directory for the embedded PostgreSQL data and other files "
            + "(default ./data); kept across restarts.")
    Path dataDir;

    @Option(names = "--db-url", description = "Use this PostgreSQL instead of the embedded one, "
            + "e.g. postgresql://user:password@host:5432/plateau")
    String dbUrl;

    @Option(names = "--config", description = "Configuration file (default config/application.json; optional).",
            defaultValue = "config/application.json")
    Path configFile;

    /** Whether a database URL was given on the command line. */
    public boolean hasDbUrl() {
        return dbUrl != null;
    }

    /** The configuration: file, then environment, then these options and the command's own. */
    public Future<ServerConfig> load(Vertx vertx, JsonObject commandOptions) {
        JsonObject options = commandOptions.copy();
        if (dataDir != null) {
            options.put("dataDir", dataDir.toString());
        }
        if (dbUrl != null) {
            options.put("dbUrl", dbUrl);
        }
        return ConfigLoader.load(vertx, configFile, options);
    }
}
