package org.plateautrace.model.codes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.lots.LotCode;

/**
 * A GS1 Digital Link for a trade item, a lot of it, or one serialised pack: what the QR code carries.
 *
 * <p>Canonical path: {@code /01/{gtin14}[/10/{lot}][/21/{serial}]}. Only the GTIN, AI (01), is supported as
 * primary key, and only lot, AI (10), and serial, AI (21), as its key qualifiers, in that order. Only numeric
 * AIs are understood: GS1 "convenience alphas" ({@code /gtin/}, {@code /lot/}, {@code /ser/}) are refused with
 * a reason, and so is AI (22) (consumer product variant) and every other AI in the path; data attributes such
 * as AI (17) belong in the query string, which {@link #parse} ignores.
 *
 * <p>Lot and serial values are percent-encoded in the path (everything but RFC 3986 unreserved characters).
 * {@link #parse} accepts any http(s) host, a path prefix before {@code /01/} and non-canonical spellings
 * (short GTINs, qualifiers out of order, other percent-encoding) and says so in {@link Parsed#canonical()}.
 *
 * @param gtin   the trade item, required
 * @param lot    the lot (AI 10), or null
 * @param serial the serial number (AI 21), or null
 */
public record DigitalLink(Gtin gtin, LotCode lot, Serial serial) {
    /** The canonical GS1 domain used for identifiers inside EPCIS events, independent of our public host. */
    public static final String CANONICAL_BASE = "https://id.gs1.org";

