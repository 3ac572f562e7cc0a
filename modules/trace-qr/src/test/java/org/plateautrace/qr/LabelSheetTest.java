package org.plateautrace.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class LabelSheetTest {

    private static final float MM = 72f / 25.4f;
    private static final float LABEL_WIDTH = 70 * MM;
    private static final float LABEL_HEIGHT = 37.125f * MM;
    private static final String LOT_LINK = "https://trace.example.cn/01/02000001000038/10/TEA-260502-K7QM";

    @TempDir
    Path dir;

    @Test
    void thirtyLabelsMakeTwoA4PagesWithSearchableChineseText() throws Exception {
        List<Label> labels = teaLabels(30);

        try (PDDocument pdf = Loader.loadPDF(write(labels))) {
            assertEquals(2, pdf.getNumberOfPages());
            for (PDPage page : pdf.getPages()) {
                assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.01);
                assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.01);
            }
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("林芝墨脱红茶"), text);
            assertTrue(text.contains("Nyingchi Medog Black Tea"), text);
            assertTrue(text.contains("林芝茶叶"), text);
            assertTrue(text.contains("批次/Lot: TEA-260502-K7QM"), text);
            for (Label label : labels) {
                assertTrue(text.contains("序列号/Serial: " + label.serial()), label.serial());
            }
        }
    }

    @Test
    void theFontIsEmbeddedAsASubset() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(write(teaLabels(3)))) {
            PDPage page = pdf.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }

            assertEquals(1, fonts.size());
            PDFont font = fonts.get(0);
            assertTrue(font instanceof PDType0Font, font.getClass().getName());
            assertTrue(font.isEmbedded());
            assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), "subset tag missing: " + font.getName());
        }
    }

    @Test
    void everyQrCodeOnPageOneDecodesToItsOwnLabelsDigitalLink() throws Exception {
        List<Label> labels = teaLabels(30);
        int dpi = 300;

        BufferedImage page;
        try (PDDocument pdf = Loader.loadPDF(write(labels))) {
            page = new PDFRenderer(pdf).renderImageWithDPI(0, dpi, ImageType.GRAY);
        }

        float pixelsPerPoint = dpi / 72f;
        int cellWidth = Math.round(LABEL_WIDTH * pixelsPerPoint);
        int cellHeight = Math.round(LABEL_HEIGHT * pixelsPerPoint);
        for (int i = 0; i < 24; i++) {
            int x = Math.round((i % 3) * LABEL_WIDTH * pixelsPerPoint);
            int y = Math.round((i / 3) * LABEL_HEIGHT * pixelsPerPoint);
            BufferedImage cell = page.getSubimage(x, y,
                    Math.min(cellWidth, page.getWidth() - x), Math.min(cellHeight, page.getHeight() - y));
            assertEquals(labels.get(i).digitalLink(), new QRCodeReader().decode(bitmap(cell)).getText(), "label " + i);
        }
    }

    @Test
    void scanningPageOneAsAWholeFindsItsDigitalLinks() throws Exception {
        List<Label> labels = teaLabels(30);

        BufferedImage page;
        try (PDDocument pdf = Loader.loadPDF(write(labels))) {
            page = new PDFRenderer(pdf).renderImageWithDPI(0, 300, ImageType.GRAY);
        }
        Set<String> found = Arrays.stream(new QRCodeMultiReader()
                        .decodeMultiple(bitmap(page), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)))
                .map(Result::getText)
                .collect(Collectors.toSet());

        Set<String> onPageOne = labels.subList(0, 24).stream().map(Label::digitalLink).collect(Collectors.toSet());
        assertTrue(found.contains(labels.get(0).digitalLink()), "first label not found among " + found);
        assertEquals(onPageOne, found);
    }

    @Test
    void qrCodesAreVectorsNotImages() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(write(teaLabels(24)))) {
            assertFalse(pdf.getPage(0).getResources().getXObjectNames().iterator().hasNext());
        }
    }

    @Test
    void textTooLongForTheLabelIsShrunkOrCutWithAnEllipsisAndStaysInsideTheLabel() throws Exception {
        String serial = "K7QM0000000000000001";
        Label crowded = new Label(LOT_LINK + "/21/" + serial,
                "林芝墨脱有机红茶特级礼盒装限量版高原雪域珍品一号二号三号",
                "Nyingchi Medog Organic Black Tea, Special Grade Gift Box, Limited Edition ".repeat(3),
                "林芝市巴宜区高原雪域茶叶农民专业合作社联合社有限公司",
                "TEA-260502-K7QM-EXTRA-LONG-LOT-CODE-FOR-TESTING",
                serial);

        List<TextPosition> glyphs;
        String text;
        try (PDDocument pdf = Loader.loadPDF(write(List.of(crowded)))) {
            GlyphCollector collector = new GlyphCollector();
            text = collector.getText(pdf);
            glyphs = collector.glyphs;
        }

        assertTrue(text.contains("…"), text);
        assertTrue(text.contains("序列号/Serial: " + serial), "a 20-character serial is shrunk, never cut: " + text);
        assertFalse(glyphs.isEmpty());
        for (TextPosition glyph : glyphs) {
            String where = "'" + glyph.getUnicode() + "' at " + glyph.getXDirAdj() + "," + glyph.getYDirAdj();
            assertTrue(glyph.getXDirAdj() >= 0, where);
            assertTrue(glyph.getXDirAdj() + glyph.getWidthDirAdj() <= LABEL_WIDTH, where);
            assertTrue(glyph.getYDirAdj() - glyph.getHeightDir() >= 0, where);
            assertTrue(glyph.getYDirAdj() <= LABEL_HEIGHT, where);
        }
    }

    @Test
    void lotLevelLabelWithoutBrandOrSerialPrintsNeither() throws Exception {
        Label lot = new Label(LOT_LINK, "林芝墨脱红茶", "Nyingchi Medog Black Tea", null, "TEA-260502-K7QM", null);

        String text;
        try (PDDocument pdf = Loader.loadPDF(write(List.of(lot)))) {
            text = new PDFTextStripper().getText(pdf);
        }

        assertTrue(text.contains("批次/Lot: TEA-260502-K7QM"), text);
        assertFalse(text.contains("序列号"), text);
        assertFalse(text.contains("null"), text);
    }

    @Test
    void fiveThousandLabelsMakeTwoHundredNinePages() throws Exception {
        Path file = dir.resolve("labels.pdf");

        try (OutputStream out = Files.newOutputStream(file)) {
            LabelSheet.write(teaLabels(5_000), cjkFont(), out);
        }

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertEquals(209, pdf.getNumberOfPages());
        }
    }

    @Test
    void theCallersStreamIsFlushedButLeftOpen() throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        LabelSheet.write(teaLabels(1), cjkFont(), out);

        assertFalse(closed[0]);
        assertTrue(out.toString(StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }

    @Test
    void aPlainTrueTypeFontFileWorksToo() throws Exception {
        Path ttf = dir.resolve("subset.ttf");
        try (TrueTypeCollection collection = new TrueTypeCollection(cjkFont().toFile());
             OutputStream out = Files.newOutputStream(ttf)) {
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            TTFSubsetter subsetter = new TTFSubsetter(first[0]);
            ("林芝墨脱红茶批次序列号/: " + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-…?")
                    .codePoints().forEach(subsetter::add);
            subsetter.writeToStream(out);
        }
        ByteArrayOutputStream pdfBytes = new ByteArrayOutputStream();

        LabelSheet.write(teaLabels(2), ttf, pdfBytes);

        try (PDDocument pdf = Loader.loadPDF(pdfBytes.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("林芝墨脱红茶"), text);
            assertTrue(text.contains("序列号/Serial: K7QM000002"), text);
        }
    }

    @Test
    void findCjkFontPrefersAReadableConfiguredFileThenTheFirstExistingCandidate() throws Exception {
        Path configured = Files.createFile(dir.resolve("configured.ttf"));
        Path second = Files.createFile(dir.resolve("second.ttc"));
        Path third = Files.createFile(dir.resolve("third.ttc"));
        List<Path> candidates = List.of(dir.resolve("missing.ttc"), second, third);

        assertEquals(Optional.of(configured), LabelSheet.findCjkFont(configured.toString(), candidates));
        assertEquals(Optional.of(second), LabelSheet.findCjkFont(dir.resolve("nope.ttf").toString(), candidates));
        assertEquals(Optional.of(second), LabelSheet.findCjkFont(null, candidates));
        assertEquals(Optional.empty(), LabelSheet.findCjkFont(" ", List.of(dir.resolve("missing.ttc"))));
    }

    @Test
    void anEmptyListOfLabelsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> LabelSheet.write(List.of(), cjkFont(), new ByteArrayOutputStream()));
    }

    private static Path cjkFont() {
        return LabelSheet.findCjkFont().orElseGet(() -> fail(
                "No CJK font found for the label sheet: install fonts-wqy-microhei (Debian) or set PLATEAU_CJK_FONT"));
    }

    private static byte[] write(List<Label> labels) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LabelSheet.write(labels, cjkFont(), out);
        return out.toByteArray();
    }

    private static List<Label> teaLabels(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("K7QM%06d", i))
                .map(serial -> new Label(LOT_LINK + "/21/" + serial, "林芝墨脱红茶", "Nyingchi Medog Black Tea",
                        "林芝茶叶", "TEA-260502-K7QM", serial))
                .toList();
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    }

    private static final class GlyphCollector extends PDFTextStripper {

        final List<TextPosition> glyphs = new ArrayList<>();

        GlyphCollector() throws IOException {
        }

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
            glyphs.addAll(textPositions);
            super.writeString(text, textPositions);
        }
    }
}
