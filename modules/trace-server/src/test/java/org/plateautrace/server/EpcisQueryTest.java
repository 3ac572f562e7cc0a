package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The EPCIS 2.0 query interface: each SimpleEventQuery parameter, paging, strictness and who sees what. */
class EpcisQueryTest extends ServerTest {
    private static final String Q1 = "urn:uuid:9a1e0000-0000-4000-8000-000000000001";
    private static final String Q2 = "urn:uuid:9a1e0000-0000-4000-8000-000000000002";
    private static final String Q3 = "urn:uuid:9a1e0000-0000-4000-8000-000000000003";
    private static final String Q4 = "urn:uuid:9a1e0000-0000-4000-8000-000000000004";
    private static final String Q5 = "urn:uuid:9a1e0000-0000-4000-8000-000000000005";
    private static final String Q6 = "urn:uuid:9a1e0000-0000-4000-8000-000000000006";
    private static final String RP1 = "urn:epc:id:sgln:0614141.07346.1234";
    private static final String BL2 = "https://id.gs1.org/414/9520123456788";
    private static final String C1 = "urn:epc:class:lgtin:4012345.012345.998877";
    private static final String C2 = "https://id.gs1.org/01/09520123456788/10/LOT-7";
    private static final String EPC1 = "urn:epc:id:sgtin:0614141.107346.2017";
    private static final String EPC2 = "urn:epc:id:sgtin:0614141.107346.2018";
    private static final String EPC3 = "https://id.gs1.org/01/09520123456788/21/3000";
    private static final String SSCC = "urn:epc:id:sscc:0614141.1234567890";
    private Fixtures.Party company;
    private Fixtures.Party other;
    private Fixtures.Party regulator;

    @BeforeAll
    void captureEvents() {
        company = fixtures.party("enterprise");
        other = fixtures.party("enterprise");
        regulator = fixtures.party("regulator");
        capture(company, base("ObjectEvent", Q1, "2026-05-03T08:00:00+08:00").put("action", "OBSERVE").put("bizStep", "shipping")
                .put("disposition", "in_transit").put("readPoint", new JsonObject().put("id", RP1))
                .put("epcList", new JsonArray().add(EPC1)).put("quantityList", new JsonArray().add(quantity(C1))));
        capture(company, base("AggregationEvent", Q2, "2026-05-04T08:00:00+08:00").put("action", "ADD").put("bizStep", "packing")
                .put("parentID", SSCC).put("childEPCs", new JsonArray().add(EPC2)).put("childQuantityList", new JsonArray().add(quantity(C2)))
                .put("bizLocation", new JsonObject().put("id", BL2)));
        capture(company, base("TransformationEvent", Q3, "2026-05-05T08:00:00+08:00").put("bizStep", "commissioning")
                .put("inputQuantityList", new JsonArray().add(quantity(C1))).put("outputEPCList", new JsonArray().add(EPC3)));
        capture(company, base("ObjectEvent", Q4, "2026-05-06T08:00:00+08:00").put("action", "OBSERVE").put("bizStep", "sensor_reporting")
                .put("disposition", "in_transit").put("readPoint", new JsonObject().put("id", RP1))
                .put("sensorElementList", new JsonArray().add(new JsonObject().put("sensorReport", new JsonArray()
                        .add(new JsonObject().put("type", "Temperature").put("value", 8.5).put("uom", "CEL"))
                        .add(new JsonObject().put("type", "gs1:RelativeHumidity").put("value", 90).put("uom", "P1"))))));
        capture(company, base("ObjectEvent", Q6, "2026-05-07T08:00:00+08:00").put("action", "OBSERVE")
                .put("bizStep", "https://ref.gs1.org/cbv/BizStep-receiving").put("epcList", new JsonArray().add(EPC3)));
        capture(other, base("ObjectEvent", Q5, "2026-05-03T09:00:00+08:00").put("action", "OBSERVE").put("bizStep", "shipping")
                .put("epcList", new JsonArray().add(EPC1)));
    }