    /** Longest input {@link #parse} looks at; real links are well under 200 characters. */
    private static final int MAX_INPUT = 2048;
    private static final Pattern ABSOLUTE = Pattern.compile("(?i)(https?)://([^/?#]*)(.*)", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final Pattern NUMERIC_AI = Pattern.compile("\\d{2,4}");
    private static final String GTIN_AI = "01";
    private static final String LOT_AI = "10";
    private static final String SERIAL_AI = "21";
    /** Primary keys of GS1 Digital Link other than the GTIN, named when someone tries one. */
    private static final Set<String> OTHER_PRIMARY_KEYS =
            Set.of("00", "253", "255", "401", "402", "414", "417", "8003", "8004", "8006", "8010", "8013", "8017", "8018");
    private static final Map<String, String> CONVENIENCE_ALPHAS =
            Map.of("gtin", GTIN_AI, "lot", LOT_AI, "ser", SERIAL_AI, "cpv", "22");

    public DigitalLink {
        if (gtin == null) {
            throw Invalid.of("a Digital Link needs a GTIN, AI (01)");
        }
    }

    /** Same as the constructor; {@code lot} and {@code serial} may be null. */
    public static DigitalLink of(Gtin gtin, LotCode lot, Serial serial) {
        return new DigitalLink(gtin, lot, serial);
    }

    /** {@code {baseUrl}/01/{gtin14}/10/{lot}}: the link of a whole lot. */
    public static String forLot(String baseUrl, Gtin gtin, LotCode lot) {
        return new DigitalLink(gtin, Objects.requireNonNull(lot, "lot"), null).uri(baseUrl);
    }

    /**
     * Canonical path: /01/{gtin14}[/10/{lot}][/21/{serial}], values percent-encoded (everything but RFC 3986
     * unreserved A-Z a-z 0-9 - . _ ~).
     */
    public String path() {
        StringBuilder path = new StringBuilder("/01/").append(gtin.value());
        if (lot != null) {
            path.append("/10/").append(encode(lot.value()));
        }
        if (serial != null) {
            path.append("/21/").append(encode(serial.value()));
        }
        return path.toString();
    }

    /** baseUrl (trailing slash removed) + path(). */
    public String uri(String baseUrl) {
        return stripSlash(baseUrl) + path();
    }

    /**
     * Parses a full URI (http or https, any host, optional path prefix before /01/, query string and fragment
     * ignored) or a bare path starting with /01/.
     *
     * @throws Invalid (field null) with a human reason when the input is not a GTIN Digital Link we support
     */
    public static Parsed parse(String uriOrPath) {
        if (uriOrPath == null || uriOrPath.isBlank()) {
            throw Invalid.of("the Digital Link is empty");
        }
        String input = uriOrPath.strip();
        if (input.length() > MAX_INPUT) {
            throw Invalid.of("the Digital Link is longer than " + MAX_INPUT + " characters");
        }
        String path = pathOf(input);
        List<String> segments = segments(path);
        int start = startOfKey(segments);

        int n = segments.size();
        String rawGtin = valueAt(segments, start, GTIN_AI);
        Gtin gtin;
        try {
            gtin = Gtin.parse(decode(GTIN_AI, rawGtin));
        } catch (Invalid e) {
            throw Invalid.of("AI (01): " + e.detail());
        }
        boolean canonical = rawGtin.equals(gtin.value());

        LotCode lot = null;
        Serial serial = null;
        for (int i = start + 2; i < n; i += 2) {
            String ai = segments.get(i);
            requireQualifier(ai);
            String raw = valueAt(segments, i, ai);
            String value = decode(ai, raw);
            canonical &= raw.equals(encode(value));
            if (ai.equals(LOT_AI)) {
                if (lot != null) {
                    throw Invalid.of("AI (10) appears twice; a link names at most one lot");
                }
                if (serial != null) {
                    canonical = false; // GS1 order is lot (10) before serial (21)
                }
                try {
                    lot = new LotCode(value);
                } catch (Invalid e) {
                    throw Invalid.of("AI (10) lot: " + e.detail());
                }
            } else {
                if (serial != null) {
                    throw Invalid.of("AI (21) appears twice; a link names at most one serial number");
                }
                try {
                    serial = new Serial(value);
                } catch (Invalid e) {
                    throw Invalid.of("AI (21) serial: " + e.detail());
                }
            }
        }
        return new Parsed(new DigitalLink(gtin, lot, serial), canonical);
    }

    /**
     * The result of {@link #parse}. {@code canonical} is false when the input was valid but its GS1 part (from
     * {@code /01/} on) was not written as {@link DigitalLink#path()} writes it: a GTIN given with 8, 12 or 13
     * digits, qualifiers in another order (e.g. /21/ before /10/), or percent-encoding that differs (such as
     * lower-case hex or an unencoded reserved character). Host, path prefix, query and fragment do not count.
     * The resolver redirects non-canonical links to {@code link.path()}.
     */
    public record Parsed(DigitalLink link, boolean canonical) {
    }

    /** Percent-encodes every character that is not RFC 3986 unreserved, as GS1 Digital Link requires. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String stripSlash(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The path of an http(s) URI or of a bare path, without query string and fragment. */
    private static String pathOf(String input) {
        String path;
        if (input.startsWith("/")) {
            path = input;
        } else {
            Matcher absolute = ABSOLUTE.matcher(input);
            if (absolute.matches()) {
                if (absolute.group(2).isEmpty()) {
                    throw Invalid.of("the Digital Link has no host after " + absolute.group(1).toLowerCase(Locale.ROOT) + "://");
                }
                path = absolute.group(3);
            } else if (SCHEME.matcher(input).matches()) {
                throw Invalid.of("a Digital Link is an http or https URI; '" + input.substring(0, input.indexOf(':'))
                        + ":' is not supported");
            } else {
                throw Invalid.of("a Digital Link is an http(s) URI or a path starting with /01/");
            }
        }
        int end = path.length();
        int query = path.indexOf('?');
        int fragment = path.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return path.substring(0, end);
    }

    /** Path segments without the leading slash; empty segments (from "//" or a trailing "/") are kept. */
    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        if (path.isEmpty() || path.equals("/")) {
            return segments;
        }
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int from = 0;
        while (true) {
            int slash = rest.indexOf('/', from);
            if (slash < 0) {
                segments.add(rest.substring(from));
                return segments;
            }
            segments.add(rest.substring(from, slash));
            from = slash + 1;
        }
    }

