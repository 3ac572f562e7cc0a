package org.plateautrace.model.coldchain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plateautrace.model.lots.CommodityProfile;
import org.plateautrace.model.lots.CommodityProfiles;

class ColdChainProfilesTest {

    @Test
    void findsAProfileByCode() {
        ColdChainProfile chilled = ColdChainProfiles.find("chilled_meat").orElseThrow();
        assertEquals("冷鲜肉", chilled.nameZh());
        assertEquals(List.of(Band.between(Measure.TEMPERATURE, "0", "4", Duration.ofMinutes(30))), chilled.bands());
        assertTrue(ColdChainProfiles.find("ambient").isEmpty());
        assertTrue(ColdChainProfiles.find(null).isEmpty());
    }

    @Test
    void requireRefusesAnUnknownCodeListingTheCodes() {
        assertInvalid(null, "one of chilled_meat, frozen, fresh_fungi, fresh_fruit, dry_ambient, live_animal",
                () -> ColdChainProfiles.require("deep_frozen"));
    }

    @Test
    void frozenIsOpenBelowMinus18() {
        Band band = ColdChainProfiles.require("frozen").band(Measure.TEMPERATURE).orElseThrow();
        assertNull(band.min());
        assertEquals(0, band.max().compareTo(new BigDecimal("-18")));
        assertEquals(Duration.ofMinutes(60), band.tolerance());
        assertTrue(band.contains(new BigDecimal("-40")));
        assertFalse(ColdChainProfiles.require("frozen").band(Measure.RELATIVE_HUMIDITY).isPresent());
    }

    @Test
    void freshFungiAndDryGoodsAlsoBandHumidity() {
        Band fungi = ColdChainProfiles.require("fresh_fungi").band(Measure.RELATIVE_HUMIDITY).orElseThrow();
        assertEquals(new BigDecimal("85"), fungi.min());
        assertEquals(new BigDecimal("95"), fungi.max());
        assertEquals(Duration.ofMinutes(120), fungi.tolerance());
        Band dry = ColdChainProfiles.require("dry_ambient").band(Measure.RELATIVE_HUMIDITY).orElseThrow();
        assertNull(dry.min());
        assertEquals(new BigDecimal("65"), dry.max());
        assertEquals(Duration.ofMinutes(240), dry.tolerance());
    }

    @Test
    void profileCodesAreUnique() {
        assertEquals(ColdChainProfiles.ALL.size(),
                new HashSet<>(ColdChainProfiles.ALL.stream().map(ColdChainProfile::code).toList()).size());
    }

    @ParameterizedTest
    @CsvSource({
            "tea, dry_ambient",
            "herb, dry_ambient",
            "barley, dry_ambient",
            "tibetan_pig, live_animal",
            "yak, live_animal",
            "fungi, fresh_fungi",
            "fruit, fresh_fruit"})
    void defaultProfileOfEachCommoditysHarvest(String commodity, String profile) {
        assertEquals(profile, ColdChainProfiles.defaultFor(commodity).code());
    }

    @Test
    void everyCommodityHasADefaultProfile() {
        for (CommodityProfile commodity : CommodityProfiles.ALL) {
            assertDoesNotThrow(() -> ColdChainProfiles.defaultFor(commodity.code()), commodity.code());
        }
    }

    @Test
    void defaultForRefusesAnUnknownCommodity() {
        assertInvalid(null, "'rice'", () -> ColdChainProfiles.defaultFor("rice"));
        assertInvalid(null, "barley, fruit, fungi, herb, tea, tibetan_pig, yak", () -> ColdChainProfiles.defaultFor(null));
    }

    @Test
    void aProfileHasAtMostOneBandPerMeasure() {
        assertInvalid("bands", "two bands for temperature", () -> new ColdChainProfile("twice", "两次", "Twice", List.of(
                Band.between(Measure.TEMPERATURE, "0", "4", Duration.ZERO),
                Band.atMost(Measure.TEMPERATURE, "8", Duration.ZERO))));
        assertInvalid("bands", "at least one band", () -> new ColdChainProfile("none", "无", "None", List.of()));
    }

    @Test
    void aBandNeedsAnEdgeOrderedEdgesAndATolerance() {
        assertInvalid("min", "min, a max or both", () -> new Band(Measure.TEMPERATURE, null, null, Duration.ZERO));
        assertInvalid("min", "above max", () -> Band.between(Measure.TEMPERATURE, "5", "4", Duration.ZERO));
        assertInvalid("tolerance", "zero or more", () -> Band.atMost(Measure.TEMPERATURE, "4", Duration.ofMinutes(-1)));
        assertInvalid("tolerance", "zero or more", () -> Band.atMost(Measure.TEMPERATURE, "4", null));
    }
}