    @Test
    void answersEachStandardParameter() {
        assertEquals(List.of(Q2), ids("eventType=AggregationEvent"));
        assertEquals(List.of(Q1, Q3, Q4, Q6), ids("eventType=ObjectEvent%7CTransformationEvent"));
        assertEquals(List.of(Q2), ids("GE_eventTime=2026-05-04T00:00:00Z&LT_eventTime=2026-05-05T00:00:00Z"));
        assertEquals(List.of(Q1), ids("EQ_bizStep=shipping"));
        assertEquals(List.of(Q2), ids("EQ_bizStep=" + enc("urn:epcglobal:cbv:bizstep:packing")));
        assertEquals(List.of(Q6), ids("EQ_bizStep=receiving"), "a bizStep sent as its web URI is the same bizStep");
        assertEquals(List.of(Q1, Q4), ids("EQ_disposition=in_transit"));
        assertEquals(List.of(Q1, Q4), ids("EQ_disposition=" + enc("urn:epcglobal:cbv:disp:in_transit")), "a query may use the URN spelling");
        assertEquals(List.of(Q1, Q4), ids("EQ_readPoint=" + enc(RP1)));
        assertEquals(List.of(Q2), ids("EQ_bizLocation=" + enc(BL2)));
        assertEquals(List.of(Q1), ids("MATCH_epc=" + enc(EPC1)));
        assertEquals(List.of(Q2), ids("MATCH_epc=" + enc(EPC2)), "childEPCs count for MATCH_epc");
        assertEquals(List.of(Q1, Q2), ids("MATCH_epc=" + enc("urn:epc:idpat:sgtin:0614141.107346.*")));
        assertEquals(List.of(Q2), ids("MATCH_anyEPC=" + enc(SSCC)));
        assertEquals(List.of(Q3, Q6), ids("MATCH_anyEPC=" + enc(EPC3)));
        assertEquals(List.of(Q6), ids("MATCH_epc=" + enc(EPC3)), "an output EPC is not an epcList EPC");
        assertEquals(List.of(Q1), ids("MATCH_epcClass=" + enc(C1)));
        assertEquals(List.of(Q1, Q3), ids("MATCH_anyEPCClass=" + enc(C1)));
        assertEquals(List.of(Q3), ids("EQ_eventID=" + enc(Q3)));
        assertEquals(List.of(Q4), ids("EQ_type=Temperature"));
        assertEquals(List.of(Q4), ids("GE_value_CEL=8&LT_value_CEL=9"));
        assertEquals(List.of(), ids("LT_value_CEL=8"));
        assertEquals(List.of(Q4), ids("EQ_type=RelativeHumidity&GE_value_P1=90"));
        assertEquals(List.of(Q1, Q2, Q3, Q4, Q6), ids("GE_recordTime=2020-01-01T00:00:00Z"));
        assertEquals(List.of(), ids("LT_recordTime=2020-01-01T00:00:00Z"));
    }

    @Test
    void pagesWithPerPageAndALinkToTheNextPage() {
        List<String> seen = new ArrayList<>();
        String next = "/epcis/events?perPage=3";
        int pages = 0;
        while (next != null) {
            Api.Response page = api.get(next, company.token());
            assertEquals(200, page.status(), page.body());
            EpcisCaptureTest.eventList(page.json()).forEach(e -> seen.add(((JsonObject) e).getString("eventID")));
            String link = page.header("Link");
            next = null;
            if (link != null) {
                Matcher m = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(link);
                assertTrue(m.matches(), link);
                next = m.group(1);
                assertTrue(next.contains("nextPageToken=") && next.contains("perPage=3"), next);
            }
            pages++;
        }
        assertEquals(2, pages);
        assertEquals(List.of(Q1, Q2, Q3, Q4, Q6), seen);
    }

    @Test
    void refusesUnsupportedParametersNamingThem() {
        Api.Response unknown = api.get("/epcis/events?orderBy=eventTime&EQ_color=red", company.token());
        assertEquals(400, unknown.status());
        assertEquals("application/problem+json", unknown.contentType());
        assertEquals("EQ_color", unknown.field());
        assertTrue(unknown.json().getString("detail").contains("orderBy"), unknown.body());
        assertEquals("perPage", api.get("/epcis/events?perPage=0", company.token()).field());
        assertEquals("GE_eventTime", api.get("/epcis/events?GE_eventTime=yesterday", company.token()).field());
        assertEquals("GE_value_CEL", api.get("/epcis/events?GE_value_CEL=warm", company.token()).field());
        assertEquals("nextPageToken", api.get("/epcis/events?nextPageToken=%21%21", company.token()).field());
        assertEquals(401, api.get("/epcis/events", null).status());
    }

