package org.plateautrace.model.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.plateautrace.model.lots.LotCode;

class DigitalLinkTest {
    private static final Gtin GTIN = Gtin.parse("2000000000008");
    /** The GTIN of GS1's own Digital Link examples. */
    private static final Gtin GS1_GTIN = Gtin.parse("09520123456788");

    // ---- forLot (existing callers) ----

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
    void forLotGivesTheSameUriAsTheRecordWithoutSerial() {
        LotCode lot = new LotCode("TEA-260502-K7QM");
        assertEquals(DigitalLink.of(GTIN, lot, null).uri("https://example.com/"),
                DigitalLink.forLot("https://example.com/", GTIN, lot));
    }

    // ---- encode ----

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

    // ---- building ----

    @Test
    void pathOfGtinOnlyIsSlash01AndGtin14() {
        assertEquals("/01/09520123456788", DigitalLink.of(GS1_GTIN, null, null).path());
    }

    @Test
    void pathPutsLotBeforeSerial() {
        assertEquals("/01/09520123456788/10/ABC123/21/12345",
                DigitalLink.of(GS1_GTIN, new LotCode("ABC123"), new Serial("12345")).path());
    }

    @Test
    void pathOfSerialWithoutLot() {
        assertEquals("/01/09520123456788/21/12345", DigitalLink.of(GS1_GTIN, null, new Serial("12345")).path());
    }

    @Test
    void pathPercentEncodesSerial() {
        assertEquals("/01/09520123456788/21/S%2F1%3F", DigitalLink.of(GS1_GTIN, null, new Serial("S/1?")).path());
    }

    @Test
    void uriIsBaseWithoutTrailingSlashPlusPath() {
        DigitalLink link = DigitalLink.of(GS1_GTIN, new LotCode("L1"), new Serial("S1"));
        assertEquals("https://id.gs1.org/01/09520123456788/10/L1/21/S1", link.uri("https://id.gs1.org/"));
        assertEquals("https://id.gs1.org/01/09520123456788/10/L1/21/S1", link.uri(DigitalLink.CANONICAL_BASE));
    }

    @Test
    void ofIsTheConstructor() {
        assertEquals(new DigitalLink(GS1_GTIN, new LotCode("L1"), new Serial("S1")),
                DigitalLink.of(GS1_GTIN, new LotCode("L1"), new Serial("S1")));
    }

    @Test
    void aLinkNeedsAGtin() {
        assertInvalid(null, "needs a GTIN", () -> DigitalLink.of(null, new LotCode("L1"), null));
    }

    // ---- parsing GS1's own examples ----

    @Test
    void parsesGs1ExampleWithGtinOnly() {
        DigitalLink.Parsed parsed = DigitalLink.parse("https://id.gs1.org/01/09520123456788");
        assertEquals(new DigitalLink.Parsed(DigitalLink.of(GS1_GTIN, null, null), true), parsed);
    }

    @Test
    void parsesGs1ExampleWithLotAndSerial() {
        DigitalLink.Parsed parsed = DigitalLink.parse("https://example.com/01/09520123456788/10/ABC123/21/12345");
        assertEquals(GS1_GTIN, parsed.link().gtin());
        assertEquals(new LotCode("ABC123"), parsed.link().lot());
        assertEquals(new Serial("12345"), parsed.link().serial());
        assertTrue(parsed.canonical());
    }

    @Test
    void parsesBarePathWithSerialOnly() {
        DigitalLink.Parsed parsed = DigitalLink.parse("/01/09520123456788/21/12345");
        assertEquals(DigitalLink.of(GS1_GTIN, null, new Serial("12345")), parsed.link());
        assertNull(parsed.link().lot());
        assertTrue(parsed.canonical());
    }

