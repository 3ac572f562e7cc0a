package org.plateautrace.model.lots;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommodityProfilesTest {

    /** A complete, valid attribute map for each commodity, with only what is required. */
    private static Map<String, Object> valid(String commodity) {
        Map<String, Object> a = new HashMap<>();
        switch (commodity) {
            case "tea" -> {
                a.put("gardenPlot", "易贡 A3");
                a.put("teaType", "black");
                a.put("pickingGrade", "one_bud_one_leaf");
            }
            case "tibetan_pig" -> {
                a.put("earTag", "540402-000123");
                a.put("breed", "藏香猪");
                a.put("birthDate", "2025-06-01");
                a.put("quarantineCertificate", "5400012345");
            }
            case "fungi" -> {
                a.put("species", "wood_ear");
                a.put("cultivation", "cultivated");
                a.put("spawnSource", "林芝农科所");
                a.put("substrateBatch", "SB-2026-04");
                a.put("sterilisation", "high_pressure_steam");
            }
            case "fruit" -> {
                a.put("fruitType", "apple");
                a.put("variety", "富士");
                a.put("orchardBlock", "B2");
            }
            case "herb" -> {
                a.put("species", "gastrodia");
                a.put("cultivation", "cultivated");
                a.put("plot", "H1");
            }
            case "yak" -> {
                a.put("earTag", "540423-000045");
                a.put("breed", "娘亚牦牛");
                a.put("birthDate", "2022-04-15");
                a.put("quarantineCertificate", "5400098765");
            }
            case "barley" -> {
                a.put("variety", "藏青2000");
                a.put("plot", "Q7");
            }
            default -> throw new IllegalArgumentException(commodity);
        }
        return a;
    }

    /** What each commodity must record, written out here (not read from the profiles) so a change to the data shows. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "tea", List.of("gardenPlot", "teaType", "pickingGrade"),
            "tibetan_pig", List.of("earTag", "breed", "birthDate", "quarantineCertificate"),
            "fungi", List.of("species", "cultivation", "spawnSource", "substrateBatch", "sterilisation"),
            "fruit", List.of("fruitType", "variety", "orchardBlock"),
            "herb", List.of("species", "cultivation", "plot"),
            "yak", List.of("earTag", "breed", "birthDate", "quarantineCertificate"),
            "barley", List.of("variety", "plot"));

    static Stream<Arguments> requiredAttributes() {
        List<Arguments> args = new ArrayList<>();
        REQUIRED.forEach((commodity, names) -> names.forEach(name -> args.add(Arguments.of(commodity, name))));
        return args.stream();
    }

    static Stream<String> commodities() {
        return REQUIRED.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commodities")
    void acceptsValidAttributes(String commodity) {
        Map<String, Object> given = valid(commodity);
        assertEquals(given, CommodityProfiles.require(commodity).validate(given));
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @MethodSource("requiredAttributes")
    void enforcesEachRequiredAttribute(String commodity, String attribute) {
        Map<String, Object> given = valid(commodity);
        given.remove(attribute);
        assertInvalid("attributes." + attribute, "is required for a " + commodity + " lot",
                () -> CommodityProfiles.require(commodity).validate(given));
    }

    @Test
    void everyProfileIsCovered() {
        assertEquals(REQUIRED.keySet(), Set.copyOf(CommodityProfiles.ALL.stream().map(CommodityProfile::code).toList()));
    }

    @Test
    void requiredMessageCarriesBothLabels() {
        Map<String, Object> given = valid("tibetan_pig");
        given.remove("earTag");
        assertInvalid("attributes.earTag", "(耳标号, ear tag)", () -> CommodityProfiles.require("tibetan_pig").validate(given));
    }

    @Test
    void nullAttributesMeanNoneGiven() {
        assertInvalid("attributes.variety", "is required", () -> CommodityProfiles.require("barley").validate(null));
    }

    @Test
    void nullValueCountsAsMissing() {
        Map<String, Object> given = valid("barley");
        given.put("plot", null);
        assertInvalid("attributes.plot", "is required", () -> CommodityProfiles.require("barley").validate(given));
    }

    @Test
    void refusesUnknownAttributeListingKnownOnes() {
        Map<String, Object> given = valid("tea");
        given.put("colour", "red");
        assertInvalid("attributes.colour", "is not an attribute of tea; known: gardenPlot, teaType, pickingGrade, pickingMethod",
                () -> CommodityProfiles.require("tea").validate(given));
    }

    @Test
    void refusesAttributeOfAnotherCommodity() {
        Map<String, Object> given = valid("barley");
        given.put("earTag", "540402-000123");
        assertInvalid("attributes.earTag", "is not an attribute of barley", () -> CommodityProfiles.require("barley").validate(given));
    }

    @Test
    void refusesEnumValueOutsideTheList() {
        Map<String, Object> given = valid("tea");
        given.put("teaType", "white");
        assertInvalid("attributes.teaType", "must be one of black, green, oolong, brick",
                () -> CommodityProfiles.require("tea").validate(given));
    }

    @Test
    void enumValuesAreCaseSensitive() {
        Map<String, Object> given = valid("tea");
        given.put("teaType", "Black");
        assertInvalid("attributes.teaType", "must be one of", () -> CommodityProfiles.require("tea").validate(given));
    }

    @Test
    void refusesEnumGivenAsNonString() {
        Map<String, Object> given = valid("tea");
        given.put("pickingMethod", 1);
        assertInvalid("attributes.pickingMethod", "must be a string", () -> CommodityProfiles.require("tea").validate(given));
    }

    @Test
    void acceptsOptionalEnumValue() {
        Map<String, Object> given = valid("tea");
        given.put("pickingMethod", "hand");
        assertEquals("hand", CommodityProfiles.require("tea").validate(given).get("pickingMethod"));
    }

    @Test
    void rangeChecksNumbers() {
        CommodityProfile pig = CommodityProfiles.require("tibetan_pig");
        Map<String, Object> given = valid("tibetan_pig");
        given.put("liveWeightKg", 401);
        assertInvalid("attributes.liveWeightKg", "must be between 1 and 400", () -> pig.validate(given));
        given.put("liveWeightKg", 0.5);
        assertInvalid("attributes.liveWeightKg", "must be between 1 and 400", () -> pig.validate(given));
        given.put("liveWeightKg", 400);
        assertEquals(new BigDecimal("400"), pig.validate(given).get("liveWeightKg"));
        given.put("liveWeightKg", 1);
        assertEquals(new BigDecimal("1"), pig.validate(given).get("liveWeightKg"));
    }

    @Test
    void rangesDifferByCommodity() {
        Map<String, Object> yak = valid("yak");
        yak.put("liveWeightKg", 19);
        assertInvalid("attributes.liveWeightKg", "between 20 and 1200", () -> CommodityProfiles.require("yak").validate(yak));
        Map<String, Object> fruit = valid("fruit");
        fruit.put("sugarBrix", 40.5);
        assertInvalid("attributes.sugarBrix", "between 0 and 40", () -> CommodityProfiles.require("fruit").validate(fruit));
    }

    @Test
    void refusesNumberGivenAsString() {
        Map<String, Object> given = valid("fruit");
        given.put("sugarBrix", "14.5");
        assertInvalid("attributes.sugarBrix", "must be a number", () -> CommodityProfiles.require("fruit").validate(given));
    }

    @Test
    void numbersAreNormalisedToBigDecimal() {
        Map<String, Object> given = valid("fruit");
        given.put("sugarBrix", 14.5d);
        assertEquals(new BigDecimal("14.5"), CommodityProfiles.require("fruit").validate(given).get("sugarBrix"));
        given.put("sugarBrix", 15L);
        assertEquals(new BigDecimal("15"), CommodityProfiles.require("fruit").validate(given).get("sugarBrix"));
    }

    @Test
    void parsesDates() {
        Map<String, Object> given = valid("yak");
        given.put("birthDate", "2024-02-29");
        assertEquals("2024-02-29", CommodityProfiles.require("yak").validate(given).get("birthDate"));
    }

    @Test
    void refusesImpossibleOrForeignDates() {
        CommodityProfile yak = CommodityProfiles.require("yak");
        for (String bad : List.of("2023-02-29", "2025-13-01", "15/04/2022", "2022-4-15", "")) {
            Map<String, Object> given = valid("yak");
            given.put("birthDate", bad);
            assertInvalid("attributes.birthDate", "must be a date like 2026-05-02", () -> yak.validate(given));
        }
    }

    @Test
    void refusesBlankOrOverlongText() {
        CommodityProfile barley = CommodityProfiles.require("barley");
        Map<String, Object> blank = valid("barley");
        blank.put("plot", "   ");
        assertInvalid("attributes.plot", "1 to 200 characters", () -> barley.validate(blank));
        Map<String, Object> longText = valid("barley");
        longText.put("plot", "x".repeat(201));
        assertInvalid("attributes.plot", "1 to 200 characters", () -> barley.validate(longText));
    }

    @Test
    void textIsTrimmed() {
        Map<String, Object> given = valid("barley");
        given.put("plot", "  Q7  ");
        assertEquals("Q7", CommodityProfiles.require("barley").validate(given).get("plot"));
    }

    @Test
    void validAttributesComeBackNormalisedInProfileOrder() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("liveWeightKg", 85);
        given.put("quarantineCertificate", " 5400012345 ");
        given.put("birthDate", "2025-06-01");
        given.put("breed", "藏香猪");
        given.put("earTag", "540402-000123");
        Map<String, Object> normalised = CommodityProfiles.require("tibetan_pig").validate(given);
        assertEquals(List.of("earTag", "breed", "birthDate", "quarantineCertificate", "liveWeightKg"),
                List.copyOf(normalised.keySet()));
        assertEquals("5400012345", normalised.get("quarantineCertificate"));
        assertEquals(new BigDecimal("85"), normalised.get("liveWeightKg"));
    }

    @Test
    void fungiCultivatedNeedsSpawnSource() {
        Map<String, Object> given = valid("fungi");
        given.remove("spawnSource");
        assertInvalid("attributes.spawnSource", "is required for a fungi lot (菌种来源, spawn source)",
                () -> CommodityProfiles.require("fungi").validate(given));
    }

    @Test
    void fungiCultivatedDoesNotNeedPickingPermit() {
        Map<String, Object> given = valid("fungi");
        assertFalse(given.containsKey("pickingPermit"));
        assertFalse(CommodityProfiles.require("fungi").validate(given).containsKey("pickingPermit"));
    }

    @Test
    void fungiWildNeedsPickingPermitButNoSpawnSource() {
        Map<String, Object> given = new HashMap<>(Map.of("species", "matsutake", "cultivation", "wild"));
        assertInvalid("attributes.pickingPermit", "is required for a fungi lot",
                () -> CommodityProfiles.require("fungi").validate(given));
        given.put("pickingPermit", "林芝-采-2026-017");
        Map<String, Object> normalised = assertDoesNotThrow(() -> CommodityProfiles.require("fungi").validate(given));
        assertEquals("林芝-采-2026-017", normalised.get("pickingPermit"));
        assertFalse(normalised.containsKey("spawnSource"));
    }

    @Test
    void fungiWildMayStillNameASpawnSource() {
        Map<String, Object> given = new HashMap<>(Map.of("species", "morel", "cultivation", "wild",
                "pickingPermit", "P-1", "spawnSource", "none"));
        assertEquals("none", CommodityProfiles.require("fungi").validate(given).get("spawnSource"));
    }

    @Test
    void fungiWithBadCultivationIsRefusedOnCultivation() {
        Map<String, Object> given = new HashMap<>(Map.of("species", "morel", "cultivation", "farmed"));
        assertInvalid("attributes.cultivation", "must be one of cultivated, wild",
                () -> CommodityProfiles.require("fungi").validate(given));
    }

    @Test
    void herbWildNeedsPickingPermitNotPlot() {
        Map<String, Object> given = new HashMap<>(Map.of("species", "fritillaria", "cultivation", "wild"));
        assertInvalid("attributes.pickingPermit", "is required for a herb lot",
                () -> CommodityProfiles.require("herb").validate(given));
        given.put("pickingPermit", "P-9");
        assertDoesNotThrow(() -> CommodityProfiles.require("herb").validate(given));
    }

    @Test
    void teaIsNotCountedInHeads() {
        assertInvalid("quantity.unit", "a tea lot is counted in one of g, jin, kg, t",
                () -> CommodityProfiles.require("tea").requireUnit(Unit.HEAD));
    }

    @Test
    void teaIsCountedByWeight() {
        CommodityProfile tea = CommodityProfiles.require("tea");
        for (Unit unit : List.of(Unit.KG, Unit.G, Unit.T, Unit.JIN)) {
            assertDoesNotThrow(() -> tea.requireUnit(unit));
        }
    }

    @Test
    void livestockIsCountedInHeadsOrKilograms() {
        for (String commodity : List.of("tibetan_pig", "yak")) {
            CommodityProfile profile = CommodityProfiles.require(commodity);
            assertDoesNotThrow(() -> profile.requireUnit(Unit.HEAD));
            assertDoesNotThrow(() -> profile.requireUnit(Unit.KG));
            assertInvalid("quantity.unit", "a " + commodity + " lot is counted in one of head, kg",
                    () -> profile.requireUnit(Unit.PIECE));
        }
    }

    @Test
    void requireRefusesUnknownCommodity() {
        assertInvalid(null, "unknown commodity 'unknown'; one of tea, tibetan_pig, fungi",
                () -> CommodityProfiles.require("unknown"));
    }

    @Test
    void findAnswersEmptyForUnknownCommodity() {
        assertTrue(CommodityProfiles.find("unknown").isEmpty());
        assertTrue(CommodityProfiles.find("TEA").isEmpty());
        assertEquals("茶叶", CommodityProfiles.find("tea").orElseThrow().nameZh());
    }

    @Test
    void lotPrefixesAreDistinctCset82AndShort() {
        List<String> prefixes = CommodityProfiles.ALL.stream().map(CommodityProfile::lotPrefix).toList();
        assertEquals(prefixes.size(), Set.copyOf(prefixes).size());
        for (String prefix : prefixes) {
            assertTrue(prefix.matches("[A-Z]{1,8}"), prefix);
        }
    }
}
