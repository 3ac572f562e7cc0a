package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The demo data set goes in through the API and shows what the platform is for. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest {
    private TestServer server;
    private Api api;

    @BeforeAll
    void start() {
        server = TestServer.start(true);
        api = server.api;
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void loadsNyingchiPartiesOfEveryKindWithTheirTokens() throws Exception {
        List<JsonObject> parties = all("/api/v1/parties?limit=500");
        assertTrue(parties.size() >= 10, "parties: " + parties.size());
        Set<String> kinds = parties.stream().map(p -> p.getString("kind")).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("cooperative", "processor", "carrier", "retailer", "lab", "regulator")), kinds.toString());
        assertTrue(parties.stream().anyMatch(p -> p.getString("county").equals("墨脱县")));

        String tokens = Files.readString(server.config.dataDir().resolve("demo-tokens.env"));
        String regulatorToken = tokens.lines().filter(l -> l.startsWith("TOKEN_NYINGCHI_REGULATOR="))
                .findFirst().orElseThrow().split("=", 2)[1];
        assertEquals(200, api.get("/api/v1/lots", regulatorToken).status());
    }

    @Test
    void everyDemoPartyHasAConsolePersonWithTheDocumentedPassword() throws Exception {
        String env = Files.readString(server.config.dataDir().resolve("demo-tokens.env"));
        assertTrue(env.contains("CONSOLE_PASSWORD=" + DemoData.CONSOLE_PASSWORD), env);
        List<String> logins = env.lines().filter(l -> l.startsWith("LOGIN_")).map(l -> l.split("=", 2)[1]).toList();
        assertEquals(all("/api/v1/parties?limit=500").size(), logins.size());
        Api.Response signIn = api.send("POST", "/api/v1/session", null, new JsonObject().put("login", "nyingchi-regulator")
                .put("password", DemoData.CONSOLE_PASSWORD).encode(), "X-Plateau-Console", "1");
        assertEquals(201, signIn.status(), signIn.body());
        assertEquals("regulator", signIn.json().getJsonObject("user").getString("role"));
    }

    @Test
    void hasHarvestLotsOfEveryCommodityUnderTheSevenNyingchiBrands() {
        List<JsonObject> products = all("/api/v1/products?limit=500");
        Set<String> brands = products.stream().map(p -> p.getString("brand")).collect(Collectors.toSet());
        assertTrue(brands.containsAll(Set.of("林芝茶叶", "林芝藏香猪", "林芝苹果", "林芝木耳", "林芝羊肚菌", "林芝灵芝", "林芝天麻")), brands.toString());
        assertTrue(products.stream().allMatch(p -> p.getString("gtin").startsWith("02")), "restricted-circulation GTINs only");

        Map<Long, String> commodityOfProduct = products.stream()
                .collect(Collectors.toMap(p -> p.getLong("id"), p -> p.getString("commodity")));
        Set<String> lotCommodities = all("/api/v1/lots?limit=500").stream()
                .map(lot -> commodityOfProduct.get(lot.getLong("productId"))).collect(Collectors.toSet());
        assertEquals(Set.of("tea", "tibetan_pig", "fungi", "fruit", "herb", "yak", "barley"), lotCommodities);
    }

    @Test
    void includesAnExpiredCertificate() {
        assertTrue(all("/api/v1/certifications?limit=500").stream().anyMatch(c -> c.getString("status").equals("expired")));
    }

    @Test
    void isNotLoadedTwice() {
        int before = all("/api/v1/lots?limit=500").size();
        DemoData.loadIfEmpty(server.vertx, server.server.services().registry(), server.config, java.util.Optional.of(TestServer.ADMIN_TOKEN), false).await();
        assertEquals(before, all("/api/v1/lots?limit=500").size());
    }

    private List<JsonObject> all(String path) {
        Api.Response response = api.get(path, TestServer.ADMIN_TOKEN);
        assertEquals(200, response.status(), response.body());
        return response.items().stream().map(JsonObject.class::cast).toList();
    }
}