    @Test
    void acceptsPlainHttp() {
        assertEquals(DigitalLink.of(GS1_GTIN, new LotCode("L1"), null),
                DigitalLink.parse("http://example.com/01/09520123456788/10/L1").link());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/01/09520123456788", "/01/09520123456788/10/ABC123/21/12345",
            "/01/09520123456788/21/12345", "/01/02000000000008/10/AB%2F12/21/50%25%3F", "/01/00000096385074/10/a-b_c.d"})
    void roundTripsParseOfUri(String path) {
        DigitalLink link = DigitalLink.parse(path).link();
        assertEquals(path, link.path());
        assertEquals(new DigitalLink.Parsed(link, true), DigitalLink.parse(link.uri("https://example.com/trace/")));
        assertEquals(new DigitalLink.Parsed(link, true), DigitalLink.parse(link.uri(DigitalLink.CANONICAL_BASE)));
    }

    @Test
    void roundTripsEveryCset82CharacterInLotAndSerial() {
        DigitalLink link = DigitalLink.of(GTIN, new LotCode("!\"%&'()*+,-./:;<=>?_"), new Serial("aZ9!\"%&'()*+,-./:;<="));
        assertEquals(new DigitalLink.Parsed(link, true), DigitalLink.parse(link.uri("https://example.com")));
    }

    // ---- canonical form ----

    @Test
    void padsGtin13AndCallsItNotCanonical() {
        DigitalLink.Parsed parsed = DigitalLink.parse("/01/9520123456788/10/A1");
        assertEquals("09520123456788", parsed.link().gtin().value());
        assertEquals(new LotCode("A1"), parsed.link().lot());
        assertFalse(parsed.canonical());
        assertEquals("/01/09520123456788/10/A1", parsed.link().path());
    }

    @ParameterizedTest
    @CsvSource({"96385074, 00000096385074", "036000291452, 00036000291452"})
    void padsGtin8And12AndCallsThemNotCanonical(String shortGtin, String gtin14) {
        DigitalLink.Parsed parsed = DigitalLink.parse("https://example.com/01/" + shortGtin + "/10/L1");
        assertEquals(gtin14, parsed.link().gtin().value());
        assertFalse(parsed.canonical());
    }

    @Test
    void serialBeforeLotIsValidButNotCanonical() {
        DigitalLink.Parsed parsed = DigitalLink.parse("/01/09520123456788/21/S1/10/L1");
        assertEquals(DigitalLink.of(GS1_GTIN, new LotCode("L1"), new Serial("S1")), parsed.link());
        assertFalse(parsed.canonical());
        assertEquals("/01/09520123456788/10/L1/21/S1", parsed.link().path());
    }

    @Test
    void hostPrefixQueryAndFragmentDoNotMakeALinkNonCanonical() {
        assertTrue(DigitalLink.parse("https://brand.example.cn/products/01/09520123456788/10/L1?linkType=all#x").canonical());
    }

    // ---- reserved characters and percent-encoding ----

    @Test
    void lotWithSlashBuildsEncodedAndParsesBack() {
        DigitalLink link = DigitalLink.of(GS1_GTIN, new LotCode("AB/12"), null);
        assertEquals("/01/09520123456788/10/AB%2F12", link.path());
        DigitalLink.Parsed parsed = DigitalLink.parse("/01/09520123456788/10/AB%2F12");
        assertEquals("AB/12", parsed.link().lot().value());
        assertTrue(parsed.canonical());
    }

    @Test
    void percentEncodedAmpersandParsesToAmpersand() {
        DigitalLink.Parsed parsed = DigitalLink.parse("/01/09520123456788/10/A%26B");
        assertEquals("A&B", parsed.link().lot().value());
        assertTrue(parsed.canonical());
    }

    @Test
    void lowerCaseEscapeParsesButIsNotCanonical() {
        DigitalLink.Parsed parsed = DigitalLink.parse("/01/09520123456788/10/A%2fB");
        assertEquals("A/B", parsed.link().lot().value());
        assertFalse(parsed.canonical());
        assertEquals("/01/09520123456788/10/A%2FB", parsed.link().path());
    }

    @Test
    void unencodedReservedCharacterParsesButIsNotCanonical() {
        DigitalLink.Parsed parsed = DigitalLink.parse("/01/09520123456788/21/A&B");
        assertEquals("A&B", parsed.link().serial().value());
        assertFalse(parsed.canonical());
    }

    @Test
    void needlesslyEncodedUnreservedCharacterIsNotCanonical() {
        DigitalLink.Parsed parsed = DigitalLink.parse("/01/09520123456788/10/%41B");
        assertEquals("AB", parsed.link().lot().value());
        assertFalse(parsed.canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%zz", "A%2", "A%", "%G1"})
    void refusesBadPercentEscape(String lot) {
        assertInvalid(null, "bad percent escape", () -> DigitalLink.parse("/01/09520123456788/10/" + lot));
    }

    @Test
    void badEscapeIsQuotedInTheReason() {
        assertInvalid(null, "'%zz' in the value of AI (10)", () -> DigitalLink.parse("/01/09520123456788/10/A%zzB"));
    }

    @Test
    void refusesEscapeThatIsNotUtf8() {
        assertInvalid(null, "not valid UTF-8", () -> DigitalLink.parse("/01/09520123456788/10/A%C3"));
    }

    // ---- URI shapes ----

    @Test
    void acceptsPathPrefixBeforeThe01() {
        DigitalLink.Parsed parsed = DigitalLink.parse("https://brand.example.cn/products/01/09520123456788/10/L1");
        assertEquals(DigitalLink.of(GS1_GTIN, new LotCode("L1"), null), parsed.link());
    }

    @Test
    void prefixMayItselfContainA01Segment() {
        assertEquals(DigitalLink.of(GS1_GTIN, new LotCode("L1"), null),
                DigitalLink.parse("https://example.com/2026/01/01/09520123456788/10/L1").link());
    }

    @Test
    void ignoresQueryString() {
        DigitalLink.Parsed parsed = DigitalLink.parse("https://id.gs1.org/01/09520123456788/10/L1?linkType=all");
        assertEquals(DigitalLink.of(GS1_GTIN, new LotCode("L1"), null), parsed.link());
        assertTrue(parsed.canonical());
    }

    @Test
    void ignoresDataAttributesInQueryStringAndFragment() {
        assertEquals(DigitalLink.of(GS1_GTIN, null, new Serial("S1")),
                DigitalLink.parse("/01/09520123456788/21/S1?17=261231&linkType=gs1:pip#top").link());
        assertEquals(DigitalLink.of(GS1_GTIN, null, new Serial("S1")),
                DigitalLink.parse("/01/09520123456788/21/S1#/10/L9").link());
    }

    @Test
    void toleratesSurroundingWhitespaceFromAScanner() {
        assertEquals(DigitalLink.of(GS1_GTIN, null, null), DigitalLink.parse(" https://id.gs1.org/01/09520123456788\n").link());
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertEquals(DigitalLink.of(GS1_GTIN, null, null), DigitalLink.parse("HTTPS://ID.GS1.ORG/01/09520123456788").link());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesEmptyInput(String input) {
        assertInvalid(null, "empty", () -> DigitalLink.parse(input));
    }

    @Test
    void refusesOtherSchemes() {
        assertInvalid(null, "'ftp:' is not supported", () -> DigitalLink.parse("ftp://example.com/01/09520123456788"));
    }

    @Test
    void refusesRelativeTextThatIsNeitherUriNorPath() {
        assertInvalid(null, "path starting with /01/", () -> DigitalLink.parse("01/09520123456788"));
    }

    @Test
    void refusesUriWithoutHost() {
        assertInvalid(null, "no host", () -> DigitalLink.parse("https:///01/09520123456788"));
    }

    @Test
    void refusesUriWithoutGtin() {
        assertInvalid(null, "needs /01/{gtin}", () -> DigitalLink.parse("https://example.com/products/tea"));
        assertInvalid(null, "needs /01/{gtin}", () -> DigitalLink.parse("https://example.com"));
    }

    @Test
    void refusesOverlongInput() {
        assertInvalid(null, "longer than", () -> DigitalLink.parse("/01/09520123456788?" + "x".repeat(3000)));
    }

    // ---- refused content ----

    @Test
    void refusesBadGtinCheckDigit() {
        assertInvalid(null, "AI (01): check digit of GTIN 09520123456789 is wrong; expected 8",
                () -> DigitalLink.parse("https://id.gs1.org/01/09520123456789/10/L1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/01/1234567", "/01/095201234567880", "/01/0952012345678A"})
    void refusesGtinOfWrongShape(String path) {
        assertInvalid(null, "AI (01): a GTIN has 8, 12, 13 or 14 digits", () -> DigitalLink.parse(path));
    }

    @Test
    void refusesUnknownAiAndPointsToTheQueryString() {
        assertInvalid(null, "AI (17) is not a key qualifier of a GTIN; use a query parameter",
                () -> DigitalLink.parse("/01/09520123456788/17/261231"));
    }

    @Test
    void refusesConsumerProductVariant22() {
        assertInvalid(null, "AI (22) (consumer product variant) is not supported",
                () -> DigitalLink.parse("/01/09520123456788/22/2A/10/L1"));
    }

    @Test
    void refusesConvenienceAlphas() {
        assertInvalid(null, "convenience alpha 'lot' is not supported; write the numeric AI /10/",
                () -> DigitalLink.parse("/01/09520123456788/lot/L1"));
        assertInvalid(null, "convenience alpha 'gtin' is not supported; write the numeric AI /01/",
                () -> DigitalLink.parse("https://example.com/gtin/09520123456788"));
    }

    @Test
    void refusesSegmentThatIsNoAi() {
        assertInvalid(null, "'batch' is not a GS1 Application Identifier",
                () -> DigitalLink.parse("/01/09520123456788/batch/L1"));
    }

    @Test
    void refusesRepeatedLot() {
        assertInvalid(null, "AI (10) appears twice", () -> DigitalLink.parse("/01/09520123456788/10/L1/10/L2"));
    }

    @Test
    void refusesRepeatedSerial() {
        assertInvalid(null, "AI (21) appears twice", () -> DigitalLink.parse("/01/09520123456788/21/S1/10/L1/21/S1"));
    }

    @Test
    void refusesRepeatedGtin() {
        assertInvalid(null, "AI (01) appears twice", () -> DigitalLink.parse("/01/09520123456788/01/09520123456788"));
    }

    @Test
    void refusesLotOf21Characters() {
        assertInvalid(null, "AI (10) lot: a lot code has 1 to 20 characters",
                () -> DigitalLink.parse("/01/09520123456788/10/" + "L".repeat(21)));
    }

    @Test
    void acceptsLotOf20Characters() {
        assertEquals("L".repeat(20), DigitalLink.parse("/01/09520123456788/10/" + "L".repeat(20)).link().lot().value());
    }

    @Test
    void lotLengthCountsDecodedCharacters() {
        // 20 characters once decoded, 58 as written
        String lot = "%2F".repeat(19) + "A";
        assertEquals("/".repeat(19) + "A", DigitalLink.parse("/01/09520123456788/10/" + lot).link().lot().value());
    }

    @Test
    void refusesSerialOf21Characters() {
        assertInvalid(null, "AI (21) serial: a serial number has 1 to 20 characters",
                () -> DigitalLink.parse("/01/09520123456788/21/" + "S".repeat(21)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/01/09520123456788/10", "/01/09520123456788/10/L1/21", "https://example.com/products/01/09520123456788/21"})
    void refusesMissingValueAfterAi(String path) {
        assertInvalid(null, "has no value after it", () -> DigitalLink.parse(path));
    }

    @Test
    void refusesMissingGtinValue() {
        assertInvalid(null, "AI (01) has no value after it", () -> DigitalLink.parse("https://id.gs1.org/01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/01/09520123456788/10//21/S1", "/01/09520123456788/10/", "/01/"})
    void refusesEmptyValue(String path) {
        assertInvalid(null, "has an empty value", () -> DigitalLink.parse(path));
    }

    @Test
    void refusesTrailingSlash() {
        assertInvalid(null, "empty path segment", () -> DigitalLink.parse("/01/09520123456788/10/L1/"));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {"A%20B, ' ' at position 2", "A B, ' ' at position 2",
            "茶A, '茶' at position 1", "%E8%8C%B6, '茶' at position 1", "A~B, '~' at position 2"})
    void refusesLotOutsideCset82(String lot, String reason) {
        assertInvalid(null, "AI (10) lot: character " + reason, () -> DigitalLink.parse("/01/09520123456788/10/" + lot));
    }

    @Test
    void refusesSerialOutsideCset82() {
        assertInvalid(null, "AI (21) serial: character '#'", () -> DigitalLink.parse("/01/09520123456788/21/A%23"));
    }

    @ParameterizedTest
    @CsvSource({"/414/9520123456788, 414", "https://example.com/00/095201234567890123, 00",
            "https://example.com/x/8004/0952012345ABC, 8004"})
    void refusesOtherPrimaryKeys(String path, String ai) {
        assertInvalid(null, "AI (" + ai + ") is not supported as a primary key; only a GTIN, AI (01), is",
                () -> DigitalLink.parse(path));
    }
}
