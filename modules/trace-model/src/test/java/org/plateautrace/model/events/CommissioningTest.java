package org.plateautrace.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.lots.CommodityProfiles;
import org.plateautrace.model.lots.Harvest;
import org.plateautrace.model.lots.Lot;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.model.lots.Quantity;
import org.plateautrace.model.lots.Unit;

class CommissioningTest {
    private static final Gtin GTIN = Gtin.parse("2000000000008");
    private static final LotCode LOT_CODE = new LotCode("TEA-260502-K7QM");
    private static final OffsetDateTime HARVESTED = OffsetDateTime.parse("2026-05-02T01:30:00+08:00");

    private static Lot teaLot() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gardenPlot", "易贡 A3");
        attributes.put("teaType", "green");
        attributes.put("pickingGrade", "single_bud");
        Harvest harvest = new Harvest(11, 3, new Quantity(new BigDecimal("120.5"), Unit.KG), HARVESTED, attributes, LOT_CODE)
                .checkedAgainst(CommodityProfiles.require("tea"), Instant.parse("2026-05-02T00:00:00Z"));
        return new Lot(42, 5, GTIN, LOT_CODE, harvest, Instant.parse("2026-05-02T00:00:00Z"));
    }

    @Test
    void buildsObjectEventAddCommissioning() {
        SupplyChainEvent event = Commissioning.of(teaLot());
        assertEquals("ObjectEvent", event.eventType());
        assertEquals("ADD", event.action());
        assertEquals("commissioning", event.bizStep());
        assertEquals("active", event.disposition());
        assertEquals(HARVESTED, event.eventTime());
        assertEquals("+08:00", event.eventTimeZoneOffset());
    }

    @Test
    void happensAtTheHarvestSite() {
        SupplyChainEvent event = Commissioning.of(teaLot());
        assertEquals("urn:plateautrace:site:3", event.readPoint());
        assertEquals("urn:plateautrace:site:3", event.bizLocation());
    }

    @Test
    void quantityIsTheLotAsDigitalLinkClass() {
        SupplyChainEvent event = Commissioning.of(teaLot());
        assertEquals(List.of(new QuantityElement("https://id.gs1.org/01/02000000000008/10/TEA-260502-K7QM",
                new BigDecimal("120.5"), "KGM")), event.quantityList());
        assertEquals("https://id.gs1.org/01/02000000000008/10/TEA-260502-K7QM", Commissioning.lotClass(teaLot()));
    }

    @Test
    void ilmdIsHarvestDateThenAttributes() {
        Map<String, Object> ilmd = Commissioning.of(teaLot()).ilmd();
        // harvest date is the local date at the site (01:30 +08:00 is still 1 May in UTC)
        assertEquals("2026-05-02", ilmd.get("harvestDate"));
        assertEquals(List.of("harvestDate", "gardenPlot", "teaType", "pickingGrade"), List.copyOf(ilmd.keySet()));
        assertEquals("易贡 A3", ilmd.get("gardenPlot"));
        assertEquals("single_bud", ilmd.get("pickingGrade"));
    }

    @Test
    void numericAttributesBecomePlainStrings() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("earTag", "540402-000123");
        attributes.put("breed", "藏香猪");
        attributes.put("birthDate", "2025-06-01");
        attributes.put("quarantineCertificate", "5400012345");
        attributes.put("liveWeightKg", 1.2E2);
        Harvest harvest = new Harvest(1, 9, new Quantity(new BigDecimal("3"), Unit.HEAD), HARVESTED, attributes, null)
                .checkedAgainst(CommodityProfiles.require("tibetan_pig"), HARVESTED.toInstant());
        Lot lot = new Lot(1, 1, GTIN, new LotCode("PIG-260502-AAAA"), harvest, HARVESTED.toInstant());
        SupplyChainEvent event = Commissioning.of(lot);
        assertEquals("120.0", event.ilmd().get("liveWeightKg"));
        assertEquals("H87", event.quantityList().get(0).uom());
    }

    @Test
    void siteUriIsAStableUrn() {
        assertEquals("urn:plateautrace:site:17", Commissioning.siteUri(17));
    }

    @Test
    void hashOfTheSameLotIsStable() {
        assertEquals(EventHash.of(Commissioning.of(teaLot())), EventHash.of(Commissioning.of(teaLot())));
    }
}
