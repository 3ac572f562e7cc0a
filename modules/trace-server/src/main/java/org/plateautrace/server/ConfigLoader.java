package org.plateautrace.server;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads the configuration file and the PLATEAU_* environment with vertx-config, then applies CLI options. */
final class ConfigLoader {
    private ConfigLoader() {
    }

    static Future<ServerConfig> load(Vertx vertx, Path file, JsonObject commandLine) {
        ConfigRetrieverOptions options = new ConfigRetrieverOptions().setScanPeriod(0)
                .addStore(new ConfigStoreOptions().setType("file").setFormat("json").setOptional(true)
                        .setConfig(new JsonObject().put("path", file.toString())))
                .addStore(new ConfigStoreOptions().setType("env").setConfig(new JsonObject()
                        .put("raw-data", true)
                        .put("keys", new JsonArray(Arrays.stream(ServerConfig.KEYS).map(k -> k[1]).toList()))));
        ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
        return retriever.getConfig().map(merged -> {
            retriever.close();
            for (String[] key : ServerConfig.KEYS) {
                Object fromEnv = merged.remove(key[1]);
                if (fromEnv != null) {
                    merged.put(key[0], fromEnv);
                }
            }
            return ServerConfig.from(merged.mergeIn(commandLine));
        });
    }
}
