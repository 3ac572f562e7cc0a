package org.plateautrace.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    DatabaseOptions databaseOptions;

    @Option(names = "--public-base-url", description = "Base of every Digital Link and QR code "
            + "(default http://localhost:<port>).")
    String publicBaseUrl;

    @Option(names = "--demo", description = "Load the demo data set (Nyingchi cooperatives, processors, products, "
            + "certificates, harvest lots) when the database is empty; party tokens go to <data-dir>/demo-tokens.env.")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        ServerConfig config;
        PlateauServer server;
        try {
            config = databaseOptions.load(vertx, options()).await();
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
        if (publicBaseUrl != null) {
            options.put("publicBaseUrl", publicBaseUrl);
        }
        if (demo) {
            options.put("demo", true);
        }
        return options;
    }
}
