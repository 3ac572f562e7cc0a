package org.plateautrace.server;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.plateautrace.model.lots.PackBounds;

/**
 * The settings of one server: from defaults, then {@code config/application.json}, then
 * {@code PLATEAU_*} environment variables, then command-line options, each overriding the one before.
 *
 * @param dbUrl         an external PostgreSQL; null means the embedded one under {@code dataDir}
 * @param adminToken    the bootstrap administrator token; null means generate one on first start
 * @param publicBaseUrl base of every Digital Link and QR code; defaults to http://localhost:{port}
 * @param packBounds    pack codes one unit of a lot may carry (config key {@code packsPerUnit}, e.g. {"kg": 50})
 * @param resolverRequestsPerMinute public resolver requests one client may make a minute (0: the default, 120)
 */
public record ServerConfig(int port, Path dataDir, String dbUrl, String publicBaseUrl, String adminToken,
                           boolean demo, int poolSize, PackBounds packBounds, int resolverRequestsPerMinute) {

    /** Config keys and the environment variables that set them. */
    static final String[][] KEYS = {
            {"port", "PLATEAU_PORT"}, {"dataDir", "PLATEAU_DATA_DIR"}, {"dbUrl", "PLATEAU_DB_URL"},
            {"publicBaseUrl", "PLATEAU_PUBLIC_BASE_URL"}, {"adminToken", "PLATEAU_ADMIN_TOKEN"},
            {"demo", "PLATEAU_DEMO"}, {"poolSize", "PLATEAU_POOL_SIZE"},
            {"resolverRequestsPerMinute", "PLATEAU_RESOLVER_REQUESTS_PER_MINUTE"}};

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            publicBaseUrl = "http://localhost:" + port;
        }
        if (!publicBaseUrl.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            throw new IllegalArgumentException("publicBaseUrl must be an http(s) URL, not " + publicBaseUrl);
        }
        if (dbUrl != null && dbUrl.isBlank()) {
            dbUrl = null;
        }
        if (adminToken != null && adminToken.isBlank()) {
            adminToken = null;
        }
        packBounds = packBounds == null ? PackBounds.DEFAULT : packBounds;
        resolverRequestsPerMinute = resolverRequestsPerMinute <= 0 ? 120 : resolverRequestsPerMinute;
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
    }

    /** Reads the merged configuration (config keys already resolved from file, environment and options). */
    static ServerConfig from(JsonObject merged) {
        return new ServerConfig(
                Integer.parseInt(String.valueOf(merged.getValue("port", 8080))),
                Path.of(String.valueOf(merged.getValue("dataDir", "data"))),
                string(merged, "dbUrl"), string(merged, "publicBaseUrl"), string(merged, "adminToken"),
                Boolean.parseBoolean(String.valueOf(merged.getValue("demo", false))),
                Integer.parseInt(String.valueOf(merged.getValue("poolSize", 16))),
                PackBounds.DEFAULT.with(merged.getJsonObject("packsPerUnit", new JsonObject()).getMap()),
                Integer.parseInt(String.valueOf(merged.getValue("resolverRequestsPerMinute", 120))));
    }

    private static String string(JsonObject json, String key) {
        Object value = json.getValue(key);
        return value == null ? null : value.toString();
    }
}
