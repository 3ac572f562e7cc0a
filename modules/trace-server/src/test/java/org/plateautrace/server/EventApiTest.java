package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recording supply-chain events after harvest, and the rules that keep the record true. */
class EventApiTest extends ServerTest {
    private Fixtures.Party coop;
    private Fixtures.Party processor;
    private Fixtures.Party lab;
    private long garden;
    private long plant;
    private long freshLeaf;
    private long blackTea;

    @BeforeAll
    void registerChain() {
        coop = fixtures.party("cooperative");
        processor = fixtures.party("processor");
        lab = fixtures.party("lab");
        garden = fixtures.site(coop);
        plant = fixtures.site(processor, "processing_plant");
        freshLeaf = fixtures.product(coop, "tea", "kg");
        blackTea = fixtures.product(processor, "tea", "kg");
    }

    @Test
    void shipsReceivesAndProcessesALotIntoANewOneThatTracesBackToTheHarvest() {
        long harvest = harvest(500);
        JsonObject shipped = fixtures.event(coop, shipping(harvest, 300, "2026-05-03T08:00:00+08:00"));
        long shipment = shipped.getLong("shipmentId");
        assertEquals("shipping", shipped.getString("bizStep"));

        fixtures.event(processor, receiving(shipment, "2026-05-03T15:00:00+08:00"));
        JsonObject processed = fixtures.event(processor, new JsonObject().put("type", "processing")
                .put("time", "2026-05-04T10:00:00+08:00").put("siteId", plant).put("process", "萎凋-揉捻-发酵-干燥")
                .put("steps", new JsonArray().add("withering").add("rolling").add("oxidation").add("drying"))
                .put("inputs", new JsonArray().add(new JsonObject().put("lotId", harvest).put("quantity", kg(300))))
                .put("outputs", new JsonArray().add(new JsonObject().put("productId", blackTea).put("quantity", kg(72)))));
        assertEquals("TransformationEvent", processed.getString("type"));
        JsonObject made = processed.getJsonArray("lots").getJsonObject(0);
        assertTrue(made.getString("lotCode").startsWith("TEA-260504-"));

        JsonObject lot = api.get("/api/v1/lots/" + made.getLong("id"), processor.token()).json();
        assertEquals(processor.id(), lot.getLong("partyId"));
        JsonArray events = api.get("/api/v1/lots/" + harvest + "/events", coop.token()).items();
        assertEquals(java.util.List.of("commissioning", "shipping", "receiving", "commissioning"),
                events.stream().map(e -> ((JsonObject) e).getString("bizStep")).toList());
        JsonObject transformation = events.getJsonObject(3);
        assertEquals("TransformationEvent", transformation.getString("type"));
        assertEquals(1, transformation.getJsonArray("inputQuantityList").size());
        assertEquals(1, transformation.getJsonArray("outputQuantityList").size());
    }

    @Test
    void aLotKeptInAStoreThatWarmedUpSaysItsColdChainBroke() {
        long store = fixtures.site(coop, "warehouse");
        Api.Response harvested = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(freshLeaf, garden));
        assertEquals(201, harvested.status(), harvested.body());
        JsonObject lot = harvested.json();
        fixtures.event(coop, new JsonObject().put("type", "storing").put("time", "2026-05-03T08:00:00+08:00")
                .put("lotId", lot.getLong("id")).put("siteId", store));
        JsonArray readings = new JsonArray().add(reading("2026-05-02T20:00:00+08:00", 50));   // before the lot came: not counted
        for (int hour = 9; hour <= 18; hour++) {
            readings.add(reading(String.format("2026-05-03T%02d:00:00+08:00", hour), hour >= 10 && hour <= 16 ? 36 : 20));
        }
        fixtures.event(coop, new JsonObject().put("type", "sensor_reporting").put("siteId", store).put("readings", readings));

