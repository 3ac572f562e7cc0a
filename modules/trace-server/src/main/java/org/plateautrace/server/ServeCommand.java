package org.plateautrace.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the platform until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Plateau Trace server (operator API, resolver, EPCIS interface).",
        footer = {"", "Settings come from defaults, then the config file, then PLATEAU_* environment variables",
                "(PLATEAU_PORT, PLATEAU_DATA_DIR, PLATEAU_DB_URL, PLATEAU_PUBLIC_BASE_URL, PLATEAU_ADMIN_TOKEN,",
                "PLATEAU_DEMO, PLATEAU_POOL_SIZE), then these options."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port to listen on (default 8080).")
    Integer port;

    @Option(names = "--data-dir", description = "Directory for the embedded PostgreSQL data and other files "
            + "(default ./data); kept across restarts.")
    Path dataDir;

    @Option(names = "--db-url", description = "Use this PostgreSQL instead of the embedded one, "
            + "e.g. postgresql://user:password@host:5432/plateau")
    String dbUrl;

    @Option(names = "--public-base-url", description = "Base of every Digital Link and QR code "
            + "(default http://localhost:<port>).")
    String publicBaseUrl;

    @Option(names = "--demo", description = "Load the demo data set (Nyingchi cooperatives, processors, products, "
            + "certificates, harvest lots) when the database is empty; party tokens go to <data-dir>/demo-tokens.env.")
    boolean demo;

    @Option(names = "--config", description = "Configuration file (default config/application.json; optional).",
            defaultValue = "config/application.json")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        ServerConfig config;
        PlateauServer server;
        try {
            config = ConfigLoader.load(vertx, configFile, options()).await();
            server = PlateauServer.start(vertx, config).await();
        } catch (RuntimeException e) {
            System.err.println("Plateau Trace did not start: " + e.getMessage());
            vertx.close().await();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop().await();
            vertx.close().await();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    private JsonObject options() {
        JsonObject options = new JsonObject();
        if (port != null) {
            options.put("port", port);
        }
        if (dataDir != null) {
            options.put("dataDir", dataDir.toString());
        }
        if (dbUrl != null) {
            options.put("dbUrl", dbUrl);
        }
        if (publicBaseUrl != null) {
            options.put("publicBaseUrl", publicBaseUrl);
        }
        if (demo) {
            options.put("demo", true);
        }
        return options;
    }
}
