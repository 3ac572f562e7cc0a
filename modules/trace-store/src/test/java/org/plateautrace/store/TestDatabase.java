package org.plateautrace.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh, empty database for each test class, on one PostgreSQL server per test JVM:
 * {@code PLATEAU_TEST_DB_URL} if set, else a Testcontainers PostgreSQL when a Docker engine answers,
 * else an embedded PostgreSQL in a temporary directory.
 */
public final class TestDatabase {
    private static DatabaseSettings server;

    private TestDatabase() {
    }

    public static synchronized DatabaseSettings fresh() {
        if (server == null) {
            server = startServer();
        }
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + server, e);
        }
        return server.withDatabase(name);
    }

    /** Where the test server is, for tests that print it. */
    public static String describe() {
        return String.valueOf(server);
    }

    private static DatabaseSettings startServer() {
        String url = System.getenv("PLATEAU_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return DatabaseSettings.fromUrl(url);
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new DatabaseSettings(container.getHost(), container.getFirstMappedPort(), container.getDatabaseName(),
                    container.getUsername(), container.getPassword());
        }
        try {
            Path dir = Files.createTempDirectory("plateau-test-pg");
            EmbeddedDatabase embedded = EmbeddedDatabase.startThrowaway(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            return embedded.settings();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create a directory for the embedded test database", e);
        }
    }
}
