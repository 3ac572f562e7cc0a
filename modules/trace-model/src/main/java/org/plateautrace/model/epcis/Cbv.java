package org.plateautrace.model.epcis;

import java.util.List;

/**
 * CBV 2.0 vocabulary values in their three spellings: the short name the JSON-LD context defines
 * ({@code shipping}), the EPCIS 1.x URN ({@code urn:epcglobal:cbv:bizstep:shipping}) and the web URI
 * ({@code https://ref.gs1.org/cbv/BizStep-shipping}).
 */
public enum Cbv {
    BIZ_STEP("BizStep", "bizstep"),
    DISPOSITION("Disp", "disp"),
    BIZ_TRANSACTION_TYPE("BTT", "btt"),
    SOURCE_DESTINATION_TYPE("SDT", "sdt"),
    ERROR_REASON("ER", "er");

    public static final String WEB = "https://ref.gs1.org/cbv/";
    private final String webPrefix;
    private final String urnPrefix;

    Cbv(String web, String urn) {
        this.webPrefix = web + "-";
        this.urnPrefix = "urn:epcglobal:cbv:" + urn + ":";
    }

    /** The short name of a CBV value in any spelling; a value outside CBV (a URI of one's own) as it is. */
    public String shortName(String value) {
        if (value == null) {
            return null;
        }
        for (String prefix : List.of(urnPrefix, WEB + webPrefix, "https://gs1.org/voc/" + webPrefix, "gs1:" + webPrefix,
                "cbv:" + webPrefix)) {
            if (value.startsWith(prefix)) {
                return value.substring(prefix.length());
            }
        }
        return value;
    }

    /** Every spelling of a value that GS1's schema lets an event carry: the short name and its web URIs. */
    public List<String> spellings(String value) {
        String name = shortName(value);
        if (name.contains(":")) {
            return List.of(value);
        }
        return List.of(name, WEB + webPrefix + name, "https://gs1.org/voc/" + webPrefix + name);
    }

    /** The web URI of a CBV value in any spelling; a value outside CBV (it has a scheme) as it is. */
    public String webUri(String value) {
        String name = shortName(value);
        return name.contains(":") ? name : WEB + webPrefix + name;
    }
}
