package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plateautrace.service.console.ConsoleService;

/** What the console's screens read: holdings, shipments to receive, a lot's cases, and the regulator's dashboard. */
class ConsoleReadModelTest extends ServerTest {

    @Test
    void aProcessorSeesTheShipmentToReceiveAndThenHoldsTheLot() {
        Fixtures.Party coop = fixtures.party("cooperative");
        Fixtures.Party processor = fixtures.party("processor");
        long farm = fixtures.site(coop);
        long plant = fixtures.site(processor, "processing_plant");
        long lot = harvest(coop, farm);
        assertEquals(lot, api.get("/api/v1/holdings", coop.token()).items().getJsonObject(0).getLong("id"));

        JsonObject shipped = fixtures.event(coop, ship(lot, farm, processor.id(), plant));
        JsonArray incoming = api.get("/api/v1/shipments?direction=incoming", processor.token()).items();
        assertEquals(1, incoming.size());
        assertEquals(shipped.getLong("shipmentId"), incoming.getJsonObject(0).getLong("id"));
        assertEquals(null, incoming.getJsonObject(0).getValue("receivedAt"));
        assertEquals(1, api.get("/api/v1/shipments?direction=outgoing", coop.token()).items().size());
        assertTrue(api.get("/api/v1/holdings", processor.token()).items().isEmpty());

        fixtures.event(processor, new JsonObject().put("type", "receiving").put("time", "2026-05-03T16:00:00+08:00")
                .put("shipmentId", shipped.getLong("shipmentId")).put("siteId", plant));
        JsonObject held = api.get("/api/v1/holdings", processor.token()).items().getJsonObject(0);
        assertEquals(lot, held.getLong("id"));
        assertEquals(50, held.getNumber("held").intValue());
    }

    @Test
    void refusesShipmentsWithoutADirectionNamingTheParameter() {
        Fixtures.Party coop = fixtures.party("cooperative");
        Api.Response none = api.get("/api/v1/shipments", coop.token());
        assertEquals(400, none.status());
        assertEquals("direction", none.field());
        assertEquals("direction", api.get("/api/v1/shipments?direction=sideways", coop.token()).field());
    }

    @Test
    void theRegulatorsDashboardCountsLotsRecallsAndExpiringCertificates() {
        Fixtures.Party regulator = fixtures.party("regulator");
        Fixtures.Party coop = fixtures.party("cooperative");
        long farm = fixtures.site(coop);
        long lot = harvest(coop, farm);
        Fixtures.Party processor = fixtures.party("processor");
        long plant = fixtures.site(processor, "processing_plant");
        long shipment = fixtures.event(coop, ship(lot, farm, processor.id(), plant)).getLong("shipmentId");
        JsonArray hot = new JsonArray();
        for (int i = 0; i < 13; i++) {
            hot.add(new JsonObject().put("time", java.time.OffsetDateTime.parse("2026-05-03T07:30:00+08:00").plusMinutes(30L * i).toString())
                    .put("measure", "temperature").put("value", 41.5).put("device", "LOG-7731"));
        }
        fixtures.event(coop, new JsonObject().put("type", "sensor_reporting").put("shipmentId", shipment).put("readings", hot));
        assertEquals(200, api.post("/api/v1/lots/" + lot + "/recall", regulator.token(), new JsonObject().put("reason", "农残超标")).status());

        Api.Response dashboard = api.get("/api/v1/dashboard", regulator.token());
        assertEquals(200, dashboard.status(), dashboard.body());
        JsonObject body = dashboard.json();
        assertTrue(body.getJsonArray("lotsByCommodityAndCounty").stream().map(JsonObject.class::cast)
                .anyMatch(row -> row.getString("commodity").equals("tea") && row.getString("county").equals("波密县")), body.encode());
        assertTrue(body.getJsonArray("recalls").stream().map(JsonObject.class::cast)
                .anyMatch(row -> row.getLong("id") == lot && row.getString("reason").equals("农残超标")));
        assertTrue(body.getJsonArray("coldChainExcursions").stream().map(JsonObject.class::cast)
                .anyMatch(row -> row.getLong("id") == shipment && !row.getJsonObject("coldChain").getBoolean("held")), body.encode());
        for (String key : new String[]{"certificatesExpiring", "scansByRegion", "suspiciousCodes", "feedback"}) {
            assertTrue(body.containsKey(key), key);
        }
        assertEquals(403, api.get("/api/v1/dashboard", coop.token()).status());
        assertEquals(200, api.get("/api/v1/dashboard", TestServer.ADMIN_TOKEN).status());
    }

