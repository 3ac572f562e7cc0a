package org.plateautrace.server;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.plateautrace.store.TestDatabase;

/** A whole Plateau Trace server on a free port, on a fresh test database, as the tests drive it. */
final class TestServer implements AutoCloseable {
    static final String ADMIN_TOKEN = "test-admin-token-do-not-use";

    final Vertx vertx = Vertx.vertx();
    final PlateauServer server;
    final ServerConfig config;
    final Api api;

    private TestServer(ServerConfig config) {
        this.config = config;
        this.server = PlateauServer.start(vertx, config).await();
        this.api = new Api(config.port());
    }

    /** A server on a fresh database of the test PostgreSQL. */
    static TestServer start() {
        return start(false);
    }

    static TestServer start(boolean demo) {
        return new TestServer(new ServerConfig(freePort(), tempDir(), TestDatabase.fresh().url(),
                "https://trace.example.cn", ADMIN_TOKEN, demo, 4, null, 0));
    }

    /** A server on its own embedded PostgreSQL under {@code dataDir} (as a user runs it). */
    static TestServer embedded(Path dataDir, String adminToken) {
        return new TestServer(new ServerConfig(freePort(), dataDir, null, null, adminToken, false, 4, null, 0));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("plateau-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop().await();
        vertx.close().await();
    }
}
