package org.plateautrace.model.epcis;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plateautrace.model.Sha256;

/**
 * The EPCIS event hash of CBV 2.0 (section 8.9, "event hash ID"): a pre-hash string of the event's
 * fields in the canonical property order (eventType, eventTime in UTC at millisecond precision,
 * eventTimeZoneOffset, the EPC and quantity lists, action, transformationID, bizStep, disposition,
 * persistentDisposition, readPoint, bizLocation, the business transaction, source and destination
 * lists, the sensor elements, then ILMD and every extension sorted), each list's elements sorted
 * lexically, CBV values as web URIs, EPC URNs and Digital Links as canonical Digital Links on
 * {@code id.gs1.org}, numbers without trailing zeros, extension names as {@code {namespace}local};
 * {@code eventID}, {@code recordTime}, {@code errorDeclaration} and {@code certificationInfo} are not
 * part of it. The ID is {@code ni:///sha-256;<hex>?ver=CBV2.0}.
 */
public final class EpcisEventHash {
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final String GS1_VOC = "https://gs1.org/voc/";
    private static final Set<String> NOT_HASHED = Set.of("type", "eventID", "recordTime", "errorDeclaration",
            "certificationInfo", "@context");
    private static final List<String> QUANTITY = List.of("epcClass", "quantity", "uom");
    private static final List<String> SENSOR_METADATA = List.of("time", "startTime", "endTime", "deviceID", "deviceMetadata",
            "rawData", "dataProcessingMethod", "bizRules");
    private static final List<String> SENSOR_REPORT = List.of("type", "exception", "deviceID", "deviceMetadata", "rawData",
            "dataProcessingMethod", "time", "microorganism", "chemicalSubstance", "value", "component", "stringValue",
            "booleanValue", "hexBinaryValue", "uriValue", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue",
            "uom", "coordinateReferenceSystem");
    /** The canonical order of the standard fields after eventType. */
    private static final List<String> ORDER = List.of("eventTime", "eventTimeZoneOffset", "epcList", "parentID",
            "inputEPCList", "childEPCs", "quantityList", "childQuantityList", "inputQuantityList", "outputEPCList",
            "outputQuantityList", "action", "transformationID", "bizStep", "disposition", "persistentDisposition", "readPoint",
            "bizLocation", "bizTransactionList", "sourceList", "destinationList", "sensorElementList");

    private EpcisEventHash() {
    }

    /**
     * The event hash ID of an EPCIS 2.0 JSON event.
     *
     * @param namespaces the CURIE prefixes of the document's {@code @context} (e.g. {@code example} →
     *                   {@code http://ns.example.com/epcis/}), to name extensions by their namespace
     */
    public static String of(Map<String, Object> event, Map<String, String> namespaces) {
        return "ni:///sha-256;" + HexFormat.of().formatHex(Sha256.of(preHash(event, namespaces))) + "?ver=CBV2.0";
    }

    /** The pre-hash string (exposed for tests and for comparing with other implementations). */
    public static String preHash(Map<String, Object> event, Map<String, String> namespaces) {
        Hasher h = new Hasher(namespaces);
        StringBuilder s = new StringBuilder("eventType=").append(event.get("type"));
        for (String name : ORDER) {
            Object value = event.get(name);
            if (value != null) {
                s.append(h.standard(name, value));
            }
        }
        List<String> rest = new ArrayList<>();
        event.forEach((name, value) -> {
            if (!ORDER.contains(name) && !NOT_HASHED.contains(name) && value != null) {
                rest.addAll(h.generic(h.expandName(name), value));
            }
        });
        rest.stream().sorted().forEach(s::append);
        return s.toString();
    }

    private record Hasher(Map<String, String> namespaces) {
        String standard(String name, Object value) {
            return switch (name) {
                case "eventTime" -> name + "=" + time(value.toString());
                case "eventTimeZoneOffset", "action" -> name + "=" + value.toString().trim();
                case "parentID", "transformationID" -> name + "=" + id(value.toString());
                case "epcList", "inputEPCList", "childEPCs", "outputEPCList" ->
                        listOf(name, list(value).stream().map(epc -> "epc=" + id(epc.toString())).toList());
                case "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" ->
                        listOf(name, list(value).stream().map(q -> "quantityElement" + ordered(map(q), QUANTITY)).toList());
                case "bizStep" -> name + "=" + Cbv.BIZ_STEP.webUri(value.toString().trim());
                case "disposition" -> name + "=" + Cbv.DISPOSITION.webUri(value.toString().trim());
                case "persistentDisposition" -> persistent(map(value));
                case "readPoint", "bizLocation" -> name + ordered(map(value), List.of("id"));
                case "bizTransactionList" -> typed(name, "bizTransaction", value, Cbv.BIZ_TRANSACTION_TYPE);
                case "sourceList" -> typed(name, "source", value, Cbv.SOURCE_DESTINATION_TYPE);
                case "destinationList" -> typed(name, "destination", value, Cbv.SOURCE_DESTINATION_TYPE);
                case "sensorElementList" -> listOf(name, list(value).stream().map(e -> sensorElement(map(e))).toList());
                default -> throw new IllegalArgumentException(name);
            };
        }

