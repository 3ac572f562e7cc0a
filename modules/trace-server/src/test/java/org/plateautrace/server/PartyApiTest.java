package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.plateautrace.store.DatabaseSettings;

class PartyApiTest extends ServerTest {

    @Test
    void administratorRegistersACooperativeAndGetsItsFirstTokenOnce() {
        JsonObject request = Fixtures.partyJson("cooperative")
                .put("contact", new JsonObject().put("person", "次仁卓玛").put("phone", "0894-5800101"));
        Api.Response created = api.post("/api/v1/parties", TestServer.ADMIN_TOKEN, request);

        assertEquals(201, created.status(), created.body());
        JsonObject party = created.json();
        assertTrue(party.getString("token").startsWith("pt_"));
        assertEquals("/api/v1/parties/" + party.getLong("id"), created.location());
        assertEquals(request.getString("creditCode"), party.getString("creditCode"));

        Api.Response read = api.get("/api/v1/parties/" + party.getLong("id"), party.getString("token"));
        assertEquals(200, read.status());
        assertEquals("cooperative", read.json().getString("kind"));
        assertEquals("次仁卓玛", read.json().getJsonObject("contact").getString("person"));
        assertFalse(read.json().containsKey("token"), "a token is shown only when it is created");
    }

    @Test
    void storesTokensOnlyAsHashes() throws Exception {
        Fixtures.Party coop = fixtures.party("cooperative");
        DatabaseSettings db = DatabaseSettings.fromUrl(server.config.dbUrl());
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement query = c.prepareStatement("SELECT token_hash FROM api_token WHERE party_id = ?")) {
            query.setLong(1, coop.id());
            ResultSet rows = query.executeQuery();
            assertTrue(rows.next());
            byte[] stored = rows.getBytes(1);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(coop.token().getBytes(StandardCharsets.UTF_8)), stored);
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(coop.token()));
        }
    }

    @Test
    void refusesACreditCodeWithAWrongCheckCharacter() {
        String valid = Fixtures.creditCode();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        Api.Response refused = api.post("/api/v1/parties", TestServer.ADMIN_TOKEN,
                Fixtures.partyJson("cooperative").put("creditCode", valid.substring(0, 17) + wrong));

        assertEquals(400, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("creditCode", refused.field());
        assertTrue(refused.json().getString("detail").contains("check character"), refused.body());
    }

    @Test
    void refusesASecondPartyWithTheSameCreditCode() {
        JsonObject request = Fixtures.partyJson("processor");
        assertEquals(201, api.post("/api/v1/parties", TestServer.ADMIN_TOKEN, request).status());

        Api.Response again = api.post("/api/v1/parties", TestServer.ADMIN_TOKEN, request.put("name", "另一个名字"));
        assertEquals(409, again.status());
        assertEquals("creditCode", again.field());
    }

    @Test
    void refusesUnknownFieldsMalformedJsonAndUnknownKinds() {
        Api.Response unknownField = api.post("/api/v1/parties", TestServer.ADMIN_TOKEN,
                Fixtures.partyJson("cooperative").put("nickname", "x"));
        assertEquals(400, unknownField.status());
        assertEquals("nickname", unknownField.field());

        Api.Response malformed = api.post("/api/v1/parties", TestServer.ADMIN_TOKEN, "{\"kind\": \"cooperative\",");
        assertEquals(400, malformed.status());
        assertEquals("urn:plateautrace:problem:malformed-json", malformed.json().getString("type"));

        Api.Response badKind = api.post("/api/v1/parties", TestServer.ADMIN_TOKEN, Fixtures.partyJson("farmer"));
        assertEquals(400, badKind.status());
        assertEquals("kind", badKind.field());

        Api.Response badPhone = api.post("/api/v1/parties", TestServer.ADMIN_TOKEN, Fixtures.partyJson("lab")
                .put("contact", new JsonObject().put("phone", "call me")));
        assertEquals(400, badPhone.status());
        assertEquals("contact.phone", badPhone.field());

        Api.Response noName = api.post("/api/v1/parties", TestServer.ADMIN_TOKEN, Fixtures.partyJson("lab").put("name", "  "));
        assertEquals(400, noName.status());
        assertEquals("name", noName.field());
    }

    @Test
    void onlyTheAdministratorCreatesParties() {
        Fixtures.Party coop = fixtures.party("cooperative");
        Fixtures.Party regulator = fixtures.party("regulator");

        assertEquals(403, api.post("/api/v1/parties", coop.token(), Fixtures.partyJson("cooperative")).status());
        assertEquals(403, api.post("/api/v1/parties", regulator.token(), Fixtures.partyJson("cooperative")).status());
        Api.Response anonymous = api.post("/api/v1/parties", null, Fixtures.partyJson("cooperative"));
        assertEquals(401, anonymous.status());
        assertEquals("application/problem+json", anonymous.contentType());
        assertEquals(401, api.get("/api/v1/parties", "pt_not-a-real-token").status());
    }

    @Test
    void aPartyIssuesAndRevokesItsOwnTokens() {
        Fixtures.Party coop = fixtures.party("cooperative");
        Api.Response issued = api.post("/api/v1/parties/" + coop.id() + "/tokens", coop.token(),
                new JsonObject().put("label", "采摘点平板"));
        assertEquals(201, issued.status(), issued.body());
        String second = issued.json().getString("token");
        long secondId = issued.json().getLong("id");
        assertEquals(200, api.get("/api/v1/sites", second).status());

        Api.Response listed = api.get("/api/v1/parties/" + coop.id() + "/tokens", coop.token());
        assertEquals(2, listed.items().size());
        assertFalse(listed.body().contains(second), "token lists never show a secret");

        assertEquals(204, api.delete("/api/v1/parties/" + coop.id() + "/tokens/" + secondId, coop.token()).status());
        assertEquals(401, api.get("/api/v1/sites", second).status());
        assertEquals(200, api.get("/api/v1/sites", coop.token()).status());
        assertNotNull(api.get("/api/v1/parties/" + coop.id() + "/tokens", coop.token()).items()
                .getJsonObject(1).getString("revokedAt"));
        assertEquals(404, api.delete("/api/v1/parties/" + coop.id() + "/tokens/" + secondId, coop.token()).status());
    }

    @Test
    void aPartyCannotManageAnotherPartysTokens() {
        Fixtures.Party coop = fixtures.party("cooperative");
        Fixtures.Party other = fixtures.party("carrier");

        assertEquals(403, api.post("/api/v1/parties/" + other.id() + "/tokens", coop.token(), new JsonObject()).status());
        assertEquals(403, api.get("/api/v1/parties/" + other.id() + "/tokens", coop.token()).status());
        assertEquals(201, api.post("/api/v1/parties/" + other.id() + "/tokens", TestServer.ADMIN_TOKEN, new JsonObject()).status());
    }

    @Test
    void listsPartiesByKindAPageAtATime() {
        for (int i = 0; i < 3; i++) {
            fixtures.party("retailer");
        }
        Api.Response first = api.get("/api/v1/parties?kind=retailer&limit=2", TestServer.ADMIN_TOKEN);
        assertEquals(200, first.status(), first.body());
        assertEquals(2, first.items().size());
        first.items().forEach(p -> assertEquals("retailer", ((JsonObject) p).getString("kind")));
        String next = first.json().getString("next");
        assertNotNull(next);

        Api.Response rest = api.get(next, TestServer.ADMIN_TOKEN);
        assertTrue(rest.items().size() >= 1);
        assertTrue(rest.items().getJsonObject(0).getLong("id") < first.items().getJsonObject(1).getLong("id"));

        Api.Response all = api.get("/api/v1/parties?kind=retailer&limit=500", TestServer.ADMIN_TOKEN);
        assertNull(all.json().getValue("next"));
        assertEquals(400, api.get("/api/v1/parties?colour=red", TestServer.ADMIN_TOKEN).status());
        assertEquals(400, api.get("/api/v1/parties?limit=0", TestServer.ADMIN_TOKEN).status());
    }

    @Test
    void unknownPathsAndIdsAreProblemsNotStackTraces() {
        Api.Response unknown = api.get("/api/v1/parties/999999", TestServer.ADMIN_TOKEN);
        assertEquals(404, unknown.status());
        assertEquals("application/problem+json", unknown.contentType());
        assertEquals(404, api.get("/api/v1/parties/abc", TestServer.ADMIN_TOKEN).status());
        assertEquals(404, api.get("/no/such/page", null).status());
        assertEquals(405, api.delete("/health", null).status());
    }
}
