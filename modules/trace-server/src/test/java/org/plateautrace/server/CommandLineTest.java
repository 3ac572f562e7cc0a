package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

    @Test
    void serveHelpExplainsEveryOption() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("serve", "--help"));
        for (String option : new String[]{"--port", "--data-dir", "--demo", "--db-url", "--public-base-url", "--config",
                "PLATEAU_ADMIN_TOKEN"}) {
            assertTrue(out.toString().contains(option), option + " in\n" + out);
        }
    }

    @Test
    void commandLineOptionsOverrideTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.json");
        Files.writeString(file, "{\"port\": 9000, \"dataDir\": \"/srv/plateau\", \"publicBaseUrl\": \"https://trace.example.cn\"}");
        Vertx vertx = Vertx.vertx();
        try {
            ServerConfig fromFile = ConfigLoader.load(vertx, file, new JsonObject()).await();
            assertEquals(9000, fromFile.port());
            assertEquals(Path.of("/srv/plateau"), fromFile.dataDir());
            assertEquals("https://trace.example.cn", fromFile.publicBaseUrl());

            ServerConfig overridden = ConfigLoader.load(vertx, file, new JsonObject().put("port", 9100).put("demo", true)).await();
            assertEquals(9100, overridden.port());
            assertTrue(overridden.demo());

            ServerConfig defaults = ConfigLoader.load(vertx, dir.resolve("missing.json"), new JsonObject()).await();
            assertEquals(8080, defaults.port());
            assertEquals("http://localhost:8080", defaults.publicBaseUrl());
        } finally {
            vertx.close().await();
        }
    }
}