        private String persistent(Map<String, Object> value) {
            StringBuilder s = new StringBuilder();
            for (String part : List.of("set", "unset")) {
                if (value.get(part) != null) {
                    list(value.get(part)).stream().map(d -> part + "=" + Cbv.DISPOSITION.webUri(d.toString().trim())).sorted()
                            .forEach(s::append);
                }
            }
            return s.isEmpty() ? "" : "persistentDisposition" + s;
        }

        private String typed(String list, String element, Object value, Cbv types) {
            return listOf(list, list(value).stream().map(item -> {
                Map<String, Object> m = map(item);
                String text = element + "=" + id(String.valueOf(m.get(element)));
                return m.get("type") == null ? text : text + "type=" + types.webUri(m.get("type").toString().trim());
            }).toList());
        }

        private String sensorElement(Map<String, Object> element) {
            StringBuilder s = new StringBuilder("sensorElement");
            if (element.get("sensorMetadata") != null) {
                s.append("sensorMetadata").append(ordered(map(element.get("sensorMetadata")), SENSOR_METADATA));
            }
            if (element.get("sensorReport") != null) {
                list(element.get("sensorReport")).stream().map(r -> "sensorReport" + ordered(map(r), SENSOR_REPORT)).sorted()
                        .forEach(s::append);
            }
            List<String> rest = new ArrayList<>();
            element.forEach((name, value) -> {
                if (!name.equals("sensorMetadata") && !name.equals("sensorReport") && value != null) {
                    rest.addAll(generic(expandName(name), value));
                }
            });
            rest.stream().sorted().forEach(s::append);
            return s.toString();
        }

        /** The named fields in the given order, then the extensions of that object sorted. */
        private String ordered(Map<String, Object> object, List<String> order) {
            StringBuilder s = new StringBuilder();
            for (String name : order) {
                Object value = object.get(name);
                if (value != null) {
                    s.append(name).append('=').append(value(name, value));
                }
            }
            List<String> rest = new ArrayList<>();
            object.forEach((name, value) -> {
                if (!order.contains(name) && value != null) {
                    rest.addAll(generic(expandName(name), value));
                }
            });
            rest.stream().sorted().forEach(s::append);
            return s.toString();
        }

        /** An extension (or ILMD): {@code name=value}, or the name followed by its sorted children. */
        List<String> generic(String name, Object value) {
            if (value instanceof Map<?, ?> object) {
                List<String> children = new ArrayList<>();
                object.forEach((child, childValue) -> {
                    if (childValue != null) {
                        children.addAll(generic(expandName(child.toString()), childValue));
                    }
                });
                return List.of(name + String.join("", children.stream().sorted().toList()));
            }
            if (value instanceof List<?> items) {
                List<String> out = new ArrayList<>();
                items.forEach(item -> out.addAll(generic(name, item)));
                return out;
            }
            return List.of(name + "=" + value(name, value));
        }

        private String value(String name, Object value) {
            if (value instanceof Number number) {
                BigDecimal decimal = new BigDecimal(number.toString());
                return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
            }
            String text = value.toString().trim();
            String lower = name.toLowerCase();
            if (lower.endsWith("time") && !lower.contains("offset")) {
                return time(text);
            }
            if (name.equals("type") || name.equals("exception")) {
                String shortName = EpcisEvents.sensorType(text);
                return shortName.contains(":") ? expand(shortName) : GS1_VOC + shortName;
            }
            return id(expand(text));
        }

        private String id(String value) {
            return Gs1Uris.canonical(value.trim());
        }

        String expandName(String name) {
            int colon = name.indexOf(':');
            if (colon > 0 && namespaces.containsKey(name.substring(0, colon))) {
                return "{" + namespaces.get(name.substring(0, colon)) + "}" + name.substring(colon + 1);
            }
            return name;
        }

        private String expand(String value) {
            int colon = value.indexOf(':');
            if (colon > 0 && !value.startsWith("http") && namespaces.containsKey(value.substring(0, colon))) {
                return namespaces.get(value.substring(0, colon)) + value.substring(colon + 1);
            }
            return value;
        }
    }

    private static String listOf(String name, List<String> elements) {
        return elements.isEmpty() ? "" : name + String.join("", elements.stream().sorted().toList());
    }

    static String time(String text) {
        try {
            return UTC_MILLIS.format(OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
