package org.plateautrace.model.epcis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plateautrace.model.codes.Gs1CheckDigit;

/**
 * Identifier normalisation for the EPCIS event hash: EPC URNs (SGTIN, SSCC, SGLN, LGTIN, PGLN) become
 * GS1 Digital Link URIs on {@code https://id.gs1.org}, and Digital Links on any host are moved to that
 * canonical host. Anything else is returned as it is.
 */
public final class Gs1Uris {
    public static final String CANONICAL_HOST = "https://id.gs1.org";
    private static final Pattern URN = Pattern.compile("urn:epc:(id|class):(sgtin|sscc|sgln|lgtin|pgln):([0-9]+)\\.([0-9]*)(?:\\.(.+))?");
    private static final Pattern DIGITAL_LINK = Pattern.compile("https?://[^/]+(?:/[^/]*)*?(/(?:01|00|414|417|8003|8004|253|255|8006|8010|8017|8018)/.+)");

    private Gs1Uris() {
    }

    public static String canonical(String value) {
        if (value == null) {
            return null;
        }
        Matcher urn = URN.matcher(value);
        if (urn.matches()) {
            String fromUrn = fromUrn(urn.group(2), urn.group(3), urn.group(4), urn.group(5));
            return fromUrn == null ? value : fromUrn;
        }
        Matcher link = DIGITAL_LINK.matcher(value);
        if (link.matches() && !value.startsWith(CANONICAL_HOST + "/")) {
            String path = link.group(1);
            int query = path.indexOf('?');
            return CANONICAL_HOST + (query < 0 ? path : path.substring(0, query));
        }
        int query = value.indexOf('?');
        return value.startsWith(CANONICAL_HOST + "/") && query > 0 ? value.substring(0, query) : value;
    }

    private static String fromUrn(String scheme, String companyPrefix, String reference, String rest) {
        switch (scheme) {
            case "sgtin", "lgtin" -> {
                if (reference.isEmpty() || rest == null) {
                    return null;
                }
                String digits = reference.charAt(0) + companyPrefix + reference.substring(1);
                if (digits.length() != 13) {
                    return null;
                }
                String gtin = digits + Gs1CheckDigit.compute(digits);
                return CANONICAL_HOST + "/01/" + gtin + (scheme.equals("sgtin") ? "/21/" : "/10/") + rest;
            }
            case "sscc" -> {
                if (reference.isEmpty() || rest != null) {
                    return null;
                }
                String digits = reference.charAt(0) + companyPrefix + reference.substring(1);
                return digits.length() == 17 ? CANONICAL_HOST + "/00/" + digits + Gs1CheckDigit.compute(digits) : null;
            }
            case "sgln" -> {
                String digits = companyPrefix + reference;
                if (digits.length() != 12 || rest == null) {
                    return null;
                }
                String gln = CANONICAL_HOST + "/414/" + digits + Gs1CheckDigit.compute(digits);
                return rest.equals("0") ? gln : gln + "/254/" + rest;
            }
            case "pgln" -> {
                String digits = companyPrefix + reference;
                return digits.length() == 12 && rest == null ? CANONICAL_HOST + "/417/" + digits + Gs1CheckDigit.compute(digits) : null;
            }
            default -> {
                return null;
            }
        }
    }
}
