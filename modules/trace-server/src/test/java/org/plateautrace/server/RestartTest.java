package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a user runs it: embedded PostgreSQL under a data directory that survives restarts. */
class RestartTest {

    @Test
    void findsEverythingAgainAfterARestartOnTheSameDataDirectory(@TempDir Path dataDir) {
        long lotId;
        String coopToken;
        String lotCode;
        try (TestServer first = TestServer.embedded(dataDir, TestServer.ADMIN_TOKEN)) {
            Fixtures fixtures = new Fixtures(first.api);
            Fixtures.Party coop = fixtures.party("cooperative");
            coopToken = coop.token();
            Api.Response lot = first.api.post("/api/v1/lots", coopToken,
                    Fixtures.teaHarvest(fixtures.product(coop, "tea", "kg"), fixtures.site(coop)));
            assertEquals(201, lot.status(), lot.body());
            lotId = lot.json().getLong("id");
            lotCode = lot.json().getString("lotCode");
        }
        try (TestServer second = TestServer.embedded(dataDir, TestServer.ADMIN_TOKEN)) {
            Api.Response lot = second.api.get("/api/v1/lots/" + lotId, coopToken);
            assertEquals(200, lot.status(), lot.body());
            assertEquals(lotCode, lot.json().getString("lotCode"));
            assertEquals(1, second.api.get("/api/v1/lots/" + lotId + "/events", coopToken).items().size());
        }
    }

    @Test
    void generatesAnAdministratorTokenOnFirstStartOnlyAndItKeepsWorking(@TempDir Path dataDir) {
        String generated;
        try (TestServer first = TestServer.embedded(dataDir, null)) {
            generated = first.server.generatedAdminToken().orElseThrow();
            assertTrue(generated.startsWith("pt_"));
            assertEquals(201, first.api.post("/api/v1/parties", generated, Fixtures.partyJson("lab")).status());
        }
        try (TestServer second = TestServer.embedded(dataDir, null)) {
            assertTrue(second.server.generatedAdminToken().isEmpty(), "the token is made and shown once");
            assertEquals(200, second.api.get("/api/v1/parties", generated).status());
        }
    }

    @Test
    void aStartRemovesTheCaptureUploadsTheLastStopCutOff(@TempDir Path dataDir) throws Exception {
        Path spool = Files.createDirectories(dataDir.resolve("spool"));
        Path cutOff = Files.writeString(spool.resolve("capture-123.json"), "{\"type\": \"EPCISDocument\", \"epcisBody\": {\"eventList\": [");
        try (TestServer server = TestServer.embedded(dataDir, TestServer.ADMIN_TOKEN)) {
            assertFalse(Files.exists(cutOff), "a half-received document is not kept");
            assertTrue(Files.isDirectory(spool));
        }
    }

    @Test
    void aCaptureLeftRunningByAStopIsReportedFailedAfterRestart(@TempDir Path dataDir) throws Exception {
        UUID job = UUID.randomUUID();
        String token;
        try (TestServer first = TestServer.embedded(dataDir, TestServer.ADMIN_TOKEN)) {
            Fixtures.Party company = new Fixtures(first.api).party("enterprise");
            token = company.token();
            // what a stop in the middle of a capture leaves: the job row, still running (its transaction never committed)
            var db = first.server.databaseSettings();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO epcis_capture (id, party_id, behaviour, events) VALUES (?, ?, 'rollback', 10000)")) {
                insert.setObject(1, job);
                insert.setLong(2, company.id());
                insert.executeUpdate();
            }
            assertTrue(first.api.get("/epcis/capture/" + job, token).json().getBoolean("running"));
        }
        try (TestServer second = TestServer.embedded(dataDir, TestServer.ADMIN_TOKEN)) {
            Api.Response answer = second.api.get("/epcis/capture/" + job, token);
            assertEquals(200, answer.status(), answer.body());
            JsonObject status = answer.json();
            assertFalse(status.getBoolean("running"));
            assertFalse(status.getBoolean("success"));
            assertEquals(0, status.getInteger("stored"));
            assertTrue(status.getJsonArray("errors").getJsonObject(0).getString("detail").contains("server stopped"), status.encode());
        }
    }
}
