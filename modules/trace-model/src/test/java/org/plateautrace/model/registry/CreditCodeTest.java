package org.plateautrace.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {
    private static final String VALID = "91350100M000100Y43";

    @Test
    void acceptsKnownValidExample() {
        assertEquals(VALID, new CreditCode(VALID).value());
        assertEquals(VALID, CreditCode.parse(VALID).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110000600037341L", "91440300708461136T", "91330000MA27XL4B58"})
    void acceptsOtherWellFormedCodes(String code) {
        assertEquals(code, new CreditCode(code).value());
    }

    @Test
    void computesCheckCharacter() {
        assertEquals('3', CreditCode.checkCharacter("91350100M000100Y4"));
        assertEquals('L', CreditCode.checkCharacter("91110000600037341"));
    }

    @Test
    void refusesChangedCheckCharacterNamingTheExpectedOne() {
        assertInvalid(null, "expected 3", () -> new CreditCode("91350100M000100Y44"));
        assertInvalid(null, "check character", () -> new CreditCode("91350100M000100Y4A"));
    }

    @Test
    void refusesChangedBodyCharacter() {
        // one body character changed, old check character kept: the check must catch it
        assertInvalid(null, "check character", () -> new CreditCode("91350100M000200Y43"));
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
    void refusesForbiddenLetters(char letter) {
        String code = "91350100" + letter + "000100Y43";
        assertInvalid(null, "character '" + letter + "' at position 9 is not allowed", () -> new CreditCode(code));
    }

    @Test
    void refusesLowerCaseInConstructor() {
        assertInvalid(null, "character 'm' at position 9", () -> new CreditCode("91350100m000100y43"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "913501"})
    void refusesWrongLength(String code) {
        assertInvalid(null, "18 characters", () -> new CreditCode(code));
    }

    @Test
    void refusesNull() {
        assertInvalid(null, "18 characters", () -> new CreditCode(null));
        assertInvalid(null, "18 characters", () -> CreditCode.parse(null));
    }

    @Test
    void parseUpperCasesAndTrims() {
        assertEquals(VALID, CreditCode.parse("  91350100m000100y43 ").value());
    }
}
