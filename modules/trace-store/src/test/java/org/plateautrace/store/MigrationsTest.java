package org.plateautrace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void migratesAnEmptyDatabaseOnceAndThenHasNothingLeftToDo() {
        DatabaseSettings db = TestDatabase.fresh();
        assertTrue(Migrations.migrate(db) >= 2);
        assertEquals(0, Migrations.migrate(db));
    }

    @Test
    void refusesToEditOrDeleteAStoredEvent() throws SQLException {
        DatabaseSettings db = TestDatabase.fresh();
        Migrations.migrate(db);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO event (event_id, event_type, event_time, event_time_zone_offset, seq, content, hash) "
                    + "VALUES ('e1', 'ObjectEvent', now(), '+08:00', 1, '{}', sha256('{}'))");
            SQLException update = assertThrows(SQLException.class, () -> s.execute("UPDATE event SET biz_step = 'x'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> s.execute("DELETE FROM event"));
        }
    }
}
