package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real chains, one per commodity: harvest, processing, pack codes, a cold-chain shipment (with an
 * excursion where the product is chilled), receiving, sale; then a recall of the harvest reaches every
 * lot, holder and pack code made from it.
 */
class SupplyChainWalkTest extends ServerTest {
    private Fixtures.Party coop;
    private Fixtures.Party processor;
    private Fixtures.Party carrier;
    private Fixtures.Party retailer;
    private Fixtures.Party regulator;
    private long farm;
    private long plant;
    private long shop;

    @BeforeAll
    void registerParties() {
        coop = fixtures.party("cooperative");
        processor = fixtures.party("processor");
        carrier = fixtures.party("carrier");
        retailer = fixtures.party("retailer");
        regulator = fixtures.party("regulator");
        farm = fixtures.site(coop);
        plant = fixtures.site(processor, "processing_plant");
        shop = fixtures.site(retailer, "shop");
    }

    @Test
    void tibetanPigsToChilledCutsWithABrokenColdChainThenRecalled() {
        Walk walk = walk("tibetan_pig", "head", 20, new JsonObject().put("earTag", "154042100100231-250").put("breed", "藏香猪")
                        .put("birthDate", "2025-09-01").put("quarantineCertificate", "A5401-2026-00877"),
                "chilled_meat", 800, 2.0, 7.5, 40);
        JsonObject shipment = walk.forward.getJsonArray("shipments").stream().map(JsonObject.class::cast)
                .filter(s -> s.getLong("lotId") == walk.product).findFirst().orElseThrow();
        JsonObject coldChain = shipment.getJsonObject("coldChain");
        assertEquals("chilled_meat", coldChain.getString("profile"));
        assertFalse(coldChain.getBoolean("held"));
        JsonObject excursion = coldChain.getJsonArray("excursions").getJsonObject(0);
        assertEquals(40, excursion.getLong("minutes"));
        assertEquals("above", excursion.getString("direction"));
        assertEquals(0, excursion.getValue("worst").toString().compareTo("7.5"));
        assertTrue(lot(walk.forward, walk.product).getBoolean("coldChainBroken"), "the lot says its cold chain broke");
        JsonObject story = walk.assertConsumerPageTellsTheStory();
        assertFalse(story.getJsonObject("coldChain").getBoolean("held"));
        assertEquals("chilled_meat", story.getJsonObject("coldChain").getString("profile"));
        walk.assertRecallReachesEverything();
        JsonObject recalled = walk.story();
        assertEquals("农残超标 pesticide residue above limit", recalled.getJsonObject("recall").getString("reason"));
        assertTrue(recalled.getJsonObject("recall").getBoolean("self"), "recalling the pigs withdrew the cuts too");
    }

    @Test
    void teaLeafToDriedBlackTeaLeftInTheSunForFiveHours() {
        Walk walk = walk("tea", "kg", 500, new JsonObject().put("gardenPlot", "易贡茶园 3 号片区").put("teaType", "black")
                .put("pickingGrade", "one_bud_one_leaf"), null, 120, 18, 34, 300);
        assertExcursion(walk, "dry_ambient", 300);
        walk.assertConsumerPageTellsTheStory();
        JsonObject harvestShipment = walk.forward.getJsonArray("shipments").stream().map(JsonObject.class::cast)
                .filter(s -> s.getLong("lotId") == walk.harvest).findFirst().orElseThrow();
        assertTrue(harvestShipment.getJsonObject("coldChain").getBoolean("held"), "no readings, no excursion claimed");
        walk.assertRecallReachesEverything();
    }

    @Test
    void freshMorelsToDriedMorelsOverheatedForFiveHours() {
        Walk walk = walk("fungi", "kg", 80, new JsonObject().put("species", "morel").put("cultivation", "cultivated")
                .put("spawnSource", "林芝本地菌种 LZ-M3").put("substrateBatch", "JB-2026-031").put("sterilisation", "high_pressure_steam"),
                "dry_ambient", 9, 18, 36, 300);
        assertExcursion(walk, "dry_ambient", 300);
        walk.assertRecallReachesEverything();
    }