        JsonObject trace = api.get("/api/v1/lots/" + lot.getLong("id") + "/trace?direction=backward", coop.token()).json();
        JsonObject stay = trace.getJsonArray("storage").getJsonObject(0);
        assertEquals(store, stay.getLong("siteId"));
        JsonObject verdict = stay.getJsonObject("coldChain");
        assertFalse(verdict.getBoolean("held"), verdict.encode());
        assertEquals(10, verdict.getInteger("readings"), "only readings while the lot was there");
        assertEquals(1, verdict.getJsonArray("excursions").size());
        assertEquals(36.0, verdict.getJsonArray("excursions").getJsonObject(0).getDouble("worst"));
        assertTrue(trace.getJsonArray("lots").getJsonObject(0).getBoolean("coldChainBroken"));

        JsonObject story = api.get("/01/" + lot.getString("gtin") + "/10/" + lot.getString("lotCode"), null,
                "Accept", "application/json").json().getJsonObject("coldChain");
        assertFalse(story.getBoolean("held"));
        assertFalse(story.getJsonArray("storage").getJsonObject(0).getBoolean("held"));
    }

    private static JsonObject reading(String time, double celsius) {
        return new JsonObject().put("time", time).put("measure", "temperature").put("value", celsius).put("device", "COLD-ROOM-2");
    }

    @Test
    void refusesAProcessingStepTheCommodityDoesNotHave() {
        long harvest = harvest(100);
        long shipment = fixtures.event(coop, shipping(harvest, 100, "2026-05-03T08:00:00+08:00")).getLong("shipmentId");
        fixtures.event(processor, receiving(shipment, "2026-05-03T15:00:00+08:00"));
        JsonObject processing = new JsonObject().put("type", "processing").put("time", "2026-05-04T10:00:00+08:00").put("siteId", plant)
                .put("steps", new JsonArray().add("rolling").add("smoking"))
                .put("inputs", new JsonArray().add(new JsonObject().put("lotId", harvest).put("quantity", kg(100))))
                .put("outputs", new JsonArray().add(new JsonObject().put("productId", blackTea).put("quantity", kg(24))));
        Api.Response refused = api.post("/api/v1/events", processor.token(), processing);
        assertEquals(400, refused.status());
        assertEquals("steps[1]", refused.field(), "tea is not smoked");
        assertEquals("steps", api.post("/api/v1/events", processor.token(), processing.copy().put("steps", new JsonArray())).field());
    }

    @Test
    void refusesAnOutputLotCodeAlreadyUsedForTheProduct() {
        long harvest = harvest(100);
        long shipment = fixtures.event(coop, shipping(harvest, 100, "2026-05-03T08:00:00+08:00")).getLong("shipmentId");
        fixtures.event(processor, receiving(shipment, "2026-05-03T15:00:00+08:00"));
        JsonObject processing = new JsonObject().put("type", "processing").put("time", "2026-05-04T10:00:00+08:00").put("siteId", plant)
                .put("steps", new JsonArray().add("drying"))
                .put("inputs", new JsonArray().add(new JsonObject().put("lotId", harvest).put("quantity", kg(50))))
                .put("outputs", new JsonArray().add(new JsonObject().put("productId", blackTea).put("quantity", kg(12))
                        .put("lotCode", "MT-DUP-1")));
        fixtures.event(processor, processing);
        processing.put("time", "2026-05-04T11:00:00+08:00");
        Api.Response again = api.post("/api/v1/events", processor.token(), processing);
        assertEquals(409, again.status(), again.body());
        assertEquals("outputs", again.field());
    }

    @Test
    void regulatorsVerifyTheLedgerAndPartiesMayNot() {
        harvest(10);
        Fixtures.Party regulator = fixtures.party("regulator");
        Api.Response verdict = api.get("/api/v1/ledger/verify", regulator.token());
        assertEquals(200, verdict.status(), verdict.body());
        assertTrue(verdict.json().getBoolean("intact"));
        assertTrue(verdict.json().getLong("checked") >= 1);
        assertEquals(403, api.get("/api/v1/ledger/verify", coop.token()).status());
    }

    @Test
    void refusesToShipMoreThanTheLotHolds() {
        long harvest = harvest(100);
        Api.Response tooMuch = api.post("/api/v1/events", coop.token(), shipping(harvest, 101, "2026-05-03T08:00:00+08:00"));
        assertEquals(400, tooMuch.status());
        assertEquals("quantity.value", tooMuch.field());
        assertTrue(tooMuch.json().getString("detail").contains("you hold 100 kg"), tooMuch.body());

        fixtures.event(coop, shipping(harvest, 60, "2026-05-03T08:00:00+08:00"));
        assertEquals("quantity.value", api.post("/api/v1/events", coop.token(),
                shipping(harvest, 41, "2026-05-03T09:00:00+08:00")).field(), "60 of 100 kg are gone");
        assertEquals(201, api.post("/api/v1/events", coop.token(), shipping(harvest, 80, "2026-05-03T09:00:00+08:00")
                .put("quantity", new JsonObject().put("value", 80).put("unit", "jin"))).status(), "80 斤 = 40 kg");
    }

    @Test
    void onlyTheCurrentCustodianShipsALot() {
        long harvest = harvest(100);
        Api.Response stranger = api.post("/api/v1/events", processor.token(), shipping(harvest, 10, "2026-05-03T08:00:00+08:00")
                .put("fromSiteId", plant).put("toPartyId", coop.id()));
        assertEquals(403, stranger.status());
        assertEquals("lotId", stranger.field());
    }

    @Test
    void refusesAReceivingThatMatchesNoShipmentOrIsNotAddressedToTheReceiver() {
        assertEquals("shipmentId", api.post("/api/v1/events", processor.token(), receiving(987654, "2026-05-03T15:00:00+08:00")).field());
        long harvest = harvest(100);
        long shipment = fixtures.event(coop, shipping(harvest, 10, "2026-05-03T08:00:00+08:00")).getLong("shipmentId");
        Api.Response wrongParty = api.post("/api/v1/events", lab.token(), receiving(shipment, "2026-05-03T15:00:00+08:00")
                .put("siteId", fixtures.site(lab, "warehouse")));
        assertEquals(403, wrongParty.status());
        assertEquals("time", api.post("/api/v1/events", processor.token(), receiving(shipment, "2026-05-02T15:00:00+08:00")).field());
        fixtures.event(processor, receiving(shipment, "2026-05-03T15:00:00+08:00"));
        assertEquals("shipmentId", api.post("/api/v1/events", processor.token(), receiving(shipment, "2026-05-03T16:00:00+08:00")).field());
    }

    @Test
    void refusesAnEventBeforeItsLotExisted() {
        long harvest = harvest(100);
        Api.Response early = api.post("/api/v1/events", coop.token(), shipping(harvest, 10, "2026-05-01T08:00:00+08:00"));
        assertEquals(400, early.status());
        assertEquals("time", early.field());
    }

    @Test
    void aRetriedEventIsRecognisedAndStoredOnce() {
        long harvest = harvest(100);
        JsonObject event = shipping(harvest, 10, "2026-05-03T08:00:00+08:00");
        Api.Response first = api.post("/api/v1/events", coop.token(), event);
        Api.Response retry = api.post("/api/v1/events", coop.token(), event);
        assertEquals(201, first.status());
        assertEquals(200, retry.status());
        assertEquals("duplicate", retry.json().getString("status"));
        assertEquals(first.json().getString("eventId"), retry.json().getString("eventId"));
        assertEquals(2, api.get("/api/v1/lots/" + harvest + "/events", coop.token()).items().size(), "commissioning + one shipping");

        JsonObject named = shipping(harvest, 5, "2026-05-03T09:00:00+08:00").put("eventId", "urn:uuid:6f1c0a8e-6b0b-4b5e-9f1c-1f2e3d4c5b6a");
        assertEquals(201, api.post("/api/v1/events", coop.token(), named).status());
        assertEquals(200, api.post("/api/v1/events", coop.token(), named).status());
    }

    @Test
    void aBatchIsAllOrNothingAndReportsEveryBadItem() {
        long harvest = harvest(100);
        JsonArray events = new JsonArray()
                .add(shipping(harvest, 10, "2026-05-03T08:00:00+08:00"))
                .add(shipping(harvest, 500, "2026-05-03T09:00:00+08:00"))
                .add(shipping(harvest, 10, "2026-05-03T10:00:00+08:00"))
                .add(new JsonObject().put("type", "teleporting"));
        Api.Response refused = api.post("/api/v1/events", coop.token(), new JsonObject().put("events", events));

        assertEquals(400, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        JsonArray errors = refused.json().getJsonArray("errors");
        assertEquals(1, errors.size(), "a malformed item is reported before anything is checked against the record");
        assertEquals(3, errors.getJsonObject(0).getInteger("index"));

        events.remove(3);
        Api.Response again = api.post("/api/v1/events", coop.token(), new JsonObject().put("events", events));
        assertEquals(400, again.status());
        assertEquals(1, again.json().getJsonArray("errors").getJsonObject(0).getInteger("index"));
        assertEquals("quantity.value", again.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(1, api.get("/api/v1/lots/" + harvest + "/events", coop.token()).items().size(), "nothing of the batch stored");

        events.remove(1);
        Api.Response accepted = api.post("/api/v1/events", coop.token(), new JsonObject().put("events", events));
        assertEquals(201, accepted.status(), accepted.body());
        assertEquals(2, accepted.json().getJsonArray("events").size());
    }

    @Test
    void withProceedABatchStoresWhatIsAcceptedAndListsEveryRefusedItem() {
        long harvest = harvest(100);
        JsonArray events = new JsonArray()
                .add(sale(harvest, 10, "2026-05-03T08:00:00+08:00"))
                .add(sale(harvest, 500, "2026-05-03T09:00:00+08:00"))
                .add(new JsonObject().put("type", "teleporting"))
                .add(sale(harvest, 85, "2026-05-03T10:00:00+08:00"))
                .add(sale(harvest, 10, "2026-05-03T11:00:00+08:00"));
        Api.Response answer = api.post("/api/v1/events?proceed=true", coop.token(), new JsonObject().put("events", events));

        assertEquals(201, answer.status(), answer.body());
        assertEquals(List.of(0, 3), answer.json().getJsonArray("events").stream().map(e -> ((JsonObject) e).getInteger("index")).toList());
        JsonArray errors = answer.json().getJsonArray("errors");
        assertEquals(List.of(1, 2, 4), errors.stream().map(e -> ((JsonObject) e).getInteger("index")).toList(), errors.encode());
        assertEquals("quantity.value", errors.getJsonObject(2).getString("field"), "the last sale is checked after the accepted ones: 5 kg left");
        assertEquals("type", errors.getJsonObject(1).getString("field"));
        assertEquals(3, api.get("/api/v1/lots/" + harvest + "/events", coop.token()).items().size(), "the harvest and the two sales");

        Api.Response allRefused = api.post("/api/v1/events?proceed=true", coop.token(), new JsonObject().put("events", new JsonArray()
                .add(sale(harvest, 50, "2026-05-03T12:00:00+08:00")).add(new JsonObject().put("type", "teleporting"))));
        assertEquals(400, allRefused.status(), "nothing accepted: refused as a whole");
        assertEquals(2, allRefused.json().getJsonArray("errors").size(), allRefused.body());
        assertEquals("proceed", api.post("/api/v1/events?proceed=perhaps", coop.token(), new JsonObject().put("events", events)).field());
    }

    @Test
    void refusesNamingOneInputLotTwiceInAProcessingStep() {
        long harvest = harvest(100);
        long plantOfCoop = fixtures.site(coop, "processing_plant");
        Api.Response refused = api.post("/api/v1/events", coop.token(), new JsonObject().put("type", "processing")
                .put("time", "2026-05-04T10:00:00+08:00").put("siteId", plantOfCoop).put("steps", new JsonArray().add("withering"))
                .put("inputs", new JsonArray().add(new JsonObject().put("lotId", harvest).put("quantity", kg(60)))
                        .add(new JsonObject().put("lotId", harvest).put("quantity", kg(60))))
                .put("outputs", new JsonArray().add(new JsonObject().put("productId", freshLeaf).put("quantity", kg(30)))));
        assertEquals(400, refused.status(), "120 kg of a 100 kg lot: " + refused.body());
        assertEquals("inputs[1].lotId", refused.field());
    }

    private static JsonObject sale(long lot, double kilograms, String time) {
        return new JsonObject().put("type", "sale").put("time", time).put("lotId", lot).put("quantity", kg(kilograms)).put("channel", "livestream");
    }

    @Test
    void recordsALabResultAndASale() {
        long harvest = harvest(100);
        JsonObject inspection = fixtures.event(lab, new JsonObject().put("type", "inspection").put("time", "2026-05-03T08:00:00+08:00")
                .put("lotId", harvest).put("labPartyId", lab.id()).put("reportNumber", "NC-2026-0512")
                .put("test", "pesticide_residue").put("result", "未检出 (not detected)").put("passed", true));
        assertEquals("inspecting", inspection.getString("bizStep"));
        fixtures.event(coop, new JsonObject().put("type", "sale").put("time", "2026-05-04T08:00:00+08:00").put("lotId", harvest)
                .put("quantity", kg(2)).put("channel", "livestream"));
        assertEquals("channel", api.post("/api/v1/events", coop.token(), new JsonObject().put("type", "sale")
                .put("time", "2026-05-04T08:00:00+08:00").put("lotId", harvest).put("quantity", kg(2)).put("channel", "magic")).field());
        JsonArray events = api.get("/api/v1/lots/" + harvest + "/events", coop.token()).items();
        JsonObject sale = events.getJsonObject(2);
        assertEquals("retail_sold", sale.getString("disposition"));
        assertEquals("livestream", sale.getString("pt:channel"));
        assertEquals("conformant", events.getJsonObject(1).getString("disposition"));
    }

    @Test
    void aLabNamesTheLotByTheDigitalLinkItsSampleCameLabelledWith() {
        long harvest = harvest(100);
        JsonObject lot = api.get("/api/v1/lots/" + harvest, coop.token()).json();
        String pack = api.post("/api/v1/lots/" + harvest + "/codes", coop.token(), new JsonObject().put("count", 1)).json()
                .getJsonArray("first").getString(0);
        JsonObject byLotLink = labResult("MO-2026-0001").put("lot", lot.getString("digitalLink"));
        JsonObject byPackLink = labResult("MO-2026-0002").put("lot", pack.replace("https://trace.example.cn", ""));
        Api.Response recorded = api.post("/api/v1/events", lab.token(), new JsonObject().put("events", new JsonArray()
                .add(byLotLink).add(byPackLink)));
        assertEquals(201, recorded.status(), recorded.body());
        String history = api.get("/api/v1/lots/" + harvest + "/events", coop.token()).body();
        assertTrue(history.contains("MO-2026-0001") && history.contains("MO-2026-0002"), "both results are on the lot: " + history);
        assertEquals(200, api.post("/api/v1/events", lab.token(), byLotLink).status(), "the same result sent again is a duplicate");
        assertEquals(200, api.post("/api/v1/events", lab.token(), labResult("MO-2026-0001").put("lotId", harvest)).status(),
                "named by id instead, it is the same event");

        String otherLot = lot.getString("digitalLink").replace("/10/" + lot.getString("lotCode"), "/10/NO-SUCH-LOT");
        Api.Response unknown = api.post("/api/v1/events", lab.token(), labResult("MO-2026-0003").put("lot", otherLot));
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("lot", unknown.field());
        assertTrue(unknown.json().getString("detail").contains("NO-SUCH-LOT"), unknown.body());
        assertEquals("lot", api.post("/api/v1/events", lab.token(), labResult("MO-2026-0004")
                .put("lot", lot.getString("digitalLink").replaceFirst("/10/.*", ""))).field(), "a link that names no lot");
        assertEquals("lot", api.post("/api/v1/events", lab.token(), labResult("MO-2026-0005")
                .put("lot", lot.getString("digitalLink")).put("lotId", harvest)).field(), "the lot is named once");
        assertEquals("lotId", api.post("/api/v1/events", lab.token(), labResult("MO-2026-0006")).field());
    }

    private JsonObject labResult(String report) {
        return new JsonObject().put("type", "inspection").put("time", "2026-05-03T08:00:00+08:00").put("labPartyId", lab.id())
                .put("reportNumber", report).put("test", "moisture").put("result", "6.1 %").put("passed", true);
    }

    @Test
    void packsCodesIntoACaseAndCasesOntoAPallet() {
        long harvest = harvest(100);
        JsonObject batch = api.post("/api/v1/lots/" + harvest + "/codes", coop.token(), new JsonObject().put("count", 12)).json();
        JsonArray serials = new JsonArray(api.get(batch.getJsonObject("links").getString("csv"), coop.token()).body().lines().skip(1)
                .map(line -> line.split(",")[0]).toList());
        String caseSscc = Fixtures.sscc("00695123400000001");
        String pallet = Fixtures.sscc("00695123400000099");

        JsonObject packed = fixtures.event(coop, new JsonObject().put("type", "packing").put("time", "2026-05-03T08:00:00+08:00")
                .put("lotId", harvest).put("sscc", caseSscc).put("serials", serials));
        assertEquals("AggregationEvent", packed.getString("type"));
        fixtures.event(coop, new JsonObject().put("type", "packing").put("time", "2026-05-03T09:00:00+08:00")
                .put("lotId", harvest).put("sscc", pallet).put("ssccs", new JsonArray().add(caseSscc)));

        JsonObject aggregation = api.get("/api/v1/lots/" + harvest + "/events", coop.token()).items().stream().map(JsonObject.class::cast)
                .filter(e -> "packing".equals(e.getString("bizStep"))).findFirst().orElseThrow();
        assertEquals("https://id.gs1.org/00/" + caseSscc, aggregation.getString("parentID"));
        assertEquals(12, aggregation.getJsonArray("childEPCs").size());
        assertTrue(aggregation.getJsonArray("childEPCs").getString(0).contains("/21/" + serials.getString(0)));

        assertEquals("serials[0]", api.post("/api/v1/events", coop.token(), new JsonObject().put("type", "packing")
                .put("time", "2026-05-03T08:00:00+08:00").put("lotId", harvest).put("sscc", caseSscc)
                .put("serials", new JsonArray().add("NOTACODE2345"))).field());
        String wrongCheck = caseSscc.substring(0, 17) + ((caseSscc.charAt(17) - '0' + 1) % 10);
        assertEquals("sscc", api.post("/api/v1/events", coop.token(), new JsonObject().put("type", "packing")
                .put("time", "2026-05-03T08:00:00+08:00").put("lotId", harvest).put("sscc", wrongCheck)
                .put("serials", serials)).field());
        assertEquals(201, api.post("/api/v1/events", coop.token(), new JsonObject().put("type", "unpacking")
                .put("time", "2026-05-04T08:00:00+08:00").put("lotId", harvest).put("sscc", caseSscc)
                .put("serials", new JsonArray().add(serials.getString(0)))).status());
    }

    @Test
    void refusesPackingACodeAlreadyInAnotherCase() {
        long harvest = harvest(100);
        JsonArray serials = codes(harvest, 5);
        String first = Fixtures.sscc("00695123400000201");
        String second = Fixtures.sscc("00695123400000202");
        fixtures.event(coop, packing("packing", harvest, first, "2026-05-03T08:00:00+08:00")
                .put("serials", new JsonArray(serials.getList().subList(0, 4))));

        Api.Response refused = api.post("/api/v1/events", coop.token(), packing("packing", harvest, second, "2026-05-03T09:00:00+08:00")
                .put("serials", new JsonArray().add(serials.getString(4)).add(serials.getString(2))));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("serials[1]", refused.field());
        assertTrue(refused.json().getString("detail").contains(serials.getString(2)), refused.body());
        assertTrue(refused.json().getString("detail").contains(first), refused.body());

        fixtures.event(coop, packing("unpacking", harvest, first, "2026-05-03T10:00:00+08:00")
                .put("serials", new JsonArray().add(serials.getString(2))));
        assertEquals(201, api.post("/api/v1/events", coop.token(), packing("packing", harvest, second, "2026-05-03T11:00:00+08:00")
                .put("serials", new JsonArray().add(serials.getString(2)))).status(), "taken out first, it may go into another case");
        assertEquals("time", api.post("/api/v1/events", coop.token(), packing("unpacking", harvest, second, "2026-05-03T10:30:00+08:00")
                .put("serials", new JsonArray().add(serials.getString(2)))).field(), "a code's packing history runs forward in time");
    }

    @Test
    void refusesPackingACaseAlreadyOnAnotherPallet() {
        long harvest = harvest(100);
        String box = Fixtures.sscc("00695123400000211");
        fixtures.event(coop, packing("packing", harvest, box, "2026-05-03T08:00:00+08:00").put("serials", codes(harvest, 2)));
        fixtures.event(coop, packing("packing", harvest, Fixtures.sscc("00695123400000218"), "2026-05-03T09:00:00+08:00")
                .put("ssccs", new JsonArray().add(box)));
        Api.Response refused = api.post("/api/v1/events", coop.token(), packing("packing", harvest,
                Fixtures.sscc("00695123400000219"), "2026-05-03T10:00:00+08:00").put("ssccs", new JsonArray().add(box)));
        assertEquals("ssccs[0]", refused.field(), refused.body());
        assertEquals("ssccs[0]", api.post("/api/v1/events", coop.token(), packing("packing", harvest, box, "2026-05-03T10:00:00+08:00")
                .put("ssccs", new JsonArray().add(box))).field(), "a case does not go into itself");
    }

    @Test
    void twoPalletsOfDifferentLotsPackedAtTheSameMomentCannotBothTakeOneCase() throws Exception {
        long lotA = harvest(100);
        long lotB = harvest(100);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String box = Fixtures.sscc(String.format("006951234%08d", 30_000 + 3 * round));
                fixtures.event(coop, packing("packing", lotA, box, "2026-05-03T08:00:00+08:00")
                        .put("serials", new JsonArray().add(codes(lotA, 1).getString(0))));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Api.Response>> answers = new ArrayList<>();
                for (int pallet = 1; pallet <= 2; pallet++) {
                    JsonObject onto = packing("packing", pallet == 1 ? lotA : lotB,
                            Fixtures.sscc(String.format("006951234%08d", 30_000 + 3 * round + pallet)), "2026-05-03T09:00:00+08:00")
                            .put("ssccs", new JsonArray().add(box));
                    answers.add(senders.submit(() -> {
                        together.await();
                        return api.post("/api/v1/events", coop.token(), onto);
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Api.Response> answer : answers) {
                    statuses.add(answer.get().status());
                }
                statuses.sort(null);
                assertEquals(List.of(201, 400), statuses, "round " + round + ": the case went onto one pallet only");
            }
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void refusesUnpackingACodeFromACaseItIsNotIn() {
        long harvest = harvest(100);
        JsonArray serials = codes(harvest, 3);
        String box = Fixtures.sscc("00695123400000221");
        String other = Fixtures.sscc("00695123400000222");
        fixtures.event(coop, packing("packing", harvest, box, "2026-05-03T08:00:00+08:00")
                .put("serials", new JsonArray().add(serials.getString(0)).add(serials.getString(1))));

        Api.Response fromOther = api.post("/api/v1/events", coop.token(), packing("unpacking", harvest, other, "2026-05-03T09:00:00+08:00")
                .put("serials", new JsonArray().add(serials.getString(0))));
        assertEquals(400, fromOther.status(), fromOther.body());
        assertEquals("serials[0]", fromOther.field());
        assertTrue(fromOther.json().getString("detail").contains(box), "names the case it is in: " + fromOther.body());
        assertEquals("serials[1]", api.post("/api/v1/events", coop.token(), packing("unpacking", harvest, box, "2026-05-03T09:00:00+08:00")
                .put("serials", new JsonArray().add(serials.getString(1)).add(serials.getString(2)))).field(), "never packed");
        assertEquals(2, api.get("/api/v1/lots/" + harvest + "/packing", coop.token()).json().getInteger("packed"), "nothing unpacked");
    }

    @Test
    void aBatchCannotPackOneCodeTwice() {
        long harvest = harvest(100);
        JsonArray serials = codes(harvest, 2);
        String box = Fixtures.sscc("00695123400000231");
        String other = Fixtures.sscc("00695123400000232");
        Api.Response refused = api.post("/api/v1/events", coop.token(), new JsonObject().put("events", new JsonArray()
                .add(packing("packing", harvest, box, "2026-05-03T08:00:00+08:00").put("serials", serials))
                .add(packing("packing", harvest, other, "2026-05-03T08:05:00+08:00")
                        .put("serials", new JsonArray().add(serials.getString(1))))));
        assertEquals(400, refused.status(), refused.body());
        JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(1, error.getInteger("index"));
        assertEquals("serials[0]", error.getString("field"));
        assertEquals(0, api.get("/api/v1/lots/" + harvest + "/packing", coop.token()).json().getInteger("packed"), "nothing stored");
        assertEquals("serials[1]", api.post("/api/v1/events", coop.token(), packing("packing", harvest, box, "2026-05-03T08:00:00+08:00")
                .put("serials", new JsonArray().add(serials.getString(0)).add(serials.getString(0)))).field(), "nor one event");

        Api.Response inOrder = api.post("/api/v1/events", coop.token(), new JsonObject().put("events", new JsonArray()
                .add(packing("packing", harvest, box, "2026-05-03T08:00:00+08:00").put("serials", serials))
                .add(packing("unpacking", harvest, box, "2026-05-03T08:05:00+08:00").put("serials", new JsonArray().add(serials.getString(1))))
                .add(packing("packing", harvest, other, "2026-05-03T08:10:00+08:00").put("serials", new JsonArray().add(serials.getString(1))))));
        assertEquals(201, inOrder.status(), "items see the ones before them: " + inOrder.body());
    }

    /** The lot's pack codes (issuing {@code more} first), in issue order. */
    private JsonArray codes(long lot, int more) {
        if (more > 0) {
            assertEquals(201, api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", more)).status());
        }
        return api.get("/api/v1/lots/" + lot + "/packing?next=100", coop.token()).json().getJsonArray("next");
    }

    private static JsonObject packing(String type, long lot, String sscc, String time) {
        return new JsonObject().put("type", type).put("time", time).put("lotId", lot).put("sscc", sscc);
    }

    private long harvest(double kilograms) {
        Api.Response created = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(freshLeaf, garden)
                .put("quantity", kg(kilograms)));
        assertEquals(201, created.status(), created.body());
        return created.json().getLong("id");
    }

    private JsonObject shipping(long lot, double kilograms, String time) {
        return new JsonObject().put("type", "shipping").put("time", time).put("lotId", lot).put("quantity", kg(kilograms))
                .put("fromSiteId", garden).put("toPartyId", processor.id()).put("toSiteId", plant);
    }

    private JsonObject receiving(long shipment, String time) {
        return new JsonObject().put("type", "receiving").put("time", time).put("shipmentId", shipment).put("siteId", plant);
    }

    private static JsonObject kg(double value) {
        return new JsonObject().put("value", value).put("unit", "kg");
    }
}
