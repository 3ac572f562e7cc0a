package org.plateautrace.qr;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one font of a label sheet, embedded as a subset, with what it takes to fit text into a width. */
final class LabelFont implements Closeable {

    /** Text as it will be drawn, at the size it will be drawn. */
    record Fitted(String text, float size) {
    }

    private final Closeable file;
    private final CmapLookup cmap;
    private final PDType0Font font;
    private final String ellipsis;

    private LabelFont(Closeable file, TrueTypeFont ttf, PDDocument document) throws IOException {
        this.file = file;
        this.cmap = ttf.getUnicodeCmapLookup();
        this.font = PDType0Font.load(document, ttf, true);
        this.ellipsis = cmap.getGlyphId('…') != 0 ? "…" : "...";
    }

    /**
     * Loads a TrueType collection (its first font), a TrueType or an OpenType file. The file stays open until
     * {@link #close()}: the subset is cut from it when the document is saved.
     */
    static LabelFont load(PDDocument document, Path path) throws IOException {
        String tag = tag(path);
        if (tag.equals("ttcf")) {
            TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
            try {
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(ttf -> {
                    if (first[0] == null) {
                        first[0] = ttf;
                    }
                });
                if (first[0] == null) {
                    throw new IOException("no font in collection " + path);
                }
                return new LabelFont(collection, first[0], document);
            } catch (IOException | RuntimeException e) {
                collection.close();
                throw e;
            }
        }
        TTFParser parser = tag.equals("OTTO") ? new OTFParser() : new TTFParser();
        RandomAccessRead input = new RandomAccessReadBufferedFile(path.toFile());
        try {
            TrueTypeFont ttf = parser.parse(input);
            return new LabelFont(ttf, ttf, document);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    private static String tag(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
        }
    }

    PDType0Font pdfFont() {
        return font;
    }

    /** The text with controls and line breaks as spaces and characters the font lacks as '?': encoding cannot fail. */
    String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                printable.append(' ');
            } else {
                printable.appendCodePoint(cmap.getGlyphId(cp) != 0 ? cp : '?');
            }
        });
        return printable.toString().strip();
    }

    /**
     * The printable text at the largest size from {@code size} down to {@code minSize} at which it is no wider than
     * {@code maxWidth}; if it is too wide even at {@code minSize}, cut short there with an ellipsis.
     */
    Fitted fit(String text, float size, float minSize, float maxWidth) throws IOException {
        String printable = printable(text);
        float unitWidth = width(printable);
        if (unitWidth * size <= maxWidth) {
            return new Fitted(printable, size);
        }
        if (unitWidth * minSize <= maxWidth) {
            return new Fitted(printable, maxWidth / unitWidth);
        }
        int[] codePoints = printable.codePoints().toArray();
        int fits = 0;
        int tooLong = codePoints.length;
        while (tooLong - fits > 1) {
            int middle = (fits + tooLong) >>> 1;
            if (width(shortened(codePoints, middle)) * minSize <= maxWidth) {
                fits = middle;
            } else {
                tooLong = middle;
            }
        }
        return new Fitted(shortened(codePoints, fits), minSize);
    }

    private String shortened(int[] codePoints, int length) {
        return new String(codePoints, 0, length).stripTrailing() + ellipsis;
    }

    /** Width at a size of 1 pt. */
    private float width(String text) throws IOException {
        return font.getStringWidth(text) / 1000f;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
