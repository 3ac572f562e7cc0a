package org.plateautrace.model.epcis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpcisEventsTest {
    private static Map<String, Object> event() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "ObjectEvent");
        e.put("eventTime", "2026-05-03T08:00:00+08:00");
        e.put("eventTimeZoneOffset", "+08:00");
        e.put("action", "OBSERVE");
        e.put("bizStep", "shipping");
        e.put("disposition", "in_transit");
        e.put("readPoint", Map.of("id", "urn:epc:id:sgln:0614141.07346.1234"));
        e.put("quantityList", List.of(Map.of("epcClass", "https://id.gs1.org/01/02000001000038/10/TEA-1", "quantity", 12.5, "uom", "KGM")));
        e.put("sourceList", List.of(Map.of("type", "owning_party", "source", "urn:epc:id:pgln:0614141.00777")));
        e.put("sensorElementList", List.of(Map.of("sensorReport", List.of(Map.of("type", "gs1:Temperature", "value", 3.5, "uom", "CEL")))));
        e.put("ex:note", "kept");
        return e;
    }

    private static List<String> fields(Map<String, Object> event) {
        return EpcisEvents.problems(event).stream().map(EpcisEvents.Problem::field).toList();
    }

    @Test
    void acceptsAValidEventWithExtensions() {
        assertEquals(List.of(), EpcisEvents.problems(event()));
    }

    @Test
    void namesEachFieldThatBreaksTheSchema() {
        Map<String, Object> e = event();
        e.put("type", "HarvestEvent");
        assertEquals(List.of("type"), fields(e));
        e = event();
        e.remove("eventTime");
        e.put("action", "UPDATE");
        e.put("eventTimeZoneOffset", "8");
        e.put("bizStep", "harvesting");
        e.put("quantityList", List.of(Map.of("epcClass", "x", "quantity", "12", "uom", "kg")));
        e.put("note", "no prefix");
        assertEquals(List.of("note", "eventTime", "eventTimeZoneOffset", "action", "bizStep", "quantityList[0].epcClass",
                "quantityList[0].quantity", "quantityList[0].uom").stream().sorted().toList(), fields(e).stream().sorted().toList());
    }

    @Test
    void wantsRfc3339DateTimesWithSecondsAndAnOffset() {
        Map<String, Object> e = event();
        e.put("eventTime", "2026-05-03T08:00+08:00");
        assertEquals(List.of("eventTime"), fields(e));
        e.put("eventTime", "2026-05-03T08:00:00");
        assertEquals(List.of("eventTime"), fields(e));
        e.put("eventTime", "2026-05-03T00:00:00.123456Z");
        assertEquals(List.of(), fields(e));
    }

    @Test
    void refusesCbvUrnsWhichGs1sJsonSchemaRefusesToo() {
        Map<String, Object> e = event();
        e.put("bizStep", "urn:epcglobal:cbv:bizstep:shipping");
        e.put("sourceList", List.of(Map.of("type", "urn:epcglobal:cbv:sdt:owning_party", "source", "urn:epc:id:pgln:0614141.00777")));
        assertEquals(List.of("bizStep", "sourceList[0].type"), fields(e));
        assertTrue(EpcisEvents.problems(e).get(0).detail().contains("'shipping'"));
    }

    @Test
    void refusesIlmdOutsideAnAddAndFieldsOfAnotherEventType() {
        Map<String, Object> e = event();
        e.put("ilmd", Map.of("ex:harvestDate", "2026-05-02"));
        assertEquals(List.of("ilmd"), fields(e));
        e = event();
        e.put("childEPCs", List.of("urn:epc:id:sgtin:0614141.107346.2017"));
        assertEquals(List.of("childEPCs"), fields(e));
    }

    @Test
    void indexesCbvValuesAsSentAndEveryListElement() {
        EpcisIndex index = EpcisEvents.index(event());
        assertEquals("shipping", index.bizStep());
        assertEquals(List.of("shipping", "https://ref.gs1.org/cbv/BizStep-shipping", "https://gs1.org/voc/BizStep-shipping"),
                Cbv.BIZ_STEP.spellings("urn:epcglobal:cbv:bizstep:shipping"));
        assertEquals("in_transit", index.disposition());
        assertEquals("urn:epc:id:sgln:0614141.07346.1234", index.readPoint());
        assertEquals(List.of(new EpcisIndex.Quantity("quantity", "https://id.gs1.org/01/02000001000038/10/TEA-1", new BigDecimal("12.5"), "KGM")),
                index.quantities());
        assertEquals(List.of(new EpcisIndex.Party("source", "owning_party", "urn:epc:id:pgln:0614141.00777")), index.parties());
        assertEquals(List.of(new EpcisIndex.SensorValue("Temperature", "CEL", new BigDecimal("3.5"))), index.sensorValues());
    }

    @Test
    void keepsTheEventAsSentWithItsIdAndContextButNotAClientRecordTime() {
        Map<String, Object> e = event();
        e.put("recordTime", "2026-05-03T08:00:00Z");
        Map<String, Object> stored = EpcisEvents.stored(e, "urn:uuid:1", List.of("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"));
        assertTrue(stored.containsKey("@context"));
        assertEquals("urn:uuid:1", stored.get("eventID"));
        assertTrue(!stored.containsKey("recordTime"));
        assertEquals("kept", stored.get("ex:note"));
    }
}