    @Test
    void aPartySeesItsOwnEventsAndRegulatorsSeeAll() {
        assertEquals(List.of(Q5), ids("", other));
        assertEquals(List.of(Q1, Q5), ids("MATCH_epc=" + enc(EPC1), regulator));
        assertEquals(List.of(Q1), ids("MATCH_epc=" + enc(EPC1), company));
        assertEquals(403, api.get("/epcis/events/" + enc(Q5), company.token()).status());
        assertEquals(200, api.get("/epcis/events/" + enc(Q5), regulator.token()).status());
        assertEquals(404, api.get("/epcis/events/" + enc("urn:uuid:9a1e0000-0000-4000-8000-0000000000ff"), regulator.token()).status());
        JsonObject one = api.get("/epcis/events/" + enc(Q4), company.token()).json();
        assertEquals("gs1:RelativeHumidity", one.getJsonArray("sensorElementList").getJsonObject(0).getJsonArray("sensorReport")
                .getJsonObject(1).getString("type"), "the event comes back as it was sent");
        EpcisConformance.assertValid(one.encode());
    }

    @Test
    void aPartySeesEventsOnGoodsItHeld() {
        Fixtures.Party coop = fixtures.party("cooperative");
        Fixtures.Party processor = fixtures.party("processor");
        long farm = fixtures.site(coop);
        long plant = fixtures.site(processor, "processing_plant");
        long tea = fixtures.product(coop, "tea", "kg");
        Api.Response lot = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, farm));
        assertEquals(201, lot.status(), lot.body());
        long harvest = lot.json().getLong("id");
        assertEquals(List.of(), ids("EQ_bizStep=commissioning&eventType=ObjectEvent", processor));
        long shipment = fixtures.event(coop, new JsonObject().put("type", "shipping").put("time", "2026-05-03T08:00:00+08:00")
                .put("lotId", harvest).put("quantity", new JsonObject().put("value", 100).put("unit", "kg"))
                .put("fromSiteId", farm).put("toPartyId", processor.id()).put("toSiteId", plant)).getLong("shipmentId");
        fixtures.event(processor, new JsonObject().put("type", "receiving").put("time", "2026-05-03T15:00:00+08:00")
                .put("shipmentId", shipment).put("siteId", plant));
        List<String> harvestEvents = ids("EQ_bizStep=commissioning&eventType=ObjectEvent", processor);
        assertEquals(1, harvestEvents.size(), "the processor sees the harvest of the lot it received");
        assertEquals(harvestEvents, ids("EQ_bizStep=commissioning&eventType=ObjectEvent", coop));
        assertEquals(List.of(), ids("EQ_bizStep=commissioning", other));
        Api.Response export = api.get("/epcis/events?EQ_eventID=" + enc(harvestEvents.get(0)), processor.token());
        EpcisConformance.assertValid(export.body());
        assertNull(export.header("Link"));
        assertFalse(export.body().contains("\"pt:\""));
    }

    private List<String> ids(String query) {
        return ids(query, company);
    }

    private List<String> ids(String query, Fixtures.Party party) {
        Api.Response response = api.get("/epcis/events?" + query, party.token());
        assertEquals(200, response.status(), query + ": " + response.body());
        return EpcisCaptureTest.eventList(response.json()).stream().map(e -> ((JsonObject) e).getString("eventID")).toList();
    }

    private void capture(Fixtures.Party party, JsonObject event) {
        Api.Response created = api.send("POST", "/epcis/events", party.token(), event.encode());
        assertEquals(201, created.status(), created.body());
    }

    private static JsonObject base(String type, String id, String time) {
        return new JsonObject().put("@context", new JsonArray().add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"))
                .put("type", type).put("eventID", id).put("eventTime", time).put("eventTimeZoneOffset", "+08:00");
    }

    private static JsonObject quantity(String epcClass) {
        return new JsonObject().put("epcClass", epcClass).put("quantity", 10).put("uom", "KGM");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
