package org.plateautrace.server.cli;

import org.plateautrace.server.DatabaseOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where import and export go: a running server (--server), else the database (--db-url or the embedded one), as a party's token. */
final class TargetOptions {
    @Option(names = "--server", paramLabel = "URL", description = "A running Plateau Trace server, e.g. http://localhost:8080 "
            + "(its HTTP API is used). Without it the database is opened directly (--db-url, or the embedded one under "
            + "--data-dir: stop the server first).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:PLATEAU_TOKEN}",
            description = "The bearer token of the party acting (default: PLATEAU_TOKEN). Checked by the server, or against "
                    + "the database's tokens when opened directly.")
    String token;

    @Mixin
    DatabaseOptions database;

    Target open() {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("--token (or PLATEAU_TOKEN) is required: imports and exports act as one party");
        }
        if (server != null && database.hasDbUrl()) {
            throw new IllegalArgumentException("give --server or --db-url, not both");
        }
        return server != null ? HttpTarget.open(server, token) : DirectTarget.open(database, token);
    }
}
