package org.plateautrace.qr;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Printable A4 label sheets: 3 columns x 8 rows of 70 x 37.125 mm labels (the common 24-up sheet without margins),
 * each with the QR code of its Digital Link on the left and the product, brand, lot and serial on the right.
 */
public final class LabelSheet {

    private static final String FONT_VARIABLE = "PLATEAU_CJK_FONT";
    private static final List<Path> FONT_CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final int COLUMNS = 3;
    private static final int ROWS = 8;
    private static final int LABELS_PER_PAGE = COLUMNS * ROWS;
    private static final float LABEL_WIDTH = 70 * MM;
    private static final float LABEL_HEIGHT = 37.125f * MM;

    /** The QR code's square including its quiet zone, which doubles as the white space between code and text. */
    private static final float QR_SIZE = 30 * MM;
    private static final float QR_LEFT = 2 * MM;
    private static final float TEXT_LEFT = QR_LEFT + QR_SIZE + 1 * MM;
    private static final float TEXT_WIDTH = LABEL_WIDTH - TEXT_LEFT - 3 * MM;
    private static final float LEADING = 1.3f;
    /** The product name is set bold by stroking its outlines too: the label font has no bold face. */
    private static final float BOLD_STROKE = 0.3f;

    private record Line(String text, float size, float minSize, boolean bold) {
    }

    private LabelSheet() {
    }

    /**
     * Writes the labels as a PDF of as many A4 sheets as needed to {@code out}, which is flushed but left open.
     * {@code cjkFont} is a TrueType collection (its first font is used), TrueType or OpenType file with the Chinese
     * glyphs; a subset of it is embedded.
     */
    public static void write(List<Label> labels, Path cjkFont, OutputStream out) throws IOException {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(cjkFont, "cjkFont");
        Objects.requireNonNull(out, "out");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no labels to print");
        }
        // Page content goes to a temp file as it is written, so a sheet of 100,000 labels needs little heap.
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
             LabelFont font = LabelFont.load(document, cjkFont)) {
            for (int first = 0; first < labels.size(); first += LABELS_PER_PAGE) {
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.setLineWidth(BOLD_STROKE);
                    List<Label> onPage = labels.subList(first, Math.min(first + LABELS_PER_PAGE, labels.size()));
                    for (int i = 0; i < onPage.size(); i++) {
                        float left = (i % COLUMNS) * LABEL_WIDTH;
                        float top = PAGE.getHeight() - (i / COLUMNS) * LABEL_HEIGHT;
                        drawLabel(content, font, onPage.get(i), left, top);
                    }
                }
            }
            // Buffered but not closed: the caller's stream stays open, as PDFBox leaves it.
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            document.save(buffered);
            buffered.flush();
        }
    }

    /**
     * The CJK font to use: the file named by environment variable PLATEAU_CJK_FONT if set and readable, else the first
     * that exists of WenQuanYi Micro Hei, WenQuanYi Zen Hei and AR PL UMing in their Debian locations; empty when none.
     */
    public static Optional<Path> findCjkFont() {
        return findCjkFont(System.getenv(FONT_VARIABLE), FONT_CANDIDATES);
    }

    static Optional<Path> findCjkFont(String configured, List<Path> candidates) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return Optional.of(path);
            }
        }
        return candidates.stream().filter(path -> Files.isRegularFile(path) && Files.isReadable(path)).findFirst();
    }

    private static void drawLabel(PDPageContentStream content, LabelFont font, Label label, float left, float top)
            throws IOException {
        drawQrCode(content, QrCodes.modules(label.digitalLink(), ErrorCorrection.M),
                left + QR_LEFT, top - (LABEL_HEIGHT + QR_SIZE) / 2);
        drawText(content, font, lines(label), left + TEXT_LEFT, top);
    }

    /** Dark modules as filled rectangles, one per horizontal run, all in one path. */
    private static void drawQrCode(PDPageContentStream content, boolean[][] modules, float left, float bottom)
            throws IOException {
        int size = modules.length;
        float module = QR_SIZE / (size + 2 * QrCodes.QUIET_ZONE_MODULES);
        float inset = QrCodes.QUIET_ZONE_MODULES * module;
        content.saveGraphicsState();
        // One unit per module, so that every rectangle is written as four small integers.
        content.transform(new Matrix(module, 0, 0, module, left + inset, bottom + inset));
        for (QrCodes.ModuleRun run : QrCodes.darkRuns(modules)) {
            content.addRect(run.column(), size - 1 - run.row(), run.length(), 1);
        }
        content.fill();
        content.restoreGraphicsState();
    }

    private static List<Line> lines(Label label) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(label.nameZh(), 11, 7, true));
        lines.add(new Line(label.nameEn(), 8, 5.5f, false));
        if (label.brand() != null && !label.brand().isBlank()) {
            lines.add(new Line(label.brand(), 7, 5, false));
        }
        lines.add(new Line("批次/Lot: " + label.lotCode(), 7, 5, false));
        if (label.serial() != null) {
            lines.add(new Line("序列号/Serial: " + label.serial(), 7, 5, false));
        }
        return lines;
    }

    /** The lines centred as a block in the label's height, each shrunk or cut to fit the width. */
    private static void drawText(PDPageContentStream content, LabelFont font, List<Line> lines, float left, float top)
            throws IOException {
        float blockHeight = 0;
        for (Line line : lines) {
            blockHeight += line.size() * LEADING;
        }
        float lineTop = top - (LABEL_HEIGHT - blockHeight) / 2;
        content.beginText();
        for (Line line : lines) {
            LabelFont.Fitted fitted = font.fit(line.text(), line.size(), line.minSize(),
                    line.bold() ? TEXT_WIDTH - BOLD_STROKE : TEXT_WIDTH);
            if (!fitted.text().isEmpty()) {
                content.setFont(font.pdfFont(), fitted.size());
                content.setTextMatrix(Matrix.getTranslateInstance(left, lineTop - line.size()));
                if (line.bold()) {
                    content.setRenderingMode(RenderingMode.FILL_STROKE);
                }
                content.showText(fitted.text());
                if (line.bold()) {
                    content.setRenderingMode(RenderingMode.FILL);
                }
            }
            lineTop -= line.size() * LEADING;
        }
        content.endText();
    }
}
