package org.plateautrace.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventHashTest {
    private static final String LOT = "https://id.gs1.org/01/02000000000008/10/TEA-260502-K7QM";
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-05-02T10:15:30.250+08:00");
    private static final String SITE = "urn:plateautrace:site:3";

    private static Map<String, Object> ilmd() {
        Map<String, Object> ilmd = new LinkedHashMap<>();
        ilmd.put("harvestDate", "2026-05-02");
        ilmd.put("gardenPlot", "A3");
        ilmd.put("teaType", "green");
        return ilmd;
    }

    private static SupplyChainEvent event(String quantity, OffsetDateTime time, String bizStep, Map<String, Object> ilmd) {
        return new SupplyChainEvent("ObjectEvent", "ADD", bizStep, "active", time, SITE, SITE,
                List.of(new QuantityElement(LOT, new BigDecimal(quantity), "KGM")), ilmd);
    }

    private static SupplyChainEvent base() {
        return event("120.5", TIME, "commissioning", ilmd());
    }

    @Test
    void hasNiSha256Format() {
        String id = EventHash.of(base());
        assertTrue(id.matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0"), id);
    }

    @Test
    void sameContentGivesSameId() {
        assertEquals(EventHash.of(base()), EventHash.of(base()));
    }

    @Test
    void differentQuantityGivesDifferentId() {
        assertNotEquals(EventHash.of(base()), EventHash.of(event("120.6", TIME, "commissioning", ilmd())));
    }

    @Test
    void differentUnitGivesDifferentId() {
        SupplyChainEvent grams = new SupplyChainEvent("ObjectEvent", "ADD", "commissioning", "active", TIME, SITE, SITE,
                List.of(new QuantityElement(LOT, new BigDecimal("120.5"), "GRM")), ilmd());
        assertNotEquals(EventHash.of(base()), EventHash.of(grams));
    }

    @Test
    void equalQuantityWrittenWithTrailingZerosGivesSameId() {
        assertEquals(EventHash.of(base()), EventHash.of(event("120.500", TIME, "commissioning", ilmd())));
    }

    @Test
    void differentTimeGivesDifferentId() {
        assertNotEquals(EventHash.of(base()), EventHash.of(event("120.5", TIME.plusSeconds(1), "commissioning", ilmd())));
        assertNotEquals(EventHash.of(base()), EventHash.of(event("120.5", TIME.plusNanos(1_000_000), "commissioning", ilmd())));
    }

    @Test
    void differentBizStepGivesDifferentId() {
        assertNotEquals(EventHash.of(base()), EventHash.of(event("120.5", TIME, "shipping", ilmd())));
    }

    @Test
    void differentIlmdValueGivesDifferentId() {
        Map<String, Object> changed = ilmd();
        changed.put("teaType", "black");
        assertNotEquals(EventHash.of(base()), EventHash.of(event("120.5", TIME, "commissioning", changed)));
    }

    @Test
    void extraIlmdFieldGivesDifferentId() {
        Map<String, Object> more = ilmd();
        more.put("pickingMethod", "hand");
        assertNotEquals(EventHash.of(base()), EventHash.of(event("120.5", TIME, "commissioning", more)));
    }

    @Test
    void ilmdOrderDoesNotMatter() {
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("teaType", "green");
        reversed.put("gardenPlot", "A3");
        reversed.put("harvestDate", "2026-05-02");
        assertEquals(EventHash.of(base()), EventHash.of(event("120.5", TIME, "commissioning", reversed)));
    }

    @Test
    void quantityListOrderDoesNotMatter() {
        QuantityElement a = new QuantityElement(LOT, new BigDecimal("1"), "KGM");
        QuantityElement b = new QuantityElement(LOT.replace("K7QM", "K7QN"), new BigDecimal("2"), "KGM");
        SupplyChainEvent ab = new SupplyChainEvent("ObjectEvent", "OBSERVE", "shipping", "in_transit", TIME, SITE, SITE,
                List.of(a, b), null);
        SupplyChainEvent ba = new SupplyChainEvent("ObjectEvent", "OBSERVE", "shipping", "in_transit", TIME, SITE, SITE,
                List.of(b, a), null);
        assertEquals(EventHash.of(ab), EventHash.of(ba));
    }

    @Test
    void differentDispositionOrLocationGivesDifferentId() {
        SupplyChainEvent otherDisposition = new SupplyChainEvent("ObjectEvent", "ADD", "commissioning", "in_progress", TIME,
                SITE, SITE, base().quantityList(), ilmd());
        SupplyChainEvent otherSite = new SupplyChainEvent("ObjectEvent", "ADD", "commissioning", "active", TIME,
                "urn:plateautrace:site:4", "urn:plateautrace:site:4", base().quantityList(), ilmd());
        assertNotEquals(EventHash.of(base()), EventHash.of(otherDisposition));
        assertNotEquals(EventHash.of(base()), EventHash.of(otherSite));
    }

    @Test
    void preHashWritesTimeInUtcWithMillisAndTheOffset() {
        String preHash = EventHash.preHash(base());
        assertTrue(preHash.startsWith("eventType=ObjectEvent"
                + "eventTime=2026-05-02T02:15:30.250Z"
                + "eventTimeZoneOffset=+08:00"), preHash);
    }

    @Test
    void preHashUsesCbvUrisAndNamespacedSortedIlmd() {
        String preHash = EventHash.preHash(base());
        assertTrue(preHash.contains("quantityListquantityElementepcClass=" + LOT + "quantity=120.5uom=KGM"), preHash);
        assertTrue(preHash.contains("action=ADD"), preHash);
        assertTrue(preHash.contains("bizStep=https://ref.gs1.org/cbv/BizStep-commissioning"), preHash);
        assertTrue(preHash.contains("disposition=https://ref.gs1.org/cbv/Disp-active"), preHash);
        assertTrue(preHash.contains("readPointid=" + SITE + "bizLocationid=" + SITE), preHash);
        String ns = "{" + SupplyChainEvent.ILMD_NAMESPACE + "}";
        assertTrue(preHash.endsWith("ilmd" + ns + "gardenPlot=A3" + ns + "harvestDate=2026-05-02" + ns + "teaType=green"), preHash);
    }

    @Test
    void utcOffsetIsWrittenAsPlusZero() {
        SupplyChainEvent utc = event("1", OffsetDateTime.parse("2026-05-02T02:15:30Z"), "commissioning", ilmd());
        assertTrue(EventHash.preHash(utc).contains("eventTime=2026-05-02T02:15:30.000ZeventTimeZoneOffset=+00:00"));
    }

    @Test
    void emptyAndMissingIlmdGiveSameId() {
        assertEquals(EventHash.of(event("1", TIME, "shipping", null)), EventHash.of(event("1", TIME, "shipping", Map.of())));
    }
}