    @Test
    void applesGradedAndPackedThenWarmedForNinetyMinutes() {
        Walk walk = walk("fruit", "kg", 3000, new JsonObject().put("fruitType", "apple").put("variety", "维纳斯黄金")
                .put("orchardBlock", "羌纳 A-7"), "fresh_fruit", 2800, 2, 8, 90);
        assertExcursion(walk, "fresh_fruit", 90);
        walk.assertRecallReachesEverything();
    }

    private static void assertExcursion(Walk walk, String profile, long minutes) {
        JsonObject coldChain = walk.forward.getJsonArray("shipments").stream().map(JsonObject.class::cast)
                .filter(s -> s.getLong("lotId") == walk.product).findFirst().orElseThrow().getJsonObject("coldChain");
        assertEquals(profile, coldChain.getString("profile"));
        assertFalse(coldChain.getBoolean("held"));
        assertEquals(minutes, coldChain.getJsonArray("excursions").getJsonObject(0).getLong("minutes"));
        assertEquals(37, coldChain.getInteger("readings"));
    }

    @Test
    void backwardTraceFindsTheHarvestAndTheFarm() {
        Walk walk = walk("tea", "kg", 100, new JsonObject().put("gardenPlot", "A-1").put("teaType", "green")
                .put("pickingGrade", "single_bud"), null, 25, 20, 20, 0);
        JsonObject backward = api.get("/api/v1/lots/" + walk.product + "/trace?direction=backward", processor.token()).json();
        JsonObject harvest = lot(backward, walk.harvest);
        assertEquals("harvest", harvest.getString("origin"));
        assertEquals(coop.id(), harvest.getLong("ownerId"));
        assertEquals("A-1", harvest.getJsonObject("attributes").getString("gardenPlot"), "a lot carries its commodity attributes");
        assertEquals(0, new java.math.BigDecimal(harvest.getValue("quantity").toString()).compareTo(java.math.BigDecimal.valueOf(100)));
        assertEquals("kg", harvest.getString("unit"));
        assertEquals("2026-05-02T00:00:00Z", harvest.getString("createdAt"));
        assertFalse(harvest.getBoolean("recalled"));
        assertFalse(harvest.getBoolean("coldChainBroken"));
        JsonObject product = backward.getJsonArray("products").stream().map(JsonObject.class::cast)
                .filter(p -> p.getLong("id").equals(harvest.getLong("productId"))).findFirst().orElseThrow();
        assertEquals("tea", product.getString("commodity"));
        assertTrue(product.getJsonObject("name").getString("zh") != null, "products are listed once with their names");
        JsonObject farm = backward.getJsonArray("sites").stream().map(JsonObject.class::cast)
                .filter(site -> site.getLong("id").equals(harvest.getLong("siteId"))).findFirst().orElseThrow();
        assertEquals("farm_base", farm.getString("kind"), "sites are listed once, and lots name theirs by id");
        assertTrue(backward.getJsonArray("parties").stream().map(JsonObject.class::cast)
                .anyMatch(party -> party.getLong("id") == coop.id()));
        assertEquals(walk.product, backward.getJsonArray("links").getJsonObject(0).getLong("output"));
        assertEquals(403, api.get("/api/v1/lots/" + walk.product + "/trace", fixtures.party("cooperative").token()).status());
        assertEquals("direction", api.get("/api/v1/lots/" + walk.product + "/trace?direction=sideways", processor.token()).field());

        String csv = api.get("/api/v1/lots/" + walk.product + "/history.csv", processor.token()).body();
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).startsWith("time,type,bizStep,disposition"));
        Set<String> steps = lines.stream().skip(1).map(line -> line.split(",")[2]).collect(Collectors.toSet());
        assertTrue(steps.containsAll(Set.of("commissioning", "shipping", "receiving", "retail_selling")), steps.toString());
    }

    /** One walked chain: its harvest and product lots, the forward trace of the harvest. */
    private final class Walk {
        long harvest;
        long product;
        JsonObject forward;
        JsonArray codes;

        /** The story a consumer gets for the first pack code, as JSON. */
        JsonObject story() {
            String uri = codes.getString(0);
            Api.Response response = api.get(uri.substring(uri.indexOf("/01/")), null, "Accept", "application/json");
            assertEquals(200, response.status(), response.body());
            return response.json();
        }

        /** The pack's page names the farm, every step, the cold chain, the certificate and the sale. */
        JsonObject assertConsumerPageTellsTheStory() {
            JsonObject story = story();
            assertTrue(story.getJsonArray("origin").getJsonObject(0).getJsonObject("party").getString("name")
                    .startsWith("波密县易贡茶叶农民专业合作社"), "the cooperative that harvested it");
            Set<String> steps = story.getJsonArray("timeline").stream().map(e -> ((JsonObject) e).getString("step"))
                    .collect(Collectors.toSet());
            assertTrue(steps.containsAll(Set.of("harvest", "shipping", "receiving", "processing", "packing", "sensor_reporting", "sale")),
                    steps.toString());
            assertEquals(1, story.getJsonObject("coldChain").getJsonArray("shipments").size());
            assertEquals(37, story.getJsonObject("coldChain").getJsonArray("shipments").getJsonObject(0).getJsonArray("readings").size());
            assertEquals("direct_store", story.getJsonArray("sales").getJsonObject(0).getString("channel"));
            String uri = codes.getString(0);
            String page = api.get(uri.substring(uri.indexOf("/01/")), null, "Accept", "text/html").body();
            assertTrue(page.contains("林芝加工品") && page.contains("<svg"), "the page shows the product and a temperature chart");
            assertTrue(page.contains("直营店"), "the sale channel in Chinese");
            return story;
        }

        void assertRecallReachesEverything() {
            Api.Response notOwner = api.post("/api/v1/lots/" + harvest + "/recall", retailer.token(), new JsonObject().put("reason", "x"));
            assertEquals(403, notOwner.status());
            Api.Response recalled = api.post("/api/v1/lots/" + harvest + "/recall", regulator.token(),
                    new JsonObject().put("reason", "农残超标 pesticide residue above limit"));
            assertEquals(200, recalled.status(), recalled.body());
            JsonObject answer = recalled.json();
            Set<Long> lots = answer.getJsonArray("lots").stream().map(l -> ((JsonObject) l).getLong("id")).collect(Collectors.toSet());
            assertEquals(Set.of(harvest, product), lots);
            Set<Long> holders = answer.getJsonArray("holders").stream().map(h -> ((JsonObject) h).getJsonObject("party").getLong("id"))
                    .collect(Collectors.toSet());
            assertTrue(holders.containsAll(Set.of(processor.id(), retailer.id())), holders.toString());
            Set<String> recalledCodes = new HashSet<>(answer.getJsonArray("codes").getList());
            for (Object code : codes) {
                assertTrue(recalledCodes.contains(pathOf((String) code)), "pack code " + code + " is in the recall");
            }
            assertEquals(codes.size(), recalledCodes.size());
            JsonObject lot = api.get("/api/v1/lots/" + product + "/trace?direction=forward", regulator.token()).json();
            assertTrue(lot(lot, product).getBoolean("recalled"));
            Api.Response sale = api.post("/api/v1/events", retailer.token(), new JsonObject().put("type", "sale")
                    .put("time", "2026-06-02T10:00:00+08:00").put("lotId", product)
                    .put("quantity", new JsonObject().put("value", 1).put("unit", "kg")).put("channel", "direct_store"));
            assertEquals(400, sale.status(), "a recalled lot is not sold");
            List<String> steps = api.get("/api/v1/lots/" + product + "/events", regulator.token()).items().stream()
                    .map(e -> ((JsonObject) e).getString("disposition")).toList();
            assertTrue(steps.contains("recalled"), "the recall is an event: " + steps);
        }
    }

    @Test
    void everyEventOfTheWalkExportsAsEpcisThatGs1sSchemaAccepts() {
        Walk walk = walk("tibetan_pig", "head", 10, new JsonObject().put("earTag", "154042100100231-251").put("breed", "藏香猪")
                        .put("birthDate", "2025-09-01").put("quarantineCertificate", "A5401-2026-00878"),
                "chilled_meat", 400, 2.0, 7.5, 40);
        walk.assertRecallReachesEverything();
        Api.Response export = api.get("/epcis/events?perPage=1000", regulator.token());
        assertEquals(200, export.status(), export.body());
        EpcisConformance.assertValid(export.body());
        List<JsonObject> events = EpcisCaptureTest.eventList(export.json()).stream().map(JsonObject.class::cast).toList();
        assertTrue(events.stream().map(e -> e.getString("bizStep")).collect(Collectors.toSet())
                .containsAll(Set.of("commissioning", "shipping", "receiving", "packing", "sensor_reporting", "retail_selling")));
        JsonObject sensors = events.stream().filter(e -> "sensor_reporting".equals(e.getString("bizStep"))).findFirst().orElseThrow();
        assertEquals(37, sensors.getJsonArray("sensorElementList").size(), "every reading is a sensor element");
        assertTrue(events.stream().anyMatch(e -> "recalled".equals(e.getString("disposition"))));
        Api.Response hot = api.get("/epcis/events?EQ_type=Temperature&GE_value_CEL=7", regulator.token());
        assertTrue(EpcisCaptureTest.eventList(hot.json()).stream().map(e -> ((JsonObject) e).getString("eventID")).toList()
                .contains(sensors.getString("eventID")), "our own readings answer sensor queries");
        Api.Response cold = api.get("/epcis/events?EQ_type=Temperature&LT_value_CEL=1", regulator.token());
        assertEquals(0, EpcisCaptureTest.eventList(cold.json()).size(), "no reading was below 1 °C");
    }

    /**
     * Walks one chain. The shipment to the shop logs a reading every 10 minutes for 6 hours at
     * {@code baseline} °C, with {@code hotMinutes} at {@code hotValue} °C from the first hour on.
     */
    private Walk walk(String commodity, String harvestUnit, double harvestQuantity, JsonObject attributes, String productColdChain,
                      double productKg, double baseline, double hotValue, int hotMinutes) {
        Walk walk = new Walk();
        long raw = fixtures.product(coop, commodity, harvestUnit);
        JsonObject productJson = new JsonObject().put("gtin", Fixtures.gtin13())
                .put("name", new JsonObject().put("zh", "林芝加工品").put("en", "Nyingchi processed " + commodity))
                .put("commodity", commodity).put("brand", "林芝源").put("unit", "kg");
        if (productColdChain != null) {
            productJson.put("coldChain", productColdChain);
        }
        Api.Response made = api.post("/api/v1/products", processor.token(), productJson);
        assertEquals(201, made.status(), made.body());
        long finished = made.json().getLong("id");

        Api.Response harvest = api.post("/api/v1/lots", coop.token(), new JsonObject().put("productId", raw).put("siteId", farm)
                .put("quantity", new JsonObject().put("value", harvestQuantity).put("unit", harvestUnit))
                .put("harvestedAt", "2026-05-02T08:00:00+08:00").put("attributes", attributes));
        assertEquals(201, harvest.status(), harvest.body());
        walk.harvest = harvest.json().getLong("id");

        long toPlant = fixtures.event(coop, new JsonObject().put("type", "shipping").put("time", "2026-05-02T12:00:00+08:00")
                .put("lotId", walk.harvest).put("quantity", new JsonObject().put("value", harvestQuantity).put("unit", harvestUnit))
                .put("fromSiteId", farm).put("toPartyId", processor.id()).put("toSiteId", plant).put("carrierPartyId", carrier.id()))
                .getLong("shipmentId");
        fixtures.event(processor, new JsonObject().put("type", "receiving").put("time", "2026-05-02T18:00:00+08:00")
                .put("shipmentId", toPlant).put("siteId", plant));
        JsonObject processed = fixtures.event(processor, new JsonObject().put("type", "processing").put("time", "2026-05-03T09:00:00+08:00")
                .put("siteId", plant).put("process", "processing of " + commodity).put("steps", new JsonArray().add("packing"))
                .put("inputs", new JsonArray().add(new JsonObject().put("lotId", walk.harvest)
                        .put("quantity", new JsonObject().put("value", harvestQuantity).put("unit", harvestUnit))))
                .put("outputs", new JsonArray().add(new JsonObject().put("productId", finished)
                        .put("quantity", new JsonObject().put("value", productKg).put("unit", "kg")))));
        walk.product = processed.getJsonArray("lots").getJsonObject(0).getLong("id");

        Api.Response codes = api.post("/api/v1/lots/" + walk.product + "/codes", processor.token(), new JsonObject().put("count", 40));
        assertEquals(201, codes.status(), codes.body());
        walk.codes = new JsonArray(api.get(codes.json().getJsonObject("links").getString("csv"), processor.token()).body().lines().skip(1)
                .map(line -> line.split(",")[1]).toList());

        long toShop = fixtures.event(processor, new JsonObject().put("type", "shipping").put("time", "2026-05-04T06:00:00+08:00")
                .put("lotId", walk.product).put("quantity", new JsonObject().put("value", productKg / 2).put("unit", "kg"))
                .put("fromSiteId", plant).put("toPartyId", retailer.id()).put("toSiteId", shop).put("carrierPartyId", carrier.id()))
                .getLong("shipmentId");
        fixtures.event(processor, new JsonObject().put("type", "packing").put("time", "2026-05-04T05:00:00+08:00")
                .put("lotId", walk.product).put("sscc", "006951234" + String.format("%08d", walk.product) + org.plateautrace.model.codes.Gs1CheckDigit
                        .compute("006951234" + String.format("%08d", walk.product)))
                .put("serials", new JsonArray(walk.codes.stream().map(code -> ((String) code).substring(((String) code).lastIndexOf('/') + 1)).toList())));
        JsonArray readings = new JsonArray();
        for (int minute = 0; minute <= 6 * 60; minute += 10) {
            boolean hot = minute >= 60 && minute < 60 + hotMinutes;
            readings.add(new JsonObject().put("time", String.format("2026-05-04T%02d:%02d:00+08:00", 6 + minute / 60, minute % 60))
                    .put("measure", "temperature").put("value", hot ? hotValue : baseline).put("device", "LOG-7731"));
        }
        fixtures.event(carrier, new JsonObject().put("type", "sensor_reporting").put("shipmentId", toShop).put("readings", readings));
        fixtures.event(retailer, new JsonObject().put("type", "receiving").put("time", "2026-05-04T16:00:00+08:00")
                .put("shipmentId", toShop).put("siteId", shop));
        fixtures.event(retailer, new JsonObject().put("type", "sale").put("time", "2026-05-05T10:00:00+08:00").put("lotId", walk.product)
                .put("quantity", new JsonObject().put("value", 1).put("unit", "kg")).put("channel", "direct_store").put("siteId", shop));

        walk.forward = api.get("/api/v1/lots/" + walk.harvest + "/trace?direction=forward", coop.token()).json();
        assertEquals(Set.of(walk.harvest, walk.product), walk.forward.getJsonArray("lots").stream()
                .map(l -> ((JsonObject) l).getLong("id")).collect(Collectors.toSet()));
        assertEquals(1, walk.forward.getJsonArray("sales").size());
        assertEquals(40, walk.forward.getJsonArray("codes").getJsonObject(0).getInteger("count"));
        assertEquals(2, walk.forward.getJsonArray("shipments").size());
        return walk;
    }

    private static JsonObject lot(JsonObject trace, long id) {
        return trace.getJsonArray("lots").stream().map(JsonObject.class::cast).filter(l -> l.getLong("id") == id).findFirst().orElseThrow();
    }

    private static String pathOf(String uri) {
        return uri.substring(uri.indexOf("/01/"));
    }
}
