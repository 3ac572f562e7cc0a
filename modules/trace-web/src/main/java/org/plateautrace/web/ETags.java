package org.plateautrace.web;

import java.util.HexFormat;
import org.plateautrace.model.Sha256;

/** Strong ETags from the content an answer is made of. */
public final class ETags {
    private ETags() {
    }

    public static String of(String content) {
        return "\"" + HexFormat.of().formatHex(Sha256.of(content), 0, 16) + "\"";
    }
}