    @Test
    void theDashboardCountsEveryBrokenColdChainHoweverOldAndSeesLaterReadingsBreakOne() {
        Fixtures.Party regulator = fixtures.party("regulator");
        Fixtures.Party coop = fixtures.party("cooperative");
        long farm = fixtures.site(coop);
        Fixtures.Party processor = fixtures.party("processor");
        long plant = fixtures.site(processor, "processing_plant");
        long before = api.get("/api/v1/dashboard", regulator.token()).json().getLong("coldChainBrokenShipments");

        long tea = fixtures.product(coop, "tea", "kg");
        JsonArray harvests = new JsonArray();
        for (int i = 0; i < 520; i++) {
            harvests.add(Fixtures.teaHarvest(tea, farm));
        }
        Api.Response registered = api.post("/api/v1/lots", coop.token(), new JsonObject().put("lots", harvests));
        assertEquals(201, registered.status(), registered.body());
        JsonArray shipping = new JsonArray();
        registered.items().forEach(lot -> shipping.add(ship(((JsonObject) lot).getLong("id"), farm, processor.id(), plant)));
        JsonArray shipments = fixtures.event(coop, new JsonObject().put("events", shipping)).getJsonArray("events");
        // the oldest shipment's tea is held at 45 °C for six hours; the 519 newer ones stay at 20 °C
        JsonArray sensorEvents = new JsonArray();
        for (int i = 0; i < shipments.size(); i++) {
            sensorEvents.add(readings(shipments.getJsonObject(i).getLong("shipmentId"), i == 0 ? 45 : 20));
        }
        fixtures.event(coop, new JsonObject().put("events", sensorEvents));
        JsonObject board = api.get("/api/v1/dashboard", regulator.token()).json();
        assertEquals(before + 1, board.getLong("coldChainBrokenShipments"), "the oldest of 520 lots with readings is counted");

        long newest = shipments.getJsonObject(shipments.size() - 1).getLong("shipmentId");
        fixtures.event(coop, readings(newest, 45));
        board = api.get("/api/v1/dashboard", regulator.token()).json();
        assertEquals(before + 2, board.getLong("coldChainBrokenShipments"), "later hot readings break a shipment that had held");
        assertTrue(board.getJsonArray("coldChainExcursions").stream().map(JsonObject.class::cast)
                .anyMatch(row -> row.getLong("id") == newest), board.encode());
    }

