package org.plateautrace.model.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;
import org.plateautrace.model.lots.LotCode;

class DigitalLinkTest {
    private static final Gtin GTIN = Gtin.parse("2000000000008");

    @Test
    void buildsLotLinkWithGtin14() {
        assertEquals("https://example.com/01/02000000000008/10/TEA-260502-K7QM",
                DigitalLink.forLot("https://example.com", GTIN, new LotCode("TEA-260502-K7QM")));
    }

    @Test
    void padsShortGtinInTheLink() {
        assertEquals("https://example.com/01/00000096385074/10/L1",
                DigitalLink.forLot("https://example.com", Gtin.parse("96385074"), new LotCode("L1")));
    }

    @Test
    void stripsTrailingSlashOfBase() {
        assertEquals("https://example.com/01/02000000000008/10/L1",
                DigitalLink.forLot("https://example.com/", GTIN, new LotCode("L1")));
    }

    @Test
    void keepsPathOfBase() {
        assertEquals("https://example.com/trace/01/02000000000008/10/L1",
                DigitalLink.forLot("https://example.com/trace/", GTIN, new LotCode("L1")));
    }

    @Test
    void percentEncodesSlashInLot() {
        assertEquals("https://example.com/01/02000000000008/10/AB%2F12",
                DigitalLink.forLot("https://example.com", GTIN, new LotCode("AB/12")));
    }

    @Test
    void percentEncodesAmpersandInLot() {
        assertEquals("https://example.com/01/02000000000008/10/A%26B",
                DigitalLink.forLot("https://example.com", GTIN, new LotCode("A&B")));
    }

    @Test
    void lotWithSpaceCannotReachALink() {
        assertInvalid(null, "' ' at position 2", () -> new LotCode("A B"));
    }

    @Test
    void canonicalBaseIsIdGs1Org() {
        assertEquals("https://id.gs1.org/01/02000000000008/10/L1",
                DigitalLink.forLot(DigitalLink.CANONICAL_BASE, GTIN, new LotCode("L1")));
    }

    @Test
    void encodeKeepsUnreservedCharacters() {
        assertEquals("Az09-._~", DigitalLink.encode("Az09-._~"));
    }

    @Test
    void encodeEscapesEveryReservedCset82Symbol() {
        assertEquals("%21%22%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F",
                DigitalLink.encode("!\"%&'()*+,/:;<=>?"));
    }

    @Test
    void encodeWritesUtf8BytesInUpperCaseHex() {
        assertEquals("%C3%A9%E8%8C%B6", DigitalLink.encode("é茶"));
    }
}
