package org.plateautrace.model.epcis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpcisEventHashTest {
    private static final Map<String, String> NS = Map.of("example", "http://ns.example.com/epcis/");

    private static Map<String, Object> event() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "ObjectEvent");
        e.put("eventTime", "2005-04-03T20:33:31.116-06:00");
        e.put("eventTimeZoneOffset", "-06:00");
        e.put("epcList", List.of("urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:id:sgtin:0614141.107346.2018"));
        e.put("action", "OBSERVE");
        e.put("bizStep", "shipping");
        e.put("disposition", "in_transit");
        e.put("readPoint", Map.of("id", "urn:epc:id:sgln:0614141.07346.1234"));
        e.put("bizTransactionList", List.of(Map.of("type", "po", "bizTransaction", "http://transaction.acme.com/po/12345678")));
        e.put("example:myField", "Example of a vendor/user extension");
        return e;
    }

    @Test
    void writesTheCanonicalPreHashStringInGs1PropertyOrder() {
        assertEquals("eventType=ObjectEvent"
                + "eventTime=2005-04-04T02:33:31.116Z"
                + "eventTimeZoneOffset=-06:00"
                + "epcListepc=https://id.gs1.org/01/10614141073464/21/2017epc=https://id.gs1.org/01/10614141073464/21/2018"
                + "action=OBSERVE"
                + "bizStep=https://ref.gs1.org/cbv/BizStep-shipping"
                + "disposition=https://ref.gs1.org/cbv/Disp-in_transit"
                + "readPointid=https://id.gs1.org/414/0614141073467/254/1234"
                + "bizTransactionListbizTransaction=http://transaction.acme.com/po/12345678type=https://ref.gs1.org/cbv/BTT-po"
                + "{http://ns.example.com/epcis/}myField=Example of a vendor/user extension",
                EpcisEventHash.preHash(event(), NS));
    }

    @Test
    void givesTheSameIdAsGs1sReferenceImplementationForAShippingEvent() {
        // test vector of the reference implementation (RalphTro/epcis-event-hash-generator, epcisDocWithSingleEvent)
        Map<String, Object> e = event();
        e.remove("example:myField");
        e.put("eventTime", "2022-02-16T20:33:31.116000-06:00");
        assertEquals("ni:///sha-256;3e0f2437f4cb5e8a1b832b769c0eed1bf3e1421f14061132e9800ded03f10182?ver=CBV2.0",
                EpcisEventHash.of(e, Map.of("gs1", "https://gs1.org/voc/")));
    }

    @Test
    void isAnNiSha256UriOverThePreHashString() {
        String id = EpcisEventHash.of(event(), NS);
        assertTrue(id.matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0"), id);
    }

    @Test
    void doesNotDependOnFieldOrderListOrderOrSpellingOfTheSameValues() {
        Map<String, Object> reordered = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(event().keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reordered.put(k, event().get(k)));
        reordered.put("epcList", List.of("https://id.gs1.org/01/10614141073464/21/2018", "urn:epc:id:sgtin:0614141.107346.2017"));
        reordered.put("bizStep", "urn:epcglobal:cbv:bizstep:shipping");
        reordered.put("eventTime", "2005-04-04T02:33:31.116000Z");
        assertEquals(EpcisEventHash.of(event(), NS), EpcisEventHash.of(reordered, NS));
    }

    @Test
    void leavesOutEventIdRecordTimeAndErrorDeclaration() {
        Map<String, Object> more = event();
        more.put("eventID", "urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8");
        more.put("recordTime", "2026-01-01T00:00:00Z");
        more.put("errorDeclaration", Map.of("declarationTime", "2026-01-01T00:00:00Z"));
        assertEquals(EpcisEventHash.of(event(), NS), EpcisEventHash.of(more, NS));
    }

    @Test
    void changesWithAnyStandardFieldOrExtension() {
        String base = EpcisEventHash.of(event(), NS);
        Map<String, Object> other = event();
        other.put("disposition", "in_progress");
        assertNotEquals(base, EpcisEventHash.of(other, NS));
        other = event();
        other.put("example:myField", "another value");
        assertNotEquals(base, EpcisEventHash.of(other, NS));
        other = event();
        other.put("eventTime", "2005-04-03T20:33:31.117-06:00");
        assertNotEquals(base, EpcisEventHash.of(other, NS));
    }

    @Test
    void hashesSensorReportsAndQuantitiesWithoutTrailingZeros() {
        Map<String, Object> a = event();
        a.put("quantityList", List.of(Map.of("epcClass", "urn:epc:class:lgtin:4012345.012345.998877", "quantity", 200, "uom", "KGM")));
        a.put("sensorElementList", List.of(Map.of("sensorReport", List.of(Map.of("type", "Temperature", "value", 26.0, "uom", "CEL")))));
        Map<String, Object> b = event();
        b.put("quantityList", List.of(Map.of("epcClass", "urn:epc:class:lgtin:4012345.012345.998877", "quantity", new java.math.BigDecimal("200.000"), "uom", "KGM")));
        b.put("sensorElementList", List.of(Map.of("sensorReport", List.of(Map.of("type", "gs1:Temperature", "value", 26, "uom", "CEL")))));
        assertEquals(EpcisEventHash.preHash(a, NS), EpcisEventHash.preHash(b, NS));
        assertTrue(EpcisEventHash.preHash(a, NS).contains("quantityListquantityElementepcClass=https://id.gs1.org/01/04012345123456/10/998877quantity=200uom=KGM"),
                EpcisEventHash.preHash(a, NS));
        assertTrue(EpcisEventHash.preHash(a, NS).contains("sensorElementListsensorElementsensorReporttype=https://gs1.org/voc/Temperaturevalue=26uom=CEL"));
    }
}