    @Test
    void aLotsPackingShowsItsCasesThePalletTheyAreOnAndTheCodesNotYetPacked() {
        Fixtures.Party coop = fixtures.party("cooperative");
        long lot = harvest(coop, fixtures.site(coop));
        assertEquals(201, api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 10)).status());
        JsonObject fresh = api.get("/api/v1/lots/" + lot + "/packing?next=4", coop.token()).json();
        assertEquals(10, fresh.getInteger("codes"));
        assertEquals(0, fresh.getInteger("packed"));
        assertTrue(fresh.getJsonArray("cases").isEmpty());
        JsonArray first = fresh.getJsonArray("next");
        String box = Fixtures.sscc("00695123400000101");
        String other = Fixtures.sscc("00695123400000102");
        String pallet = Fixtures.sscc("00695123400000199");
        fixtures.event(coop, packing("packing", lot, box, "2026-05-03T08:00:00+08:00").put("serials", first));
        JsonArray after = api.get("/api/v1/lots/" + lot + "/packing?next=2", coop.token()).json().getJsonArray("next");
        assertTrue(after.stream().noneMatch(first::contains), "packed codes are not offered again: " + after);
        fixtures.event(coop, packing("packing", lot, other, "2026-05-03T08:10:00+08:00").put("serials", after));
        fixtures.event(coop, packing("packing", lot, pallet, "2026-05-03T09:00:00+08:00").put("ssccs", new JsonArray().add(box).add(other)));
        fixtures.event(coop, packing("unpacking", lot, box, "2026-05-03T10:00:00+08:00")
                .put("serials", new JsonArray().add(first.getString(0))));

        JsonObject packed = api.get("/api/v1/lots/" + lot + "/packing?next=10", coop.token()).json();
        assertEquals(5, packed.getInteger("packed"));
        assertEquals(3, packed.getInteger("casesTotal"));
        assertEquals(first.getString(0), packed.getJsonArray("next").getString(0), "a code taken out is offered first again (issue order)");
        assertEquals(5, packed.getJsonArray("next").size());
        JsonObject boxRow = byCase(packed, box);
        assertEquals(3, boxRow.getJsonArray("serials").size());
        assertEquals(pallet, boxRow.getString("pallet"));
        JsonObject palletRow = byCase(packed, pallet);
        assertEquals(java.util.Set.of(box, other), java.util.Set.copyOf(palletRow.getJsonArray("ssccs").getList()));
        assertEquals(null, palletRow.getValue("pallet"));
        assertEquals(pallet, packed.getJsonArray("cases").getJsonObject(0).getString("sscc"), "newest first");

        assertEquals("next", api.get("/api/v1/lots/" + lot + "/packing?next=10001", coop.token()).field());
        assertEquals(403, api.get("/api/v1/lots/" + lot + "/packing", fixtures.party("cooperative").token()).status());
    }

    @Test
    void aLotWithMoreCasesThanAreListedCountsThemAllAndFindsAnyBySscc() {
        Fixtures.Party coop = fixtures.party("cooperative");
        long lot = harvest(coop, fixtures.site(coop));
        int count = ConsoleService.LISTED_CASES + 2;
        assertEquals(201, api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", count)).status());
        JsonArray serials = api.get("/api/v1/lots/" + lot + "/packing?next=" + count, coop.token()).json().getJsonArray("next");
        JsonArray events = new JsonArray();
        for (int i = 0; i < count; i++) {
            events.add(packing("packing", lot, caseNumber(i), java.time.OffsetDateTime.parse("2026-05-03T08:00:00+08:00").plusMinutes(i).toString())
                    .put("serials", new JsonArray().add(serials.getString(i))));
        }
        assertEquals(201, api.post("/api/v1/events", coop.token(), new JsonObject().put("events", events)).status());

        JsonObject packing = api.get("/api/v1/lots/" + lot + "/packing", coop.token()).json();
        assertEquals(count, packing.getInteger("casesTotal"));
        assertEquals(ConsoleService.LISTED_CASES, packing.getJsonArray("cases").size());
        assertEquals(caseNumber(count - 1), packing.getJsonArray("cases").getJsonObject(0).getString("sscc"), "newest first");
        assertTrue(packing.getJsonArray("cases").stream().noneMatch(c -> ((JsonObject) c).getString("sscc").equals(caseNumber(0))));

        JsonObject oldest = api.get("/api/v1/lots/" + lot + "/packing?sscc=" + caseNumber(0), coop.token()).json();
        assertEquals(1, oldest.getJsonArray("cases").size(), "one beyond the listed ones is found by its SSCC");
        assertEquals(serials.getString(0), byCase(oldest, caseNumber(0)).getJsonArray("serials").getString(0));
        assertEquals(count, oldest.getInteger("casesTotal"));
        assertEquals("sscc", api.get("/api/v1/lots/" + lot + "/packing?sscc=12345", coop.token()).field());
    }

    @Test
    void aCaseOfOneLotPutOntoAPalletByAnotherLotsPackingShowsThePalletInBothLots() {
        Fixtures.Party coop = fixtures.party("cooperative");
        long farm = fixtures.site(coop);
        long lotA = harvest(coop, farm);
        long lotB = harvest(coop, farm);
        for (long lot : new long[]{lotA, lotB}) {
            assertEquals(201, api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 2)).status());
        }
        String caseA = caseNumber(500);
        String caseB = caseNumber(501);
        String pallet = caseNumber(502);
        fixtures.event(coop, packing("packing", lotA, caseA, "2026-05-03T08:00:00+08:00")
                .put("serials", api.get("/api/v1/lots/" + lotA + "/packing?next=2", coop.token()).json().getJsonArray("next")));
        fixtures.event(coop, packing("packing", lotB, caseB, "2026-05-03T08:10:00+08:00")
                .put("serials", api.get("/api/v1/lots/" + lotB + "/packing?next=2", coop.token()).json().getJsonArray("next")));
        fixtures.event(coop, packing("packing", lotB, pallet, "2026-05-03T09:00:00+08:00")
                .put("ssccs", new JsonArray().add(caseA).add(caseB)));

        JsonObject a = api.get("/api/v1/lots/" + lotA + "/packing", coop.token()).json();
        assertEquals(pallet, byCase(a, caseA).getString("pallet"), "lot A's case is on the pallet though lot B's event put it there");
        assertEquals(List.of(caseA), byCase(a, pallet).getJsonArray("ssccs").getList(), "of the pallet, lot A sees its own case");
        assertEquals(2, a.getInteger("packed"));
        JsonObject b = api.get("/api/v1/lots/" + lotB + "/packing", coop.token()).json();
        assertEquals(pallet, byCase(b, caseB).getString("pallet"));
    }

    private static String caseNumber(int i) {
        return Fixtures.sscc(String.format("006951234%08d", 40_000 + i));
    }

    private static JsonObject packing(String type, long lot, String sscc, String time) {
        return new JsonObject().put("type", type).put("time", time).put("lotId", lot).put("sscc", sscc);
    }

    private static JsonObject byCase(JsonObject packing, String sscc) {
        return packing.getJsonArray("cases").stream().map(JsonObject.class::cast).filter(row -> row.getString("sscc").equals(sscc))
                .findFirst().orElseThrow(() -> new AssertionError("no case " + sscc + " in " + packing.encode()));
    }

    private static JsonObject readings(long shipment, double celsius) {
        JsonArray readings = new JsonArray();
        for (int i = 0; i < 13; i++) {
            readings.add(new JsonObject().put("time", java.time.OffsetDateTime.parse("2026-05-03T07:30:00+08:00").plusMinutes(30L * i).toString())
                    .put("measure", "temperature").put("value", celsius).put("device", "LOG-" + shipment));
        }
        return new JsonObject().put("type", "sensor_reporting").put("shipmentId", shipment).put("readings", readings);
    }

    private long harvest(Fixtures.Party coop, long farm) {
        long tea = fixtures.product(coop, "tea", "kg");
        Api.Response created = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, farm));
        assertEquals(201, created.status(), created.body());
        return created.json().getLong("id");
    }

    private static JsonObject ship(long lot, long from, long toParty, long toSite) {
        return new JsonObject().put("type", "shipping").put("time", "2026-05-03T07:00:00+08:00").put("lotId", lot)
                .put("quantity", new JsonObject().put("value", 50).put("unit", "kg")).put("fromSiteId", from)
                .put("toPartyId", toParty).put("toSiteId", toSite);
    }
}
