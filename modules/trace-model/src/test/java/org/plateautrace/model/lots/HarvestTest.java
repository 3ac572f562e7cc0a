package org.plateautrace.model.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HarvestTest {
    private static final Instant NOW = Instant.parse("2026-05-02T02:00:00Z");
    private static final ZoneOffset LHASA = ZoneOffset.ofHours(8);
    private static final CommodityProfile TEA = CommodityProfiles.require("tea");
    private static final Quantity KG = new Quantity(new BigDecimal("120.5"), Unit.KG);

    private static Map<String, Object> teaAttributes() {
        Map<String, Object> a = new HashMap<>();
        a.put("pickingGrade", "single_bud");
        a.put("teaType", "green");
        a.put("gardenPlot", "  易贡 A3 ");
        return a;
    }

    private static Harvest harvest(Quantity quantity, OffsetDateTime at) {
        return new Harvest(7, 3, quantity, at, teaAttributes(), null);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(LHASA);
    }

    @Test
    void refusesHarvestBeyondClockTolerance() {
        Harvest h = harvest(KG, at(NOW.plus(Duration.ofMinutes(11))));
        assertInvalid("harvestedAt", "in the future", () -> h.checkedAgainst(TEA, NOW));
    }

    @Test
    void refusesHarvestOneSecondBeyondTolerance() {
        Harvest h = harvest(KG, at(NOW.plus(Harvest.CLOCK_TOLERANCE).plusSeconds(1)));
        assertInvalid("harvestedAt", "in the future", () -> h.checkedAgainst(TEA, NOW));
    }

    @Test
    void acceptsHarvestFiveMinutesAhead() {
        OffsetDateTime fiveAhead = at(NOW.plus(Duration.ofMinutes(5)));
        assertEquals(fiveAhead, harvest(KG, fiveAhead).checkedAgainst(TEA, NOW).harvestedAt());
    }

    @Test
    void acceptsHarvestExactlyAtTolerance() {
        assertEquals(Duration.ofMinutes(10), Harvest.CLOCK_TOLERANCE);
        harvest(KG, at(NOW.plus(Harvest.CLOCK_TOLERANCE))).checkedAgainst(TEA, NOW);
    }

    @Test
    void acceptsHarvestInThePast() {
        harvest(KG, at(NOW.minus(Duration.ofDays(30)))).checkedAgainst(TEA, NOW);
    }

    @Test
    void refusesHarvestBefore2000() {
        Harvest h = harvest(KG, OffsetDateTime.of(1999, 12, 31, 12, 0, 0, 0, LHASA));
        assertInvalid("harvestedAt", "before the year 2000", () -> h.checkedAgainst(TEA, NOW));
    }

    @Test
    void acceptsFirstDayOf2000() {
        harvest(KG, OffsetDateTime.of(2000, 1, 1, 12, 0, 0, 0, LHASA)).checkedAgainst(TEA, NOW);
    }

    @Test
    void refusesUnitTheCommodityIsNotCountedIn() {
        Harvest h = harvest(new Quantity(new BigDecimal("3"), Unit.HEAD), at(NOW));
        assertInvalid("quantity.unit", "a tea lot is counted in", () -> h.checkedAgainst(TEA, NOW));
    }

    @Test
    void refusesAttributesBreakingTheProfile() {
        Map<String, Object> attributes = teaAttributes();
        attributes.remove("gardenPlot");
        Harvest h = new Harvest(7, 3, KG, at(NOW), attributes, null);
        assertInvalid("attributes.gardenPlot", "is required for a tea lot", () -> h.checkedAgainst(TEA, NOW));
    }

    @Test
    void checkedHarvestCarriesNormalisedAttributesAndKeepsTheRest() {
        LotCode code = new LotCode("TEA-260502-K7QM");
        Harvest given = new Harvest(7, 3, KG, at(NOW), teaAttributes(), code);
        Harvest checked = given.checkedAgainst(TEA, NOW);
        assertEquals(List.of("gardenPlot", "teaType", "pickingGrade"), List.copyOf(checked.attributes().keySet()));
        assertEquals("易贡 A3", checked.attributes().get("gardenPlot"));
        assertEquals(7, checked.productId());
        assertEquals(3, checked.siteId());
        assertSame(KG, checked.quantity());
        assertSame(code, checked.lotCode());
    }

    @Test
    void refusesMissingQuantity() {
        assertInvalid("quantity", "is required", () -> harvest(null, at(NOW)));
    }

    @Test
    void refusesMissingHarvestTime() {
        assertInvalid("harvestedAt", "is required", () -> harvest(KG, null));
    }

    @Test
    void missingAttributesBecomeEmpty() {
        assertTrue(new Harvest(1, 1, KG, at(NOW), null, null).attributes().isEmpty());
    }
}
