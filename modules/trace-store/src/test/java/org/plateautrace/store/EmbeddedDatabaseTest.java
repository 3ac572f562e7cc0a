package org.plateautrace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void flushesEachCommitToDiskBeforeAnsweringAndKeepsItsDataAcrossRestarts() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data);
             Connection connection = connect(database);
             Statement statement = connection.createStatement()) {
            for (String flush : new String[] {"fsync", "synchronous_commit"}) {
                try (ResultSet setting = statement.executeQuery("SHOW " + flush)) {
                    setting.next();
                    assertEquals("on", setting.getString(1), flush + ": a write answered 2xx must survive a crash of the machine");
                }
            }
            try (ResultSet setting = statement.executeQuery("SELECT setting::bigint * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'")) {
                setting.next();
                assertEquals(EmbeddedDatabase.sharedBuffersMegabytes(), setting.getLong(1), "a quarter of the machine's memory");
            }
            statement.execute("CREATE TABLE kept (id int)");
            statement.execute("INSERT INTO kept VALUES (7)");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data);
             Connection connection = connect(database);
             Statement statement = connection.createStatement();
             ResultSet kept = statement.executeQuery("SELECT id FROM kept")) {
            kept.next();
            assertEquals(7, kept.getInt(1));
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws Exception {
        DatabaseSettings settings = database.settings();
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
}
