package org.plateautrace.model.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTest {

    @Test
    void padsGtin8ToFourteenDigits() {
        assertEquals("00000096385074", Gtin.parse("96385074").value());
    }

    @Test
    void padsGtin12ToFourteenDigits() {
        assertEquals("00036000291452", Gtin.parse("036000291452").value());
    }

    @Test
    void padsGtin13ToFourteenDigits() {
        assertEquals("04006381333931", Gtin.parse("4006381333931").value());
    }

    @Test
    void keepsGtin14AsItIs() {
        assertEquals("10614141000019", Gtin.parse("10614141000019").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "96385074", "036000291452", "10614141000019", "2000000000008", "2912345678906"})
    void acceptsRealCheckDigits(String text) {
        assertTrue(Gtin.parse(text).value().endsWith(text));
    }

    @ParameterizedTest
    @CsvSource({"4006381333932, 1", "96385075, 4", "036000291453, 2", "10614141000018, 9"})
    void refusesGtinWithWrongCheckDigit(String text, String expected) {
        assertInvalid(null, "check digit of GTIN", () -> Gtin.parse(text));
        assertInvalid(null, "expected " + expected, () -> Gtin.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"400638133393A", "4006381333 31", "40063813339-1", "GTIN96385074", "４００６３８１３３３９３１"})
    void refusesGtinWithLetters(String text) {
        assertInvalid(null, "8, 12, 13 or 14 digits", () -> Gtin.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "963850740", "0360002914", "03600029145", "040063813339310"})
    void refusesGtinWithWrongLength(String text) {
        assertInvalid(null, "8, 12, 13 or 14 digits", () -> Gtin.parse(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesMissingGtin(String text) {
        assertInvalid(null, "8, 12, 13 or 14 digits", () -> Gtin.parse(text));
    }

    @Test
    void constructorWantsExactlyFourteenDigits() {
        assertInvalid(null, "exactly 14 digits", () -> new Gtin("4006381333931"));
    }

    @Test
    void constructorChecksCheckDigit() {
        assertInvalid(null, "expected 1", () -> new Gtin("04006381333932"));
    }

    @Test
    void detectsRestrictedCirculationGtin13StartingWith2() {
        assertTrue(Gtin.parse("2000000000008").isRestrictedCirculation());
        assertTrue(Gtin.parse("2912345678906").isRestrictedCirculation());
    }

    @Test
    void regularGtinsAreNotRestrictedCirculation() {
        assertFalse(Gtin.parse("4006381333931").isRestrictedCirculation());
        assertFalse(Gtin.parse("96385074").isRestrictedCirculation());
        assertFalse(Gtin.parse("036000291452").isRestrictedCirculation());
        assertFalse(Gtin.parse("10614141000019").isRestrictedCirculation());
    }

    @Test
    void toStringIsTheFourteenDigits() {
        assertEquals("04006381333931", Gtin.parse("4006381333931").toString());
    }

    @Test
    void equalWhenSameNumberWrittenInDifferentLengths() {
        assertEquals(Gtin.parse("4006381333931"), Gtin.parse("04006381333931"));
    }
}
