package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A cooperative registers harvest lots; the rules that keep them true. */
class LotApiTest extends ServerTest {
    private Fixtures.Party coop;
    private long site;
    private long tea;

    @BeforeAll
    void registerProducer() {
        coop = fixtures.party("cooperative");
        site = fixtures.site(coop);
        tea = fixtures.product(coop, "tea", "kg");
    }

    @Test
    void registersAHarvestWithAGeneratedLotCodeAndItsDigitalLink() {
        Api.Response created = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, site));

        assertEquals(201, created.status(), created.body());
        JsonObject lot = created.json();
        String code = lot.getString("lotCode");
        assertTrue(code.matches("TEA-260502-[2-9A-HJ-NP-Z]{4}"), code);
        String gtin = lot.getString("gtin");
        assertEquals(14, gtin.length());
        assertEquals("https://trace.example.cn/01/" + gtin + "/10/" + code, lot.getString("digitalLink"));

        Api.Response read = api.get("/api/v1/lots/" + lot.getLong("id"), coop.token());
        assertEquals(200, read.status());
        for (String field : new String[]{"id", "lotCode", "digitalLink", "gtin", "productId", "siteId"}) {
            assertEquals(lot.getValue(field), read.json().getValue(field), field);
        }
        assertEquals(0, new java.math.BigDecimal("120.5").compareTo(new java.math.BigDecimal(
                read.json().getJsonObject("quantity").getValue("value").toString())));
        assertEquals("2026-05-02T08:00:00+08:00", read.json().getString("harvestedAt"));
        assertEquals("one_bud_one_leaf", read.json().getJsonObject("attributes").getString("pickingGrade"));
    }

    @Test
    void recordsTheHarvestAsACommissioningEventWithTheAttributesAsIlmd() {
        long lot = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, site)).json().getLong("id");
        JsonObject registered = api.get("/api/v1/lots/" + lot, coop.token()).json();

        JsonArray events = api.get("/api/v1/lots/" + lot + "/events", coop.token()).items();
        assertEquals(1, events.size());
        JsonObject event = events.getJsonObject(0);
        assertEquals("ObjectEvent", event.getString("type"));
        assertEquals("ADD", event.getString("action"));
        assertEquals("commissioning", event.getString("bizStep"));
        assertTrue(event.getString("eventID").matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0"));
        assertEquals("2026-05-02T08:00:00+08:00", event.getString("eventTime"));
        JsonObject quantity = event.getJsonArray("quantityList").getJsonObject(0);
        assertEquals("https://id.gs1.org/01/" + registered.getString("gtin") + "/10/" + registered.getString("lotCode"),
                quantity.getString("epcClass"));
        assertEquals("KGM", quantity.getString("uom"));
        assertEquals("black", event.getJsonObject("ilmd").getString("pt:teaType"));
        assertEquals("2026-05-02", event.getJsonObject("ilmd").getString("pt:harvestDate"));
    }

    @Test
    void acceptsTheCooperativesOwnLotCodeOnceForAGtin() {
        JsonObject harvest = Fixtures.teaHarvest(tea, site).put("lotCode", "YG-2026-0502");
        Api.Response first = api.post("/api/v1/lots", coop.token(), harvest);
        assertEquals(201, first.status(), first.body());
        assertEquals("YG-2026-0502", first.json().getString("lotCode"));

        Api.Response again = api.post("/api/v1/lots", coop.token(), harvest);
        assertEquals(409, again.status());
        assertEquals("lotCode", again.field());

        long otherTea = fixtures.product(coop, "tea", "kg");
        assertEquals(201, api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(otherTea, site)
                .put("lotCode", "YG-2026-0502")).status(), "the same code under another GTIN is another lot");
        assertEquals("lotCode", api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, site)
                .put("lotCode", "易贡-1")).field());
        assertEquals("lotCode", api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, site)
                .put("lotCode", "A".repeat(21))).field());
    }

    @Test
    void twoBatchesOfAThousandHarvestsOfOneDayGetTwoThousandDistinctLotCodes() {
        Fixtures.Party picker = fixtures.party("cooperative");
        long pickerSite = fixtures.site(picker);
        long pickerTea = fixtures.product(picker, "tea", "kg");
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int batch = 0; batch < 2; batch++) {
            JsonArray harvests = new JsonArray();
            for (int i = 0; i < 1_000; i++) {
                harvests.add(Fixtures.teaHarvest(pickerTea, pickerSite));
            }
            Api.Response registered = api.post("/api/v1/lots", picker.token(), new JsonObject().put("lots", harvests));
            assertEquals(201, registered.status(), registered.body());
            registered.json().getJsonArray("items").forEach(lot -> codes.add(((JsonObject) lot).getString("lotCode")));
        }
        assertEquals(2_000, codes.size(), "codes drawn at random for one day are drawn again where they clash");
    }

    @Test
    void aRefusedBatchOfHarvestsListsEveryRefusedItemAndStoresNone() {
        Fixtures.Party other = fixtures.party("cooperative");
        long otherSite = fixtures.site(other);
        JsonObject used = Fixtures.teaHarvest(tea, site).put("lotCode", "YG-BATCH-USED");
        assertEquals(201, api.post("/api/v1/lots", coop.token(), used).status());
        JsonArray harvests = new JsonArray()
                .add(Fixtures.teaHarvest(tea, site).put("lotCode", "YG-BATCH-GOOD"))
                .add(Fixtures.teaHarvest(tea, otherSite))
                .add(Fixtures.teaHarvest(tea, site).put("harvestedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).toString()))
                .add(used.copy())
                .add(Fixtures.teaHarvest(tea, site).put("lotCode", "YG-BATCH-GOOD"));

        Api.Response refused = api.post("/api/v1/lots", coop.token(), new JsonObject().put("lots", harvests));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("urn:plateautrace:problem:invalid-lots", refused.json().getString("type"));
        assertEquals("lots[1].siteId", refused.field(), "the first refused item is named");
        JsonArray errors = refused.json().getJsonArray("errors");
        assertEquals(4, errors.size(), errors.encodePrettily());
        assertError(errors.getJsonObject(0), 1, 403, "lots[1].siteId");
        assertError(errors.getJsonObject(1), 2, 400, "lots[2].harvestedAt");
        assertError(errors.getJsonObject(2), 3, 409, "lots[3].lotCode");
        assertError(errors.getJsonObject(3), 4, 409, "lots[4].lotCode");
        assertTrue(errors.getJsonObject(3).getString("detail").contains("lots[0]"), errors.encodePrettily());
        assertEquals(0, api.get("/api/v1/lots?lotCode=YG-BATCH-GOOD", coop.token()).items().size(), "nothing was stored");

        harvests.getJsonObject(2).put("harvestedAt", "2026-05-02 08:00");
        harvests.getJsonObject(4).put("colour", "green");
        JsonArray malformed = api.post("/api/v1/lots", coop.token(), new JsonObject().put("lots", harvests)).json().getJsonArray("errors");
        assertEquals(2, malformed.size(), "items that cannot be read are all listed, before any is checked: " + malformed.encode());
        assertError(malformed.getJsonObject(0), 2, 400, "lots[2].harvestedAt");
        assertError(malformed.getJsonObject(1), 4, 400, "lots[4].colour");
    }

    private static void assertError(JsonObject error, int index, int status, String field) {
        assertEquals(index, error.getInteger("index"), error.encode());
        assertEquals(status, error.getInteger("status"), error.encode());
        assertEquals(field, error.getString("field"), error.encode());
    }

    @Test
    void refusesAHarvestInTheFuture() {
        String tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).toString();
        Api.Response refused = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, site).put("harvestedAt", tomorrow));
        assertEquals(400, refused.status());
        assertEquals("harvestedAt", refused.field());
        assertEquals("harvestedAt", api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, site)
                .put("harvestedAt", "2026-05-02 08:00")).field());
    }

    @Test
    void refusesNegativeZeroAndAbsurdQuantitiesAndUnitsTheCommodityIsNotCountedIn() {
        assertEquals("quantity.value", api.post("/api/v1/lots", coop.token(), withQuantity(-5, "kg")).field());
        assertEquals("quantity.value", api.post("/api/v1/lots", coop.token(), withQuantity(0, "kg")).field());
        assertEquals("quantity.value", api.post("/api/v1/lots", coop.token(), withQuantity(5_000_000, "kg")).field());
        assertEquals("quantity.unit", api.post("/api/v1/lots", coop.token(), withQuantity(30, "head")).field());
        assertEquals("quantity.unit", api.post("/api/v1/lots", coop.token(), withQuantity(30, "barrel")).field());
        assertEquals("quantity", api.post("/api/v1/lots", coop.token(), withQuantity(1, "kg").putNull("quantity")).field());
    }

    @Test
    void checksTheAttributesAgainstTheCommodityProfile() {
        long pigs = fixtures.product(coop, "tibetan_pig", "head");
        JsonObject harvest = new JsonObject().put("productId", pigs).put("siteId", site)
                .put("quantity", new JsonObject().put("value", 24).put("unit", "head"))
                .put("harvestedAt", "2026-10-08T07:00:00+08:00")
                .put("attributes", new JsonObject().put("breed", "藏香猪").put("birthDate", "2025-09-01")
                        .put("quarantineCertificate", "A5401-2026-00877"));
        Api.Response missing = api.post("/api/v1/lots", coop.token(), harvest);
        assertEquals(400, missing.status());
        assertEquals("attributes.earTag", missing.field());

        harvest.getJsonObject("attributes").put("earTag", "154042100100231-154042100100254");
        assertEquals(201, api.post("/api/v1/lots", coop.token(), harvest).status());

        JsonObject unknown = harvest.copy();
        unknown.getJsonObject("attributes").put("colour", "black");
        assertEquals("attributes.colour", api.post("/api/v1/lots", coop.token(), unknown).field());
        JsonObject badDate = harvest.copy();
        badDate.getJsonObject("attributes").put("birthDate", "last spring");
        assertEquals("attributes.birthDate", api.post("/api/v1/lots", coop.token(), badDate).field());
        JsonObject badGrade = Fixtures.teaHarvest(tea, site);
        badGrade.getJsonObject("attributes").put("pickingGrade", "the best");
        assertEquals("attributes.pickingGrade", api.post("/api/v1/lots", coop.token(), badGrade).field());
    }

    @Test
    void refusesUnknownAndOtherPartiesProductsAndSites() {
        Fixtures.Party other = fixtures.party("cooperative");
        long theirSite = fixtures.site(other);
        long theirTea = fixtures.product(other, "tea", "kg");

        assertEquals("productId", api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(999_999, site)).field());
        assertEquals("siteId", api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, 999_999)).field());
        Api.Response product = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(theirTea, site));
        assertEquals(403, product.status());
        assertEquals("productId", product.field());
        Api.Response siteOfOther = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, theirSite));
        assertEquals(403, siteOfOther.status());
        assertEquals("siteId", siteOfOther.field());
    }

    @Test
    void badInputLeavesNoLotAndNoEventBehind() {
        Fixtures.Party fresh = fixtures.party("cooperative");
        long freshSite = fixtures.site(fresh);
        long freshTea = fixtures.product(fresh, "tea", "kg");
        JsonObject bad = Fixtures.teaHarvest(freshTea, freshSite);
        bad.getJsonObject("attributes").remove("teaType");
        assertEquals(400, api.post("/api/v1/lots", fresh.token(), bad).status());
        assertEquals(201, api.post("/api/v1/lots", fresh.token(), Fixtures.teaHarvest(freshTea, freshSite).put("lotCode", "X1")).status());
        assertEquals(409, api.post("/api/v1/lots", fresh.token(), Fixtures.teaHarvest(freshTea, freshSite).put("lotCode", "X1")).status());

        JsonArray lots = api.get("/api/v1/lots?limit=500", fresh.token()).items();
        assertEquals(1, lots.size(), "only the one accepted lot is stored");
        assertEquals(1, api.get("/api/v1/lots/" + lots.getJsonObject(0).getLong("id") + "/events", fresh.token()).items().size());
    }

    @Test
    void listsLotsFilteredByProductAndHarvestTimeAPageAtATime() {
        Fixtures.Party lister = fixtures.party("cooperative");
        long listerSite = fixtures.site(lister);
        long black = fixtures.product(lister, "tea", "kg");
        long green = fixtures.product(lister, "tea", "kg");
        for (String day : new String[]{"2026-04-01", "2026-04-15", "2026-05-01"}) {
            assertEquals(201, api.post("/api/v1/lots", lister.token(), Fixtures.teaHarvest(black, listerSite)
                    .put("harvestedAt", day + "T09:00:00+08:00")).status());
        }
        assertEquals(201, api.post("/api/v1/lots", lister.token(), Fixtures.teaHarvest(green, listerSite)).status());

        JsonArray byProduct = api.get("/api/v1/lots?productId=" + black, lister.token()).items();
        assertEquals(3, byProduct.size());
        JsonArray april = api.get("/api/v1/lots?productId=" + black + "&harvestedFrom=2026-04-01T00:00:00%2B08:00"
                + "&harvestedTo=2026-05-01T00:00:00%2B08:00", lister.token()).items();
        assertEquals(2, april.size());

        Api.Response page = api.get("/api/v1/lots?limit=2&commodity=tea", lister.token());
        assertEquals(2, page.items().size());
        Api.Response rest = api.get(page.json().getString("next"), lister.token());
        assertEquals(2, rest.items().size());
        assertEquals(null, rest.json().getValue("next"));
        assertEquals("harvestedFrom", api.get("/api/v1/lots?harvestedFrom=yesterday", lister.token()).field());
    }

    @Test
    void anotherPartyCannotReadALotButARegulatorCan() {
        long lot = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, site)).json().getLong("id");
        Fixtures.Party stranger = fixtures.party("retailer");
        Fixtures.Party regulator = fixtures.party("regulator");

        assertEquals(403, api.get("/api/v1/lots/" + lot, stranger.token()).status());
        assertEquals(403, api.get("/api/v1/lots/" + lot + "/events", stranger.token()).status());
        assertTrue(api.get("/api/v1/lots", stranger.token()).items().isEmpty());
        assertEquals(200, api.get("/api/v1/lots/" + lot, regulator.token()).status());
        assertEquals(403, api.post("/api/v1/lots", regulator.token(), Fixtures.teaHarvest(tea, site)).status());
        assertEquals(404, api.get("/api/v1/lots/987654", regulator.token()).status());
    }

    @Test
    void describesEachCommodityProfileForFormsAndScripts() {
        Api.Response commodities = api.get("/api/v1/commodities", null);
        assertEquals(200, commodities.status());
        JsonArray all = new JsonArray(commodities.body());
        JsonObject tea = all.stream().map(JsonObject.class::cast).filter(c -> c.getString("code").equals("tea")).findFirst().orElseThrow();
        assertEquals("茶叶", tea.getJsonObject("name").getString("zh"));
        JsonObject grade = tea.getJsonArray("attributes").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("name").equals("pickingGrade")).findFirst().orElseThrow();
        assertEquals("enum", grade.getString("type"));
        assertTrue(grade.getBoolean("required"));
        assertTrue(grade.getJsonArray("values").contains("one_bud_one_leaf"));
        assertTrue(all.stream().map(JsonObject.class::cast).map(c -> c.getString("code")).toList()
                .containsAll(java.util.List.of("tea", "tibetan_pig", "fungi", "fruit", "herb", "yak", "barley")));
    }

    private JsonObject withQuantity(long value, String unit) {
        return Fixtures.teaHarvest(tea, site).put("quantity", new JsonObject().put("value", value).put("unit", unit));
    }
}
