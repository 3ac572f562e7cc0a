package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sites, products and certificates, and who may see and write them. */
class RegistryApiTest extends ServerTest {
    private Fixtures.Party coop;
    private Fixtures.Party otherCoop;
    private Fixtures.Party regulator;

    @BeforeAll
    void registerParties() {
        coop = fixtures.party("cooperative");
        otherCoop = fixtures.party("cooperative");
        regulator = fixtures.party("regulator");
    }

    @Test
    void aCooperativeRegistersAFarmBaseWithCoordinates() {
        Api.Response created = api.post("/api/v1/sites", coop.token(), new JsonObject().put("kind", "farm_base")
                .put("name", "墨脱镇茶园").put("county", "墨脱县").put("township", "墨脱镇")
                .put("latitude", 29.33).put("longitude", 95.33));
        assertEquals(201, created.status(), created.body());
        Api.Response read = api.get("/api/v1/sites/" + created.json().getLong("id"), coop.token());
        assertEquals(200, read.status());
        assertEquals(coop.id(), read.json().getLong("partyId"));
        assertEquals(29.33, read.json().getDouble("latitude"));
        assertEquals("farm_base", read.json().getString("kind"));
    }

    @Test
    void refusesImpossibleCoordinatesAndUnknownSiteKinds() {
        JsonObject site = new JsonObject().put("kind", "farm_base").put("name", "x").put("county", "墨脱县");
        assertEquals("latitude", api.post("/api/v1/sites", coop.token(), site.copy().put("latitude", 91).put("longitude", 95)).field());
        assertEquals("longitude", api.post("/api/v1/sites", coop.token(), site.copy().put("latitude", 29)).field());
        assertEquals("kind", api.post("/api/v1/sites", coop.token(), site.copy().put("kind", "moon_base")).field());
        assertEquals("county", api.post("/api/v1/sites", coop.token(), site.copy().putNull("county")).field());
        assertEquals("latitude", api.post("/api/v1/sites", coop.token(), site.copy().put("latitude", "north").put("longitude", 95)).field());
    }

    @Test
    void aPartySeesOnlyItsOwnSitesAndARegulatorSeesAllButWritesNothing() {
        long mine = fixtures.site(coop);
        long theirs = fixtures.site(otherCoop);

        Api.Response own = api.get("/api/v1/sites", coop.token());
        assertTrue(own.items().stream().allMatch(s -> ((JsonObject) s).getLong("partyId") == coop.id()));
        assertEquals(403, api.get("/api/v1/sites/" + theirs, coop.token()).status());
        assertEquals(403, api.get("/api/v1/sites?partyId=" + otherCoop.id(), coop.token()).status());

        Api.Response all = api.get("/api/v1/sites?limit=500", regulator.token());
        assertTrue(all.items().stream().anyMatch(s -> ((JsonObject) s).getLong("id") == mine));
        assertTrue(all.items().stream().anyMatch(s -> ((JsonObject) s).getLong("id") == theirs));
        assertEquals(200, api.get("/api/v1/sites/" + theirs, regulator.token()).status());
        assertEquals(403, api.post("/api/v1/sites", regulator.token(), new JsonObject().put("kind", "shop")
                .put("name", "x").put("county", "巴宜区")).status());
        assertEquals(403, api.post("/api/v1/sites", TestServer.ADMIN_TOKEN, new JsonObject().put("kind", "shop")
                .put("name", "x").put("county", "巴宜区")).status());
    }

    @Test
    void aPartyFindsWhereToSendGoodsInAnotherPartysSiteDirectoryWithoutItsCoordinates() {
        Fixtures.Party processor = fixtures.party("processor");
        Api.Response plant = api.post("/api/v1/sites", processor.token(), new JsonObject().put("kind", "processing_plant")
                .put("name", "墨脱茶业加工厂").put("county", "墨脱县").put("latitude", 29.32).put("longitude", 95.33));
        assertEquals(201, plant.status(), plant.body());
        fixtures.site(processor, "cold_store");

        Api.Response directory = api.get("/api/v1/parties/" + processor.id() + "/sites", coop.token());
        assertEquals(200, directory.status(), directory.body());
        assertEquals(2, directory.items().size());
        JsonObject listed = directory.items().stream().map(JsonObject.class::cast)
                .filter(site -> site.getLong("id").equals(plant.json().getLong("id"))).findFirst().orElseThrow();
        assertEquals("墨脱茶业加工厂", listed.getString("name"));
        assertEquals(processor.id(), listed.getLong("partyId"));
        assertTrue(!listed.containsKey("latitude") && !listed.containsKey("longitude"), listed.encode());

        Api.Response plants = api.get("/api/v1/parties/" + processor.id() + "/sites?kind=processing_plant", coop.token());
        assertEquals(1, plants.items().size());
        assertEquals(404, api.get("/api/v1/parties/999999/sites", coop.token()).status());
        assertEquals("latitude", api.get("/api/v1/parties/" + processor.id() + "/sites?latitude=1", coop.token()).field());
    }

    @Test
    void storesAGtin13AsGtin14() {
        String gtin13 = Fixtures.gtin13();
        Api.Response created = api.post("/api/v1/products", coop.token(), product(gtin13));
        assertEquals(201, created.status(), created.body());
        assertEquals("0" + gtin13, created.json().getString("gtin"));
        assertEquals("林芝源", created.json().getString("umbrellaBrand"));

        Api.Response found = api.get("/api/v1/products?gtin=" + gtin13, coop.token());
        assertEquals(1, found.items().size());
    }

