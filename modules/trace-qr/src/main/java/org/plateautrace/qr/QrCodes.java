package org.plateautrace.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** QR codes as PNG, SVG or a bare module matrix. */
public final class QrCodes {

    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 2048;
    public static final int DEFAULT_SIZE = 512;
    public static final int QUIET_ZONE_MODULES = 4;

    private QrCodes() {
    }

    /**
     * PNG of the QR code, black on white, sizePx x sizePx. Modules are the largest whole number of pixels that fits
     * the code and its 4-module quiet zone (no blurry resampling); the code is centred and the rest stays white.
     *
     * @throws IllegalArgumentException if sizePx is outside MIN_SIZE..MAX_SIZE (callers clamp), or too small for
     *                                  one pixel per module, or the text does not fit in a QR code
     */
    public static byte[] png(String text, int sizePx, ErrorCorrection ec) {
        checkSize(sizePx);
        boolean[][] modules = modules(text, ec);
        int span = modules.length + 2 * QUIET_ZONE_MODULES;
        int scale = sizePx / span;
        if (scale == 0) {
            throw new IllegalArgumentException("this text needs a QR code of " + span
                    + " modules with its quiet zone, more than " + sizePx + " px can show");
        }
        int origin = (sizePx - span * scale) / 2 + QUIET_ZONE_MODULES * scale;

        BufferedImage image = new BufferedImage(sizePx, sizePx, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sizePx, sizePx);
            g.setColor(Color.BLACK);
            for (ModuleRun run : darkRuns(modules)) {
                g.fillRect(origin + run.column() * scale, origin + run.row() * scale, run.length() * scale, scale);
            }
        } finally {
            g.dispose();
        }

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        // A memory cache, not ImageIO's default temp-file cache: the image is small and callers run this often.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /**
     * SVG of the QR code, sizePx wide and high: the viewBox is in modules including the 4-module quiet zone, a white
     * background, one path of the dark modules as horizontal runs, the text as its title.
     *
     * @throws IllegalArgumentException if sizePx is outside MIN_SIZE..MAX_SIZE or the text does not fit in a QR code
     */
    public static String svg(String text, int sizePx, ErrorCorrection ec) {
        checkSize(sizePx);
        boolean[][] modules = modules(text, ec);
        int span = modules.length + 2 * QUIET_ZONE_MODULES;
        StringBuilder path = new StringBuilder();
        for (ModuleRun run : darkRuns(modules)) {
            path.append('M').append(run.column() + QUIET_ZONE_MODULES)
                    .append(' ').append(run.row() + QUIET_ZONE_MODULES)
                    .append('h').append(run.length())
                    .append("v1h-").append(run.length())
                    .append('z');
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + sizePx + "\" height=\"" + sizePx
                + "\" viewBox=\"0 0 " + span + " " + span + "\" shape-rendering=\"crispEdges\">\n"
                + "<title>" + escapeXml(text) + "</title>\n"
                + "<rect width=\"" + span + "\" height=\"" + span + "\" fill=\"#fff\"/>\n"
                + "<path fill=\"#000\" d=\"" + path + "\"/>\n"
                + "</svg>\n";
    }

    /**
     * The module matrix (true = dark), indexed [row][column], without quiet zone: for drawing the code as vectors.
     *
     * @throws IllegalArgumentException if the text does not fit in a QR code
     */
    public static boolean[][] modules(String text, ErrorCorrection ec) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ec, "ec");
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, ec.zxing(), hints(text)).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code: " + e.getMessage(), e);
        }
        boolean[][] dark = new boolean[matrix.getHeight()][matrix.getWidth()];
        for (int row = 0; row < dark.length; row++) {
            for (int column = 0; column < dark[row].length; column++) {
                dark[row][column] = matrix.get(column, row) == 1;
            }
        }
        return dark;
    }

    /** A horizontal run of dark modules, in module coordinates without the quiet zone. */
    record ModuleRun(int row, int column, int length) {
    }

    static List<ModuleRun> darkRuns(boolean[][] modules) {
        List<ModuleRun> runs = new ArrayList<>();
        for (int row = 0; row < modules.length; row++) {
            boolean[] line = modules[row];
            int column = 0;
            while (column < line.length) {
                if (!line[column]) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < line.length && line[column]) {
                    column++;
                }
                runs.add(new ModuleRun(row, start, column - start));
            }
        }
        return runs;
    }

    // ZXing's byte mode assumes ISO-8859-1 unless told otherwise. Other text goes out as UTF-8 with an ECI header;
    // ASCII text (every Digital Link) gets no ECI, which some older scanners handle badly.
    private static Map<EncodeHintType, ?> hints(String text) {
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        return ascii ? Map.of() : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    }

    private static void checkSize(int sizePx) {
        if (sizePx < MIN_SIZE || sizePx > MAX_SIZE) {
            throw new IllegalArgumentException("size must be " + MIN_SIZE + " to " + MAX_SIZE + " px, was " + sizePx);
        }
    }

    private static String escapeXml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.appendCodePoint(isXmlChar(cp) ? cp : 0xFFFD);
            }
        });
        return escaped.toString();
    }

    // XML 1.0 forbids most control characters and lone surrogates even as character references.
    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || cp >= 0x10000;
    }
}