    /**
     * Index of the "01" segment that starts the GS1 part. A path that starts with /01/ starts there; behind a
     * prefix, the first "01" followed by whole AI/value pairs wins, else the first "01" at all (so that a
     * missing value is reported as such).
     */
    private static int startOfKey(List<String> segments) {
        int n = segments.size();
        if (n > 0 && segments.get(0).equals(GTIN_AI)) {
            return 0;
        }
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (segments.get(i).equals(GTIN_AI)) {
                if ((n - i) % 2 == 0) {
                    return i;
                }
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (first >= 0) {
            return first;
        }
        for (int i = 0; i < n; i++) {
            String segment = segments.get(i);
            String alpha = CONVENIENCE_ALPHAS.get(segment.toLowerCase(Locale.ROOT));
            if (alpha != null) {
                throw Invalid.of("convenience alpha '" + segment + "' is not supported; write the numeric AI /"
                        + alpha + "/ instead");
            }
            if ((n - i) % 2 == 0 && OTHER_PRIMARY_KEYS.contains(segment)) {
                throw Invalid.of("AI (" + segment + ") is not supported as a primary key; only a GTIN, AI (01), is");
            }
        }
        throw Invalid.of("no GTIN in the Digital Link: the path needs /01/{gtin}");
    }

    private static void requireQualifier(String ai) {
        if (ai.equals(LOT_AI) || ai.equals(SERIAL_AI)) {
            return;
        }
        if (ai.isEmpty()) {
            throw Invalid.of("empty path segment ('//' or a trailing '/') after /01/{gtin}");
        }
        if (ai.equals(GTIN_AI)) {
            throw Invalid.of("AI (01) appears twice; a link names one GTIN");
        }
        if (ai.equals("22")) {
            throw Invalid.of("AI (22) (consumer product variant) is not supported; only lot (10) and serial (21)"
                    + " may follow a GTIN");
        }
        if (NUMERIC_AI.matcher(ai).matches()) {
            throw Invalid.of("AI (" + ai + ") is not a key qualifier of a GTIN; use a query parameter");
        }
        String alpha = CONVENIENCE_ALPHAS.get(ai.toLowerCase(Locale.ROOT));
        if (alpha != null) {
            throw Invalid.of("convenience alpha '" + ai + "' is not supported; write the numeric AI /" + alpha
                    + "/ instead");
        }
        throw Invalid.of("'" + shorten(ai) + "' is not a GS1 Application Identifier; after /01/{gtin} only /10/{lot}"
                + " and /21/{serial} may follow");
    }

    private static String valueAt(List<String> segments, int aiIndex, String ai) {
        if (aiIndex + 1 >= segments.size()) {
            throw Invalid.of("AI (" + ai + ") has no value after it");
        }
        String raw = segments.get(aiIndex + 1);
        if (raw.isEmpty()) {
            throw Invalid.of("AI (" + ai + ") has an empty value");
        }
        return raw;
    }

    /** Percent-decodes (UTF-8) one path segment; any hex case is accepted, a malformed escape is refused. */
    private static String decode(String ai, String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 1 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
                int lo = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
                if (hi < 0 || lo < 0) {
                    throw Invalid.of("bad percent escape '" + raw.substring(i, Math.min(i + 3, raw.length()))
                            + "' in the value of AI (" + ai + "); '%' is followed by two hex digits (write '%' itself as %25)");
                }
                run.write(hi * 16 + lo);
                i += 3;
            } else {
                flush(ai, run, out);
                out.append(c);
                i++;
            }
        }
        flush(ai, run, out);
        return out.toString();
    }

    private static void flush(String ai, ByteArrayOutputStream run, StringBuilder out) {
        if (run.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(run.toByteArray())));
        } catch (CharacterCodingException e) {
            throw Invalid.of("the value of AI (" + ai + ") is not valid UTF-8 once percent-decoded");
        }
        run.reset();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static String shorten(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
