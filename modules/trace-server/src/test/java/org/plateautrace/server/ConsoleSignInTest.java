package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** People sign in to the console with a password and are then served by the API through their session cookie. */
class ConsoleSignInTest extends ServerTest {
    private static final String PASSWORD = "青稞-barley-2026";

    @Test
    void signsInWithThePasswordAndReadsTheApiWithTheSessionCookie() {
        Fixtures.Party coop = fixtures.party("cooperative");
        user(coop, "zhuoma", "operator");
        Api.Response signIn = signIn("Zhuoma", PASSWORD);
        assertEquals(201, signIn.status(), signIn.body());
        assertEquals("zhuoma", signIn.json().getJsonObject("user").getString("login"));
        assertEquals("operator", signIn.json().getJsonObject("user").getString("role"));
        assertFalse(signIn.body().contains("password"), "no password hash in the answer: " + signIn.body());
        String cookie = signIn.header("Set-Cookie");
        assertTrue(cookie.startsWith("plateau_session=ps_"), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Max-Age="), cookie);

        Api.Response me = api.get("/api/v1/session", null, "Cookie", session(signIn));
        assertEquals(200, me.status(), me.body());
        assertEquals(coop.id(), me.json().getJsonObject("user").getLong("partyId"));
        Api.Response sites = api.get("/api/v1/sites", null, "Cookie", session(signIn));
        assertEquals(200, sites.status(), sites.body());
        Api.Response site = write("POST", "/api/v1/sites", session(signIn), siteJson(), true);
        assertEquals(201, site.status(), site.body());
    }

    @Test
    void theSessionTokenIsStoredOnlyAsItsHashAndThePasswordAsPbkdf2() throws Exception {
        Fixtures.Party coop = fixtures.party("cooperative");
        user(coop, "hashed.only", "viewer");
        String token = session(signIn("hashed.only", PASSWORD)).substring("plateau_session=".length());
        var settings = server.server.databaseSettings();
        try (var connection = java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             var sessions = connection.prepareStatement("SELECT count(*) FROM user_session WHERE token_hash = sha256(convert_to(?, 'UTF8'))");
             var users = connection.prepareStatement("SELECT password_hash FROM app_user WHERE login = 'hashed.only'")) {
            sessions.setString(1, token);
            try (var rows = sessions.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getLong(1), "the session is found by the SHA-256 of its token");
            }
            try (var rows = users.executeQuery()) {
                rows.next();
                String hash = rows.getString(1);
                assertTrue(hash.startsWith("pbkdf2-sha256$210000$"), hash);
                assertFalse(hash.contains(PASSWORD));
            }
        }
    }

