package org.plateautrace.model.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plateautrace.model.codes.Gs1Chars;

class LotCodeTest {
    private static final LocalDate HARVEST = LocalDate.of(2026, 5, 2);

    @Test
    void generatedCodeHasPrefixDateAndFourReadableCharacters() {
        for (int i = 0; i < 200; i++) {
            String code = LotCode.generate("TEA", HARVEST).value();
            assertTrue(code.startsWith("TEA-260502-"), code);
            assertEquals(15, code.length(), code);
            String random = code.substring("TEA-260502-".length());
            assertEquals(4, random.length(), code);
            for (char c : random.toCharArray()) {
                assertTrue(LotCode.READABLE.indexOf(c) >= 0, "'" + c + "' in " + code + " is not readable");
            }
        }
    }

    @Test
    void generatedCodesForEveryProfileFitAi10() {
        for (CommodityProfile profile : CommodityProfiles.ALL) {
            String code = LotCode.generate(profile.lotPrefix(), LocalDate.of(2099, 12, 31)).value();
            assertTrue(code.length() <= 20, code);
            assertTrue(code.startsWith(profile.lotPrefix() + "-991231-"), code);
            for (char c : code.toCharArray()) {
                assertTrue(Gs1Chars.isCset82(c), "'" + c + "' in " + code + " is not CSET 82");
            }
        }
    }

    @Test
    void dateIsYearMonthDayWithTwoDigitYear() {
        assertTrue(LotCode.generate("FUN", LocalDate.of(2027, 1, 9)).value().startsWith("FUN-270109-"));
    }

    @Test
    void readableAlphabetAvoidsLookAlikes() {
        for (char c : "01OI".toCharArray()) {
            assertFalse(LotCode.READABLE.indexOf(c) >= 0, "READABLE contains " + c);
        }
        assertEquals(32, LotCode.READABLE.length());
        assertEquals(32, LotCode.READABLE.chars().distinct().count());
    }

    @Test
    void thousandCodesOnTheSameDayAreMostlyDistinct() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(LotCode.generate("TEA", HARVEST).value());
        }
        assertTrue(codes.size() >= 950, "only " + codes.size() + " distinct codes");
    }

    @Test
    void acceptsTwentyCharacters() {
        assertEquals("A".repeat(20), new LotCode("A".repeat(20)).value());
    }

    @Test
    void refusesTwentyOneCharacters() {
        assertInvalid(null, "1 to 20 characters", () -> new LotCode("A".repeat(21)));
    }

    @Test
    void refusesEmptyOrMissing() {
        assertInvalid(null, "1 to 20 characters", () -> new LotCode(""));
        assertInvalid(null, "1 to 20 characters", () -> new LotCode(null));
    }

    @Test
    void refusesSpace() {
        assertInvalid(null, "character ' ' at position 4", () -> new LotCode("TEA 01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"茶叶01", "TEA-茶", "批次"})
    void refusesChineseCharacters(String text) {
        assertInvalid(null, "GS1 character set 82", () -> new LotCode(text));
    }

    @Test
    void acceptsCset82Symbols() {
        assertEquals("A/B&C_1.2", new LotCode("A/B&C_1.2").value());
    }

    @Test
    void toStringIsTheValue() {
        assertEquals("TEA-260502-K7QM", new LotCode("TEA-260502-K7QM").toString());
    }
}
