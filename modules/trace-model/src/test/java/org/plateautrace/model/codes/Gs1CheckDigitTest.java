package org.plateautrace.model.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gs1CheckDigitTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400638133393, 1",       // GTIN-13 4006381333931
            "9638507, 4",            // GTIN-8 96385074
            "03600029145, 2",        // GTIN-12 036000291452
            "1061414100001, 9",      // GTIN-14 10614141000019
            "10614141234567890, 8",  // SSCC 106141412345678908
            "200000000000, 8",       // restricted circulation 2000000000008
            "000000000000, 0"        // sum 0 gives check digit 0, not 10
    })
    void computesKnownGs1CheckDigits(String digits, int expected) {
        assertEquals(expected, Gs1CheckDigit.compute(digits));
    }
}
