package org.plateautrace.model.codes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1CharsTest {

    @Test
    void acceptsLettersAndDigits() {
        for (char c = '0'; c <= '9'; c++) {
            assertTrue(Gs1Chars.isCset82(c), "digit " + c);
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            assertTrue(Gs1Chars.isCset82(c), "capital " + c);
            assertTrue(Gs1Chars.isCset82(Character.toLowerCase(c)), "small " + c);
        }
    }

    @Test
    void acceptsTheTwentySymbolsOfCset82() {
        for (char c : "!\"%&'()*+,-./:;<=>?_".toCharArray()) {
            assertTrue(Gs1Chars.isCset82(c), "symbol " + c);
        }
    }

    @Test
    void cset82HasExactly82AsciiCharacters() {
        int count = 0;
        for (char c = 0; c < 128; c++) {
            if (Gs1Chars.isCset82(c)) {
                count++;
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(82, count);
    }

    @ParameterizedTest
    @ValueSource(chars = {' ', '#', '$', '@', '[', ']', '\\', '^', '`', '{', '|', '}', '~', '\t', '茶', 'é'})
    void refusesCharactersOutsideCset82(char c) {
        assertFalse(Gs1Chars.isCset82(c));
    }

    @Test
    void requireCset82AcceptsAValidLot() {
        assertDoesNotThrow(() -> Gs1Chars.requireCset82("TEA-260502/a_1"));
    }

    @Test
    void requireCset82NamesTheBadCharacterAndPosition() {
        assertInvalid(null, "character '#' at position 3", () -> Gs1Chars.requireCset82("AB#1"));
    }
}