    @Test
    void refusesAGtinWithAWrongCheckDigitAndADuplicateGtin() {
        String gtin = Fixtures.gtin13();
        String wrong = gtin.substring(0, 12) + ((gtin.charAt(12) - '0' + 1) % 10);
        Api.Response refused = api.post("/api/v1/products", coop.token(), product(wrong));
        assertEquals(400, refused.status());
        assertEquals("gtin", refused.field());
        assertTrue(refused.json().getString("detail").contains("check digit"), refused.body());

        assertEquals(201, api.post("/api/v1/products", coop.token(), product(gtin)).status());
        Api.Response duplicate = api.post("/api/v1/products", otherCoop.token(), product(gtin));
        assertEquals(409, duplicate.status());
        assertEquals("gtin", duplicate.field());
    }

    @Test
    void refusesAProductWithoutEnglishNameOrOfAnUnknownCommodity() {
        JsonObject noEnglish = product(Fixtures.gtin13());
        noEnglish.getJsonObject("name").remove("en");
        assertEquals("name.en", api.post("/api/v1/products", coop.token(), noEnglish).field());
        assertEquals("commodity", api.post("/api/v1/products", coop.token(), product(Fixtures.gtin13()).put("commodity", "coffee")).field());
        assertEquals("unit", api.post("/api/v1/products", coop.token(), product(Fixtures.gtin13()).put("unit", "bushel")).field());
    }

    @Test
    void reportsAnExpiredCertificateAsExpired() {
        long product = fixtures.product(coop, "tea", "kg");
        Api.Response current = api.post("/api/v1/certifications", coop.token(), certificate(product, "ORG-T-1", "2026-01-01", "2099-12-31"));
        Api.Response expired = api.post("/api/v1/certifications", coop.token(), certificate(product, "ORG-T-2", "2023-01-01", "2024-12-31"));
        assertEquals(201, current.status(), current.body());
        assertEquals(201, expired.status(), expired.body());
        assertEquals("valid", current.json().getString("status"));
        assertEquals("expired", expired.json().getString("status"));

        Api.Response listed = api.get("/api/v1/certifications?productId=" + product + "&expired=true", coop.token());
        assertEquals(1, listed.items().size());
        assertEquals("ORG-T-2", listed.items().getJsonObject(0).getString("number"));
        assertEquals(2, api.get("/api/v1/certifications?productId=" + product, regulator.token()).items().size());
    }

    @Test
    void refusesACertificateOnAnotherPartysProductOrWithItsDatesReversed() {
        long theirs = fixtures.product(otherCoop, "tea", "kg");
        Api.Response denied = api.post("/api/v1/certifications", coop.token(), certificate(theirs, "GF-1", "2026-01-01", "2027-01-01"));
        assertEquals(403, denied.status());
        assertEquals("productId", denied.field());

        long mine = fixtures.product(coop, "tea", "kg");
        assertEquals("validTo", api.post("/api/v1/certifications", coop.token(), certificate(mine, "GF-2", "2027-01-01", "2026-01-01")).field());
        assertEquals("productId", api.post("/api/v1/certifications", coop.token(), certificate(99999, "GF-3", "2026-01-01", "2027-01-01")).field());
        assertEquals(400, api.post("/api/v1/certifications", coop.token(),
                certificate(mine, "GF-4", "2026-01-01", "2027-01-01").put("partyId", coop.id())).status());
        assertEquals("validFrom", api.post("/api/v1/certifications", coop.token(), certificate(mine, "GF-5", "2026-13-01", "2027-01-01")).field());
    }

    @Test
    void aCooperativeCertifiesItselfAndItsSites() {
        long site = fixtures.site(coop);
        JsonObject onParty = certificate(0, "SC-DEMO-1", "2026-01-01", "2029-01-01").put("type", "food_production_licence");
        onParty.remove("productId");
        assertEquals(201, api.post("/api/v1/certifications", coop.token(), onParty.copy().put("partyId", coop.id())).status());
        JsonObject onSite = certificate(0, "GAP-DEMO-1", "2026-01-01", "2029-01-01").put("type", "green_food");
        onSite.remove("productId");
        Api.Response created = api.post("/api/v1/certifications", coop.token(), onSite.put("siteId", site));
        assertEquals(201, created.status(), created.body());
        assertEquals(site, created.json().getLong("siteId"));
        assertEquals(403, api.post("/api/v1/certifications", coop.token(), onParty.put("partyId", otherCoop.id())
                .put("number", "SC-DEMO-2")).status());
    }

    private static JsonObject product(String gtin) {
        return new JsonObject().put("gtin", gtin)
                .put("name", new JsonObject().put("zh", "林芝红茶").put("en", "Nyingchi black tea").put("bo", "ཉིང་ཁྲི་ཇ"))
                .put("commodity", "tea").put("brand", "林芝茶叶").put("umbrellaBrand", "林芝源").put("unit", "kg");
    }

    private static JsonObject certificate(long productId, String number, String from, String to) {
        return new JsonObject().put("type", "organic").put("number", number).put("issuer", "中绿华夏有机食品认证中心")
                .put("validFrom", from).put("validTo", to).put("productId", productId);
    }
}
