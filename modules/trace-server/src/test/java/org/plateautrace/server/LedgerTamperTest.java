package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.plateautrace.model.ledger.ChainCheck;
import org.plateautrace.model.ledger.ChainCheck.Verdict;
import org.plateautrace.model.ledger.HashChain;
import org.plateautrace.service.ledger.LedgerService;
import org.plateautrace.store.Database;
import org.plateautrace.store.DatabaseSettings;
import org.plateautrace.store.ledger.LedgerRepository;
import picocli.CommandLine;

/**
 * Someone with database rights switches the append-only triggers off and edits or removes an event:
 * the ledger verification names exactly that event. Each tampering test but the last puts the row
 * back, so the tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerTamperTest extends ServerTest {
    private static final int HARVESTS = 6;

    private DatabaseSettings settings;
    private Database database;
    private LedgerService ledger;

    @BeforeAll
    void recordHarvests() {
        Fixtures.Party coop = fixtures.party("cooperative");
        long site = fixtures.site(coop);
        long tea = fixtures.product(coop, "tea", "kg");
        for (int i = 0; i < HARVESTS; i++) {
            Api.Response lot = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, site));
            assertEquals(201, lot.status(), lot.body());
        }
        settings = DatabaseSettings.fromUrl(server.config.dbUrl());
        database = Database.open(server.vertx, settings, 2).await();
        ledger = new LedgerService(database.pool());
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close().await();
        }
    }

    @Test
    @Order(1)
    void isIntactAfterNormalUse() throws SQLException {
        long events = count();
        assertTrue(events >= HARVESTS, "events: " + events);

        assertEquals(Verdict.intact(events), ledger.verify().await());
        // several cursor reads, not one
        assertEquals(Verdict.intact(events), new LedgerRepository(database.pool()).verify(2).await());

        Run run = cli();
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("ledger intact: " + events + " events checked"), run.toString());
    }

    @Test
    @Order(2)
    void alteredContentIsNamed() throws SQLException {
        Stored third = stored(3);
        assertTrue(third.content().contains("\"quantity\":120.5"), third.content());
        update("UPDATE event SET content = ? WHERE seq = 3", third.content().replace("\"quantity\":120.5", "\"quantity\":1205"));
        try {
            Verdict verdict = ledger.verify().await();
            assertFalse(verdict.intact());
            assertEquals(3L, verdict.firstBadSeq());
            assertEquals(third.eventId(), verdict.firstBadEventId());
            assertTrue(verdict.reason().startsWith(ChainCheck.CONTENT_ALTERED), verdict.reason());
            assertEquals(3, verdict.checked());

            Run run = cli();
            assertEquals(3, run.exit(), run.toString());
            assertTrue(run.out().contains("ledger BROKEN at event seq 3 (" + third.eventId() + "): content altered"), run.toString());
        } finally {
            update("UPDATE event SET content = ? WHERE seq = 3", third.content());
        }
        assertTrue(ledger.verify().await().intact());
    }

    @Test
    @Order(3)
    void anAlteredColumnIsNamed() throws SQLException {
        Stored second = stored(2);
        assertEquals("commissioning", second.bizStep());
        update("UPDATE event SET biz_step = ? WHERE seq = 2", "retail_selling");
        try {
            Verdict verdict = ledger.verify().await();
            assertFalse(verdict.intact());
            assertEquals(2L, verdict.firstBadSeq());
            assertEquals(second.eventId(), verdict.firstBadEventId());
            assertTrue(verdict.reason().startsWith(ChainCheck.COLUMN_ALTERED), verdict.reason());
            assertTrue(verdict.reason().contains("biz_step"), verdict.reason());
        } finally {
            update("UPDATE event SET biz_step = ? WHERE seq = 2", second.bizStep());
        }
        assertTrue(ledger.verify().await().intact());
    }

    @Test
    @Order(4)
    void contentAlteredWithItsHashRecomputedBreaksTheNextLink() throws SQLException {
        Stored second = stored(2);
        Stored third = stored(3);
        String forged = second.content().replace("\"quantity\":120.5", "\"quantity\":1205");
        byte[] forgedHash = HashChain.next(second.prevHash(), forged);
        try (Connection connection = tamper()) {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE event SET content = ?, hash = ? WHERE seq = 2")) {
                statement.setString(1, forged);
                statement.setBytes(2, forgedHash);
                statement.executeUpdate();
            }
            untamper(connection);
        }
        try {
            Verdict verdict = ledger.verify().await();
            assertFalse(verdict.intact());
            assertEquals(3L, verdict.firstBadSeq());
            assertEquals(third.eventId(), verdict.firstBadEventId());
            assertTrue(verdict.reason().startsWith(ChainCheck.LINK_BROKEN), verdict.reason());
            assertTrue(verdict.reason().contains("seq 2"), verdict.reason());
        } finally {
            try (Connection connection = tamper()) {
                try (PreparedStatement statement = connection.prepareStatement("UPDATE event SET content = ?, hash = ? WHERE seq = 2")) {
                    statement.setString(1, second.content());
                    statement.setBytes(2, second.hash());
                    statement.executeUpdate();
                }
                untamper(connection);
            }
        }
        assertTrue(ledger.verify().await().intact());
    }

    /** Last: the removed row is not put back. */
    @Test
    @Order(5)
    void aRemovedEventIsNamedByItsSeqAndTheEventAfterTheGap() throws SQLException {
        long events = count();
        Stored fourth = stored(4);
        Stored fifth = stored(5);
        try (Connection connection = tamper()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE event_quantity DISABLE TRIGGER event_quantity_append_only");
                statement.execute("DELETE FROM event_quantity WHERE event_pk = " + fourth.id());
                statement.execute("DELETE FROM event_party WHERE event_pk = " + fourth.id());
                statement.execute("DELETE FROM event WHERE id = " + fourth.id());
                statement.execute("ALTER TABLE event_quantity ENABLE TRIGGER event_quantity_append_only");
            }
            untamper(connection);
        }
        assertEquals(events - 1, count());

        Verdict verdict = ledger.verify().await();
        assertFalse(verdict.intact());
        assertEquals(4L, verdict.firstBadSeq());
        assertEquals(fifth.eventId(), verdict.firstBadEventId());
        assertTrue(verdict.reason().startsWith(ChainCheck.EVENT_REMOVED), verdict.reason());
        assertTrue(verdict.reason().contains("seq 4 is missing"), verdict.reason());

        Run run = cli();
        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.out().contains("ledger BROKEN at event seq 4 (" + fifth.eventId() + "): event removed"), run.toString());
    }

    @Test
    @Order(6)
    void anUnreachableDatabaseIsAnError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new VerifyLedgerCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("--db-url", "postgresql://nobody:nothing@127.0.0.1:" + TestServer.freePort() + "/none");
        assertEquals(1, exit, out + "\n" + err);
        assertTrue(err.toString().contains("ledger not verified"), err.toString());
    }

    @Test
    @Order(7)
    void verifiesTheEmbeddedDatabaseUnderADataDirectory(@TempDir Path dataDir) {
        try (TestServer embedded = TestServer.embedded(dataDir, TestServer.ADMIN_TOKEN)) {
            Fixtures own = new Fixtures(embedded.api);
            Fixtures.Party coop = own.party("cooperative");
            Api.Response lot = embedded.api.post("/api/v1/lots", coop.token(),
                    Fixtures.teaHarvest(own.product(coop, "tea", "kg"), own.site(coop)));
            assertEquals(201, lot.status(), lot.body());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new VerifyLedgerCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("--data-dir", dataDir.toString());
        assertEquals(0, exit, out + "\n" + err);
        assertTrue(out.toString().contains("ledger intact: 1 events checked"), out.toString());
    }

    private record Stored(long id, String eventId, String content, String bizStep, byte[] prevHash, byte[] hash) {
    }

    private record Run(int exit, String out, String err) {
    }

    private Run cli() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new VerifyLedgerCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("--db-url", server.config.dbUrl());
        return new Run(exit, out.toString(), err.toString());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    private long count() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Stored stored(long seq) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, event_id, content, biz_step, prev_hash, hash FROM event WHERE seq = ?")) {
            statement.setLong(1, seq);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "no event at seq " + seq);
                return new Stored(rows.getLong("id"), rows.getString("event_id"), rows.getString("content"),
                        rows.getString("biz_step"), rows.getBytes("prev_hash"), rows.getBytes("hash"));
            }
        }
    }

    /** A transaction with the event table's append-only trigger switched off, as a tamperer would. */
    private Connection tamper() throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE event DISABLE TRIGGER event_append_only");
        }
        return connection;
    }

    private static void untamper(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE event ENABLE TRIGGER event_append_only");
        }
        connection.commit();
    }

    /** One UPDATE with the trigger off, committed with the trigger back on. */
    private void update(String sql, String value) throws SQLException {
        try (Connection connection = tamper()) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, value);
                assertEquals(1, statement.executeUpdate());
            }
            untamper(connection);
        }
    }
}
