package org.plateautrace.server;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.plateautrace.service.Services;
import org.plateautrace.store.Database;
import org.plateautrace.store.DatabaseSettings;
import org.plateautrace.store.EmbeddedDatabase;
import org.plateautrace.web.HttpVerticle;
import org.plateautrace.web.OpenApiDocument;
import org.plateautrace.web.RateLimit;
import org.plateautrace.web.WebConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Plateau Trace: the database (embedded under the data directory unless a URL is given),
 * migrated; the administrator token; the demo data when asked; one HTTP verticle per event loop.
 */
public final class PlateauServer {
    private static final Logger LOG = LoggerFactory.getLogger(PlateauServer.class);

    private final Vertx vertx;
    private final EmbeddedDatabase embedded;
    private final Database database;
    private final String deploymentId;
    private final Optional<String> generatedAdminToken;
    private final Services services;

    private PlateauServer(Vertx vertx, EmbeddedDatabase embedded, Database database, String deploymentId,
                          Optional<String> generatedAdminToken, Services services) {
        this.vertx = vertx;
        this.services = services;
        this.embedded = embedded;
        this.database = database;
        this.deploymentId = deploymentId;
        this.generatedAdminToken = generatedAdminToken;
    }

    /** Where this server's database is (for tools such as the benchmarks). */
    public DatabaseSettings databaseSettings() {
        return database.settings();
    }

    /** The use cases this server runs, on its database. */
    public Services services() {
        return services;
    }

    /** The administrator token generated (and printed) by this start, if it had to make one. */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    /**
     * The spool directory, made if missing and emptied: a file in it at start was being received when the last run
     * stopped (one server per data directory, as the embedded database requires). Answers how many were removed.
     */
    private static int emptied(Path spool) throws IOException {
        Files.createDirectories(spool);
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool)) {
            for (Path file : files) {
                Files.delete(file);
                removed++;
            }
        }
        return removed;
    }

    public static Future<PlateauServer> start(Vertx vertx, ServerConfig config) {
        Future<EmbeddedDatabase> embedded = config.dbUrl() != null ? Future.succeededFuture(null)
                : vertx.executeBlocking(() -> EmbeddedDatabase.start(config.dataDir().resolve("postgres")));
        return embedded.compose(local -> {
            DatabaseSettings settings = local != null ? local.settings() : DatabaseSettings.fromUrl(config.dbUrl());
            LOG.info("database: {}{}", settings, local != null ? " (embedded, data in " + config.dataDir().resolve("postgres") + ")" : "");
            return Database.open(vertx, settings, config.poolSize())
                    .compose(database -> serve(vertx, config, local, database))
                    .recover(error -> stopEmbedded(vertx, local).transform(stopped -> Future.failedFuture(error)));
        });
    }

    private static Future<PlateauServer> serve(Vertx vertx, ServerConfig config, EmbeddedDatabase local, Database database) {
        Services services = Services.on(vertx, database.pool(), Clock.systemUTC(), config.publicBaseUrl(), config.packBounds());
        Path spool = config.dataDir().resolve("spool");
        WebConfig web = new WebConfig(config.port(), config.publicBaseUrl(), spool);
        RateLimit resolverLimit = new RateLimit(config.resolverRequestsPerMinute());
        return services.epcis().failInterrupted().onSuccess(failed -> {
            if (failed > 0) {
                LOG.warn("{} EPCIS capture job(s) cut off by the last stop are now reported failed", failed);
            }
        }).compose(failed -> vertx.executeBlocking(() -> emptied(spool))).onSuccess(removed -> {
            if (removed > 0) {
                LOG.warn("{} capture upload(s) cut off by the last stop removed from {}", removed, spool);
            }
        }).compose(removed -> services.tokens().bootstrapAdmin(config.adminToken())).compose(generated -> {
            generated.ifPresent(PlateauServer::announceAdminToken);
            Optional<String> adminToken = generated.or(() -> Optional.ofNullable(config.adminToken()));
            return vertx.executeBlocking(OpenApiDocument::load)
                    .compose(openApi -> vertx.deployVerticle(() -> new HttpVerticle(services, web, openApi, resolverLimit),
                            new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE)))
                    .compose(id -> {
                        LOG.info("Plateau Trace listening on port {}; public base URL {}", config.port(), web.publicBaseUrl());
                        PlateauServer server = new PlateauServer(vertx, local, database, id, generated, services);
                        if (!config.demo()) {
                            return Future.succeededFuture(server);
                        }
                        return DemoData.loadIfEmpty(vertx, services.registry(), config, adminToken, generated.isPresent()).map(server);
                    });
        });
    }

    private static void announceAdminToken(String token) {
        System.out.println("""

                ================================================================
                 Administrator token (shown once; only its hash is stored):
                 %s
                 Set PLATEAU_ADMIN_TOKEN to choose your own instead.
                ================================================================
                """.formatted(token));
    }

    public Future<Void> stop() {
        return vertx.undeploy(deploymentId)
                .eventually(database::close)
                .eventually(() -> stopEmbedded(vertx, embedded));
    }

    private static Future<Void> stopEmbedded(Vertx vertx, EmbeddedDatabase embedded) {
        return embedded == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
            embedded.close();
            return null;
        });
    }
}
