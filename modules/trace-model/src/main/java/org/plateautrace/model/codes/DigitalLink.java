package org.plateautrace.model.codes;

import java.nio.charset.StandardCharsets;
import org.plateautrace.model.lots.LotCode;

/** GS1 Digital Link URIs (https://{base}/01/{gtin14}/10/{lot}) for what the QR code carries. */
public final class DigitalLink {
    /** The canonical GS1 domain used for identifiers inside EPCIS events, independent of our public host. */
    public static final String CANONICAL_BASE = "https://id.gs1.org";

    private DigitalLink() {
    }

    public static String forLot(String baseUrl, Gtin gtin, LotCode lot) {
        return stripSlash(baseUrl) + "/01/" + gtin.value() + "/10/" + encode(lot.value());
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
}
