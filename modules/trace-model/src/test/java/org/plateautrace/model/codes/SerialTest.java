package org.plateautrace.model.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SerialTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void alphabetHas32DistinctReadableSymbolsWithout0O1I() {
        assertEquals(32, Serial.ALPHABET.length());
        assertEquals(32, Serial.ALPHABET.chars().distinct().count());
        for (char confusable : "0O1I".toCharArray()) {
            assertTrue(Serial.ALPHABET.indexOf(confusable) < 0, "alphabet holds " + confusable);
        }
        for (char c : Serial.ALPHABET.toCharArray()) {
            assertTrue(Gs1Chars.isCset82(c), c + " is not CSET 82");
        }
    }

    @Test
    void generatedSerialHas13Symbols() {
        assertEquals(13, Serial.GENERATED_LENGTH);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(13, Serial.generate(RANDOM).value().length());
        }
    }

    @Test
    void generatedSerialUsesOnlyAlphabetSymbols() {
        for (int i = 0; i < 1_000; i++) {
            String serial = Serial.generate(RANDOM).value();
            for (char c : serial.toCharArray()) {
                assertTrue(Serial.ALPHABET.indexOf(c) >= 0, "'" + c + "' in " + serial + " is not in the alphabet");
            }
        }
    }

    @Test
    void tenThousandGeneratedSerialsAreAllDistinct() {
        Set<Serial> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            Serial serial = Serial.generate(RANDOM);
            assertTrue(seen.add(serial), "duplicate " + serial + " after " + i);
        }
    }

    @Test
    void everySymbolAppearsWithinFortyPercentOfTheMeanOver100000Symbols() {
        int[] counts = new int[Serial.ALPHABET.length()];
        int total = 0;
        while (total < 100_000) {
            for (char c : Serial.generate(RANDOM).value().toCharArray()) {
                counts[Serial.ALPHABET.indexOf(c)]++;
                total++;
            }
        }
        double mean = (double) total / counts.length;
        for (int i = 0; i < counts.length; i++) {
            char symbol = Serial.ALPHABET.charAt(i);
            assertTrue(counts[i] > 0, symbol + " never appears");
            assertTrue(Math.abs(counts[i] - mean) <= 0.4 * mean,
                    symbol + " appears " + counts[i] + " times; mean is " + mean);
        }
    }

    @Test
    void drawsFromTheGivenRandom() throws NoSuchAlgorithmException {
        assertEquals(Serial.generate(seeded()), Serial.generate(seeded()));
    }

    private static SecureRandom seeded() throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42L); // seeding before first use makes SHA1PRNG deterministic
        return random;
    }

    @Test
    void generatedSerialFitsADigitalLinkWithoutEncoding() {
        Serial serial = Serial.generate(RANDOM);
        assertEquals("/01/02000000000008/21/" + serial.value(),
                DigitalLink.of(Gtin.parse("2000000000008"), null, serial).path());
    }

    @Test
    void acceptsTwentyCset82Characters() {
        assertEquals("aZ9-./_!%&()*+,:;<=?", new Serial("aZ9-./_!%&()*+,:;<=?").value());
    }

    @Test
    void toStringIsTheValue() {
        assertEquals("K7QM", new Serial("K7QM").toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesMissingSerial(String value) {
        assertInvalid(null, "1 to 20 characters", () -> new Serial(value));
    }

    @Test
    void refuses21Characters() {
        assertInvalid(null, "a serial number has 1 to 20 characters", () -> new Serial("S".repeat(21)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A B", "A#B", "A茶B"})
    void refusesCharactersOutsideCset82AtTheirPosition(String value) {
        assertInvalid(null, "at position 2 is not in the GS1 character set 82", () -> new Serial(value));
    }

    @Test
    void refusesSpace() {
        assertInvalid(null, "character ' ' at position 3", () -> new Serial("AB CD"));
    }
}