    @Test
    void anExpiredSessionIsRefused() throws Exception {
        Fixtures.Party coop = fixtures.party("cooperative");
        user(coop, "expiring", "operator");
        String cookie = session(signIn("expiring", PASSWORD));
        assertEquals(200, api.get("/api/v1/session", null, "Cookie", cookie).status());
        var settings = server.server.databaseSettings();
        try (var connection = java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE user_session SET expires_at = now() - interval '1 second' "
                    + "WHERE user_id = (SELECT id FROM app_user WHERE login = 'expiring')");
        }
        Api.Response expired = api.get("/api/v1/session", null, "Cookie", cookie);
        assertEquals(401, expired.status(), expired.body());
    }

    @Test
    void aPartyListsOnlyItsOwnPeople() {
        Fixtures.Party coop = fixtures.party("cooperative");
        Fixtures.Party other = fixtures.party("cooperative");
        user(coop, "own.person", "viewer");
        user(other, "other.person", "viewer");
        Api.Response own = api.get("/api/v1/users", coop.token());
        assertEquals(List.of("own.person"), own.items().stream().map(item -> ((JsonObject) item).getString("login")).toList());
        Api.Response theirs = api.get("/api/v1/users?partyId=" + other.id(), coop.token());
        assertEquals(403, theirs.status());
        assertEquals("partyId", theirs.field());
        assertEquals(200, api.get("/api/v1/users?partyId=" + other.id(), TestServer.ADMIN_TOKEN).status());
    }

    @Test
    void refusesAWrongPasswordWith401NamingThePassword() {
        Fixtures.Party coop = fixtures.party("cooperative");
        user(coop, "wrong.once", "operator");
        Api.Response wrong = signIn("wrong.once", "not-the-password");
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals("password", wrong.field());
        assertNull(wrong.header("Set-Cookie"));
        Api.Response unknown = signIn("nobody.here", "not-the-password");
        assertEquals(401, unknown.status());
        assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"), "an unknown login is not told apart");
    }

    @Test
    void locksAnAccountAfterFiveWrongPasswords() {
        Fixtures.Party coop = fixtures.party("cooperative");
        user(coop, "guessed", "operator");
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, signIn("guessed", "wrong-password-" + i).status());
        }
        Api.Response fifth = signIn("guessed", "wrong-password-5");
        assertEquals(429, fifth.status(), fifth.body());
        Api.Response right = signIn("guessed", PASSWORD);
        assertEquals(429, right.status(), "even the right password waits: " + right.body());
        long retryAfter = Long.parseLong(right.header("Retry-After"));
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        assertEquals("password", right.field());
    }

    @Test
    void stopsOneAddressGuessingAcrossManyLoginsAfterTwentyWrongSignIns() {
        Fixtures.Party coop = fixtures.party("cooperative");
        user(coop, "sprayed", "operator");
        String guesser = "203.0.113.77";
        for (int i = 1; i <= 20; i++) {
            Api.Response wrong = signInFrom(guesser, i <= 4 ? "sprayed" : "no.such.person" + i, "guess-" + i);
            assertEquals(401, wrong.status(), "attempt " + i + ": " + wrong.body());
        }
        Api.Response blocked = signInFrom(guesser, "sprayed", PASSWORD);
        assertEquals(429, blocked.status(), "the address waits even with the right password: " + blocked.body());
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        Api.Response elsewhere = signInFrom("198.51.100.4", "sprayed", PASSWORD);
        assertEquals(201, elsewhere.status(), "the account itself is not locked, another address signs in: " + elsewhere.body());
    }

    @Test
    void aGoodSignInClearsEarlierFailures() {
        Fixtures.Party coop = fixtures.party("cooperative");
        user(coop, "forgetful", "operator");
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, signIn("forgetful", "wrong-password-" + i).status());
        }
        assertEquals(201, signIn("forgetful", PASSWORD).status());
        assertEquals(401, signIn("forgetful", "wrong-password-again").status(), "the count started again");
    }

    @Test
    void refusesACookieWriteWithoutTheConsoleHeader() {
        Fixtures.Party coop = fixtures.party("cooperative");
        user(coop, "csrf.target", "operator");
        String cookie = session(signIn("csrf.target", PASSWORD));
        Api.Response forged = write("POST", "/api/v1/sites", cookie, siteJson(), false);
        assertEquals(403, forged.status(), forged.body());
        assertEquals("X-Plateau-Console", forged.field());
        Api.Response signIn = api.send("POST", "/api/v1/session", null,
                new JsonObject().put("login", "csrf.target").put("password", PASSWORD).encode());
        assertEquals(403, signIn.status(), "sign-in needs the header too: " + signIn.body());
    }

    @Test
    void signOutEndsTheSession() {
        Fixtures.Party coop = fixtures.party("cooperative");
        user(coop, "leaving", "operator");
        String cookie = session(signIn("leaving", PASSWORD));
        Api.Response out = write("DELETE", "/api/v1/session", cookie, null, true);
        assertEquals(204, out.status(), out.body());
        assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), out.header("Set-Cookie"));
        assertEquals(401, api.get("/api/v1/session", null, "Cookie", cookie).status());
    }

    @Test
    void aViewerReadsButWritesNothing() {
        Fixtures.Party coop = fixtures.party("cooperative");
        user(coop, "looker", "viewer");
        String cookie = session(signIn("looker", PASSWORD));
        assertEquals(200, api.get("/api/v1/lots", null, "Cookie", cookie).status());
        Api.Response site = write("POST", "/api/v1/sites", cookie, siteJson(), true);
        assertEquals(403, site.status(), site.body());
    }

    @Test
    void aPartyAdminCreatesPeopleOnlyInItsOwnParty() {
        Fixtures.Party coop = fixtures.party("cooperative");
        Fixtures.Party other = fixtures.party("processor");
        user(coop, "boss", "party_admin");
        String cookie = session(signIn("boss", PASSWORD));
        Api.Response mine = write("POST", "/api/v1/users", cookie, newUser(coop.id(), "picker", "operator"), true);
        assertEquals(201, mine.status(), mine.body());
        Api.Response theirs = write("POST", "/api/v1/users", cookie, newUser(other.id(), "spy", "operator"), true);
        assertEquals(403, theirs.status(), theirs.body());
        Api.Response listed = api.get("/api/v1/users", null, "Cookie", cookie);
        assertEquals(List.of("boss", "picker"), listed.items().stream().map(item -> ((JsonObject) item).getString("login")).toList());

        user(coop, "worker", "operator");
        String operator = session(signIn("worker", PASSWORD));
        Api.Response refused = write("POST", "/api/v1/users", operator, newUser(coop.id(), "another", "operator"), true);
        assertEquals(403, refused.status(), "an operator does not manage people: " + refused.body());
        Api.Response tokens = write("POST", "/api/v1/parties/" + coop.id() + "/tokens", operator, new JsonObject(), true);
        assertEquals(403, tokens.status(), "nor tokens: " + tokens.body());
    }

    @Test
    void createsPeopleWithThePartyTokenOrTheAdministratorTokenAndRefusesBadInputByField() {
        Fixtures.Party coop = fixtures.party("cooperative");
        assertEquals(201, api.post("/api/v1/users", coop.token(), newUser(coop.id(), "by.token", "party_admin")).status());
        Api.Response taken = api.post("/api/v1/users", TestServer.ADMIN_TOKEN, newUser(coop.id(), "BY.TOKEN", "viewer"));
        assertEquals(409, taken.status(), taken.body());
        assertEquals("login", taken.field());
        Api.Response shortPassword = api.post("/api/v1/users", TestServer.ADMIN_TOKEN,
                newUser(coop.id(), "short.pw", "viewer").put("password", "short"));
        assertEquals(400, shortPassword.status());
        assertEquals("password", shortPassword.field());
        Api.Response badLogin = api.post("/api/v1/users", TestServer.ADMIN_TOKEN, newUser(coop.id(), "has space", "viewer"));
        assertEquals("login", badLogin.field());
        Api.Response badRole = api.post("/api/v1/users", TestServer.ADMIN_TOKEN, newUser(coop.id(), "regulating", "regulator"));
        assertEquals(400, badRole.status());
        assertEquals("role", badRole.field());
        Api.Response noParty = api.post("/api/v1/users", TestServer.ADMIN_TOKEN, newUser(coop.id(), "no.party", "operator").putNull("partyId"));
        assertEquals("partyId", noParty.field());
        Api.Response admin = api.post("/api/v1/users", TestServer.ADMIN_TOKEN, newUser(coop.id(), "root", "platform_admin").putNull("partyId"));
        assertEquals(201, admin.status(), admin.body());
        assertEquals(403, api.post("/api/v1/users", coop.token(), newUser(coop.id(), "root2", "platform_admin").putNull("partyId")).status());
    }

    @Test
    void aRegulatorSignsInAndReadsEveryParty() {
        Fixtures.Party regulator = fixtures.party("regulator");
        Fixtures.Party coop = fixtures.party("cooperative");
        long farm = fixtures.site(coop);
        user(regulator, "inspector", "regulator");
        String cookie = session(signIn("inspector", PASSWORD));
        Api.Response site = api.get("/api/v1/sites/" + farm, null, "Cookie", cookie);
        assertEquals(200, site.status(), site.body());
        assertEquals("regulator", api.get("/api/v1/session", null, "Cookie", cookie).json().getJsonObject("caller").getString("role"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void user(Fixtures.Party party, String login, String role) {
        Api.Response created = api.post("/api/v1/users", TestServer.ADMIN_TOKEN, newUser(party.id(), login, role));
        assertEquals(201, created.status(), created.body());
    }

    static JsonObject newUser(long partyId, String login, String role) {
        return new JsonObject().put("login", login).put("name", "卓玛 " + login).put("role", role).put("partyId", partyId)
                .put("password", PASSWORD);
    }

    private Api.Response signIn(String login, String password) {
        return api.send("POST", "/api/v1/session", null, new JsonObject().put("login", login).put("password", password).encode(),
                "X-Plateau-Console", "1");
    }

    private Api.Response signInFrom(String address, String login, String password) {
        return api.send("POST", "/api/v1/session", null, new JsonObject().put("login", login).put("password", password).encode(),
                "X-Plateau-Console", "1", "X-Forwarded-For", address);
    }

    /** The Cookie header a browser sends back after this sign-in. */
    private static String session(Api.Response signIn) {
        String cookie = signIn.header("Set-Cookie");
        assertNotNull(cookie, signIn.body());
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private Api.Response write(String method, String path, String cookie, JsonObject body, boolean consoleHeader) {
        return consoleHeader ? api.send(method, path, null, body == null ? null : body.encode(), "Cookie", cookie, "X-Plateau-Console", "1")
                : api.send(method, path, null, body == null ? null : body.encode(), "Cookie", cookie);
    }

    private static JsonObject siteJson() {
        return new JsonObject().put("kind", "farm_base").put("name", "易贡茶场 5 号茶园").put("county", "波密县");
    }
}
