package org.plateautrace.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrCodesTest {

    private static final String LINK = "https://trace.example.cn/01/02000001000038/10/TEA-260502-K7QM";
    private static final int WHITE = 0xFFFFFF;
    private static final int BLACK = 0x000000;

    @Test
    void pngDecodesBackToExactlyTheDigitalLink() throws Exception {
        BufferedImage image = read(QrCodes.png(LINK, 512, ErrorCorrection.M));

        assertEquals(512, image.getWidth());
        assertEquals(512, image.getHeight());
        assertEquals(LINK, decode(image).getText());
    }

    @ParameterizedTest
    @ValueSource(ints = {QrCodes.MIN_SIZE, 333, QrCodes.DEFAULT_SIZE, QrCodes.MAX_SIZE})
    void pngModulesAreWholePixelSquaresCentredInAQuietZoneOfAtLeastFourModules(int size) throws Exception {
        boolean[][] modules = QrCodes.modules(LINK, ErrorCorrection.M);
        int span = modules.length + 2 * QrCodes.QUIET_ZONE_MODULES;
        int scale = size / span;
        int margin = (size - span * scale) / 2;
        int origin = margin + QrCodes.QUIET_ZONE_MODULES * scale;
        int end = origin + modules.length * scale;

        BufferedImage image = read(QrCodes.png(LINK, size, ErrorCorrection.M));

        assertEquals(size, image.getWidth());
        assertTrue(scale >= 1 && origin >= 4 * scale, "quiet zone " + origin + " px for modules of " + scale + " px");
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean inSymbol = x >= origin && x < end && y >= origin && y < end;
                int expected = inSymbol && modules[(y - origin) / scale][(x - origin) / scale] ? BLACK : WHITE;
                int px = x;
                int py = y;
                assertEquals(expected, image.getRGB(x, y) & 0xFFFFFF,
                        () -> (inSymbol ? "module" : "quiet zone") + " pixel at " + px + "," + py);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorCorrection.class)
    void pngCarriesTheErrorCorrectionLevelAskedFor(ErrorCorrection level) throws Exception {
        Result result = decode(read(QrCodes.png(LINK, 512, level)));

        assertEquals(level.name(), result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
    }

    @Test
    void nonAsciiTextRoundTripsAsUtf8() throws Exception {
        String text = "林芝墨脱红茶 Medog black tea — 批次 TEA-260502";

        assertEquals(text, decode(read(QrCodes.png(text, 512, ErrorCorrection.Q))).getText());
    }

    @Test
    void sizesOutsideTheBoundsAreRefused() {
        for (int size : new int[] {QrCodes.MIN_SIZE - 1, QrCodes.MAX_SIZE + 1, 0, -512}) {
            assertThrows(IllegalArgumentException.class, () -> QrCodes.png(LINK, size, ErrorCorrection.M));
            assertThrows(IllegalArgumentException.class, () -> QrCodes.svg(LINK, size, ErrorCorrection.M));
        }
        assertDoesNotThrow(() -> QrCodes.png(LINK, QrCodes.MIN_SIZE, ErrorCorrection.M));
        assertDoesNotThrow(() -> QrCodes.svg(LINK, QrCodes.MAX_SIZE, ErrorCorrection.M));
    }

    @Test
    void textNeedingMoreModulesThanPixelsIsRefusedRatherThanBlurred() {
        String longText = LINK.repeat(10);

        assertThrows(IllegalArgumentException.class, () -> QrCodes.png(longText, QrCodes.MIN_SIZE, ErrorCorrection.H));
    }

    @Test
    void textTooLongForAnyQrCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QrCodes.modules("x".repeat(5000), ErrorCorrection.L));
    }

    @Test
    void svgIsWellFormedWithTheQuietZoneInItsViewBox() throws Exception {
        int span = QrCodes.modules(LINK, ErrorCorrection.M).length + 2 * QrCodes.QUIET_ZONE_MODULES;

        Element svg = parse(QrCodes.svg(LINK, 300, ErrorCorrection.M)).getDocumentElement();

        assertEquals("svg", svg.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
        assertEquals("0 0 " + span + " " + span, svg.getAttribute("viewBox"));
        assertEquals("300", svg.getAttribute("width"));
        assertEquals("300", svg.getAttribute("height"));
        assertEquals("crispEdges", svg.getAttribute("shape-rendering"));
        Element background = (Element) svg.getElementsByTagName("rect").item(0);
        assertEquals(String.valueOf(span), background.getAttribute("width"));
        assertEquals(String.valueOf(span), background.getAttribute("height"));
        assertEquals("#fff", background.getAttribute("fill"));
        assertEquals(1, svg.getElementsByTagName("path").getLength());
        assertEquals(LINK, svg.getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void svgPathPaintsExactlyTheDarkModules() throws Exception {
        boolean[][] modules = QrCodes.modules(LINK, ErrorCorrection.H);
        int quiet = QrCodes.QUIET_ZONE_MODULES;
        String d = ((Element) parse(QrCodes.svg(LINK, 512, ErrorCorrection.H))
                .getElementsByTagName("path").item(0)).getAttribute("d");

        boolean[][] painted = new boolean[modules.length][modules.length];
        int paintedCount = 0;
        Matcher segment = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(d);
        int consumed = 0;
        while (segment.find()) {
            assertEquals(consumed, segment.start(), "unexpected path data at " + consumed);
            consumed = segment.end();
            int x = Integer.parseInt(segment.group(1)) - quiet;
            int y = Integer.parseInt(segment.group(2)) - quiet;
            int length = Integer.parseInt(segment.group(3));
            assertEquals(length, Integer.parseInt(segment.group(4)));
            for (int i = 0; i < length; i++) {
                assertFalse(painted[y][x + i], "module painted twice");
                painted[y][x + i] = true;
                paintedCount++;
            }
        }
        assertEquals(d.length(), consumed, "path has data beyond the run segments");

        int darkCount = 0;
        for (boolean[] row : modules) {
            for (boolean dark : row) {
                darkCount += dark ? 1 : 0;
            }
        }
        assertEquals(darkCount, paintedCount);
        for (int row = 0; row < modules.length; row++) {
            assertArrayEquals(modules[row], painted[row], "row " + row);
        }
    }

    @Test
    void svgEscapesTheTextInItsTitle() throws Exception {
        String text = "<script>alert('x')</script> & \"q\"";

        String svg = QrCodes.svg(text, 256, ErrorCorrection.M);

        assertFalse(svg.contains("<script>"), svg);
        assertEquals(text, parse(svg).getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void modulesAreASquareMatrixWithFinderPatternsInTheCorners() {
        boolean[][] modules = QrCodes.modules(LINK, ErrorCorrection.M);
        int n = modules.length;

        assertEquals(0, (n - 21) % 4, "QR sizes are 21 + 4k modules");
        for (boolean[] row : modules) {
            assertEquals(n, row.length);
        }
        // The outer ring of each 7x7 finder pattern is dark, the ring inside it light.
        for (int[] corner : new int[][] {{0, 0}, {0, n - 7}, {n - 7, 0}}) {
            for (int i = 0; i < 7; i++) {
                assertTrue(modules[corner[0]][corner[1] + i]);
                assertTrue(modules[corner[0] + 6][corner[1] + i]);
                assertTrue(modules[corner[0] + i][corner[1]]);
            }
            assertFalse(modules[corner[0] + 1][corner[1] + 1]);
        }
    }

    private static BufferedImage read(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static Result decode(BufferedImage image) throws Exception {
        return new QRCodeReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
