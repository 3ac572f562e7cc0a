package org.plateautrace.model.epcis;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * EPCIS 2.0 JSON events as received: the structural checks of GS1's JSON Schema written out in Java
 * (required fields, JSON types, event types and their fields, actions, timestamps, CBV values, units),
 * and what the store indexes of a valid event.
 */
public final class EpcisEvents {
    public static final Set<String> TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");
    public static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE", "DELETE");
    public static final Set<String> BIZ_STEPS = Set.of("accepting", "arriving", "assembling", "collecting", "commissioning",
            "consigning", "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying",
            "disassembling", "dispensing", "encoding", "entering_exiting", "holding", "inspecting", "installing", "killing",
            "loading", "other", "packing", "picking", "receiving", "removing", "repackaging", "repairing", "replacing",
            "reserving", "retail_selling", "shipping", "staging_outbound", "stock_taking", "stocking", "storing", "transporting",
            "unloading", "unpacking", "void_shipping", "sensor_reporting", "sampling");
    public static final Set<String> DISPOSITIONS = Set.of("active", "container_closed", "damaged", "destroyed", "dispensed",
            "disposed", "encoded", "expired", "in_progress", "in_transit", "inactive", "no_pedigree_match", "non_sellable_other",
            "partially_dispensed", "recalled", "reserved", "retail_sold", "returned", "sellable_accessible",
            "sellable_not_accessible", "stolen", "unknown", "available", "completeness_verified", "completeness_inferred",
            "conformant", "container_open", "mismatch_instance", "mismatch_class", "mismatch_quantity", "needs_replacement",
            "non_conformant", "unavailable");
    private static final Pattern OFFSET = Pattern.compile("^([+]|[-])((0[0-9]|1[0-3]):([0-5][0-9])|14:00)$");
    /** RFC 3339 date-time, as the schema's {@code format: date-time} wants (seconds required, an offset or Z). */
    private static final Pattern DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");
    private static final Pattern UOM = Pattern.compile("^[A-Z0-9]{2,3}$");
    /** GS1's schema refuses CBV values spelled as EPCIS 1.x URNs or ns.gs1.org URIs: JSON uses the short names. */
    private static final Pattern CBV_URI = Pattern.compile("^(urn:epcglobal:cbv|https?://ns\\.gs1\\.org/cbv/).*");
    private static final Set<String> COMMON = Set.of("@context", "type", "eventTime", "recordTime", "eventTimeZoneOffset",
            "eventID", "certificationInfo", "errorDeclaration");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "ObjectEvent", Set.of("action", "epcList", "quantityList", "bizStep", "disposition", "persistentDisposition",
                    "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList", "sensorElementList", "ilmd"),
            "AggregationEvent", Set.of("parentID", "childEPCs", "childQuantityList", "action", "bizStep", "disposition",
                    "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList", "sensorElementList"),
            "AssociationEvent", Set.of("parentID", "childEPCs", "childQuantityList", "action", "bizStep", "disposition",
                    "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList", "sensorElementList"),
            "TransactionEvent", Set.of("bizTransactionList", "parentID", "epcList", "quantityList", "action", "bizStep",
                    "disposition", "readPoint", "bizLocation", "sourceList", "destinationList", "sensorElementList"),
            "TransformationEvent", Set.of("inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList",
                    "transformationID", "bizStep", "disposition", "persistentDisposition", "readPoint", "bizLocation",
                    "bizTransactionList", "sourceList", "destinationList", "sensorElementList", "ilmd"));
    private static final Set<String> SENSOR_NUMBERS = Set.of("value", "minValue", "maxValue", "meanValue", "sDev", "percRank",
            "percValue");
    private static final Map<String, String> EPC_LISTS = Map.of("epcList", "epc", "childEPCs", "child", "inputEPCList", "input",
            "outputEPCList", "output");
    private static final Map<String, String> QUANTITY_LISTS = Map.of("quantityList", "quantity", "childQuantityList", "child",
            "inputQuantityList", "input", "outputQuantityList", "output");

    /** A field of an event that breaks a rule, with its path inside the event (e.g. {@code quantityList[0].uom}). */
    public record Problem(String field, String detail) {
    }

    private EpcisEvents() {
    }

    /** Every structural problem of one event; empty when it is a valid EPCIS 2.0 event. */
    public static List<Problem> problems(Map<String, Object> event) {
        List<Problem> out = new ArrayList<>();
        Object type = event.get("type");
        if (!(type instanceof String name) || !TYPES.contains(name)) {
            out.add(new Problem("type", "must be one of " + String.join(", ", new java.util.TreeSet<>(TYPES))));
            return out;
        }
        Set<String> fields = FIELDS.get(name);
        for (String field : event.keySet()) {
            if (!COMMON.contains(field) && !fields.contains(field) && !field.contains(":")) {
                out.add(new Problem(field, "is not a field of an " + name + "; an extension needs a namespace prefix (e.g. ex:" + field + ")"));
            }
        }
        time(out, event, "eventTime", true);
        time(out, event, "recordTime", false);
        Object offset = event.get("eventTimeZoneOffset");
        if (!(offset instanceof String text) || !OFFSET.matcher(text).matches()) {
            out.add(new Problem("eventTimeZoneOffset", "is required, as +hh:mm or -hh:mm"));
        }
        uri(out, event, "eventID", false);
        Object action = event.get("action");
        if (name.equals("TransformationEvent")) {
            // a TransformationEvent has no action (the schema does not allow the field)
        } else if (!(action instanceof String a) || !ACTIONS.contains(a)) {
            out.add(new Problem("action", "is required: ADD, OBSERVE or DELETE"));
        }
        vocabulary(out, event, "bizStep", Cbv.BIZ_STEP, BIZ_STEPS);
        vocabulary(out, event, "disposition", Cbv.DISPOSITION, DISPOSITIONS);
        for (String place : List.of("readPoint", "bizLocation")) {
            if (event.containsKey(place)) {
                if (!(event.get(place) instanceof Map<?, ?> m) || !(m.get("id") instanceof String)) {
                    out.add(new Problem(place, "must be an object with a string id"));
                } else {
                    uri(out, cast(m), "id", true, place + ".");
                }
            }
        }
        uri(out, event, "parentID", name.equals("AssociationEvent"));
        uri(out, event, "transformationID", false);
        EPC_LISTS.keySet().forEach(list -> strings(out, event, list));
        QUANTITY_LISTS.keySet().forEach(list -> quantities(out, event, list));
        typedList(out, event, "bizTransactionList", "bizTransaction", false);
        typedList(out, event, "sourceList", "source", true);
        typedList(out, event, "destinationList", "destination", true);
        if (name.equals("TransactionEvent") && !(event.get("bizTransactionList") instanceof List<?> l && !l.isEmpty())) {
            out.add(new Problem("bizTransactionList", "a TransactionEvent needs at least one business transaction"));
        }
        sensors(out, event);
        if (event.containsKey("ilmd")) {
            if (!(event.get("ilmd") instanceof Map<?, ?>)) {
                out.add(new Problem("ilmd", "must be an object"));
            } else if (name.equals("ObjectEvent") && !"ADD".equals(action)) {
                out.add(new Problem("ilmd", "ILMD belongs only to an ObjectEvent with action ADD"));
            }
        }
        if (event.containsKey("errorDeclaration")) {
            if (!(event.get("errorDeclaration") instanceof Map<?, ?> m)) {
                out.add(new Problem("errorDeclaration", "must be an object"));
            } else {
                time(out, cast(m), "declarationTime", true, "errorDeclaration.");
                if (m.get("reason") instanceof String reason && CBV_URI.matcher(reason).matches()) {
                    out.add(new Problem("errorDeclaration.reason", "EPCIS 2.0 JSON names CBV reasons by their short name: write '"
                            + Cbv.ERROR_REASON.shortName(reason) + "'"));
                }
            }
        }
        if (event.containsKey("persistentDisposition") && !(event.get("persistentDisposition") instanceof Map<?, ?>)) {
            out.add(new Problem("persistentDisposition", "must be an object with set and/or unset"));
        }
        return out;
    }

    /** The index rows of a valid event. */
    public static EpcisIndex index(Map<String, Object> event) {
        List<EpcisIndex.Epc> epcs = new ArrayList<>();
        if (event.get("parentID") instanceof String parent) {
            epcs.add(new EpcisIndex.Epc("parent", parent));
        }
        EPC_LISTS.forEach((field, list) -> items(event.get(field)).forEach(epc -> epcs.add(new EpcisIndex.Epc(list, epc.toString()))));
        List<EpcisIndex.Quantity> quantities = new ArrayList<>();
        QUANTITY_LISTS.forEach((field, list) -> items(event.get(field)).forEach(item -> {
            Map<String, Object> q = cast(item);
            quantities.add(new EpcisIndex.Quantity(list, (String) q.get("epcClass"),
                    q.get("quantity") instanceof Number n ? new BigDecimal(n.toString()) : null, (String) q.get("uom")));
        }));
        List<EpcisIndex.Party> parties = new ArrayList<>();
        for (String list : List.of("source", "destination")) {
            items(event.get(list + "List")).forEach(item -> {
                Map<String, Object> p = cast(item);
                parties.add(new EpcisIndex.Party(list, Cbv.SOURCE_DESTINATION_TYPE.shortName((String) p.get("type")), (String) p.get(list)));
            });
        }
        List<EpcisIndex.SensorValue> values = new ArrayList<>();
        items(event.get("sensorElementList")).forEach(element -> items(cast(element).get("sensorReport")).forEach(report -> {
            Map<String, Object> r = cast(report);
            if (r.get("value") instanceof Number n && r.get("uom") instanceof String uom) {
                values.add(new EpcisIndex.SensorValue(sensorType((String) r.get("type")), uom, new BigDecimal(n.toString())));
            }
        }));
        String offset = (String) event.get("eventTimeZoneOffset");
        // bizStep and disposition as sent: the ledger check compares these columns with the hashed content
        return new EpcisIndex((String) event.get("type"), (String) event.get("action"),
                (String) event.get("bizStep"), (String) event.get("disposition"),
                OffsetDateTime.parse((String) event.get("eventTime")), offset, placeId(event.get("readPoint")),
                placeId(event.get("bizLocation")), epcs, quantities, parties, values);
    }

    /** GS1's measurement types by their short name ({@code Temperature}); other types as they are. */
    public static String sensorType(String type) {
        if (type == null) {
            return null;
        }
        for (String prefix : List.of("gs1:", "https://gs1.org/voc/", "http://gs1.org/voc/")) {
            if (type.startsWith(prefix)) {
                return type.substring(prefix.length());
            }
        }
        return type;
    }

    /** The event as the platform keeps it: without a client's recordTime, with its eventID and the document's context. */
    public static Map<String, Object> stored(Map<String, Object> event, String eventId, Object context) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (context != null && !event.containsKey("@context")) {
            out.put("@context", context);
        }
        event.forEach((name, value) -> {
            if (!name.equals("recordTime")) {
                out.put(name, value);
            }
        });
        out.put("eventID", eventId);
        return out;
    }

    private static String placeId(Object place) {
        return place instanceof Map<?, ?> m && m.get("id") instanceof String id ? id : null;
    }

    private static void vocabulary(List<Problem> out, Map<String, Object> event, String field, Cbv cbv, Set<String> known) {
        Object value = event.get(field);
        if (value == null && !event.containsKey(field)) {
            return;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            out.add(new Problem(field, "must be a string"));
        } else if (CBV_URI.matcher(text).matches()) {
            out.add(new Problem(field, "EPCIS 2.0 JSON names CBV values by their short name: write '" + cbv.shortName(text)
                    + "', not '" + text + "'"));
        } else if (text.length() > MAX_URI) {
            out.add(new Problem(field, "must be at most " + MAX_URI + " characters"));
        } else if (!cbv.shortName(text).contains(":") && !known.contains(cbv.shortName(text))) {
            out.add(new Problem(field, "'" + text + "' is not a CBV 2.0 " + field + "; use a CBV name or a URI of your own"));
        }
    }

    private static void time(List<Problem> out, Map<String, Object> object, String field, boolean required) {
        time(out, object, field, required, "");
    }

    private static void time(List<Problem> out, Map<String, Object> object, String field, boolean required, String path) {
        Object value = object.get(field);
        if (value == null && !required && !object.containsKey(field)) {
            return;
        }
        if (!(value instanceof String text)) {
            out.add(new Problem(path + field, "is required, as a date and time with offset like 2026-05-02T08:00:00+08:00"));
            return;
        }
        try {
            OffsetDateTime.parse(text);
            if (!DATE_TIME.matcher(text).matches()) {
                throw new DateTimeParseException("not RFC 3339", text, 0);
            }
        } catch (DateTimeParseException e) {
            out.add(new Problem(path + field, "'" + text + "' is not a date and time with offset like 2026-05-02T08:00:00+08:00"));
        }
    }

    private static void uri(List<Problem> out, Map<String, Object> object, String field, boolean required) {
        uri(out, object, field, required, "");
    }

    private static void uri(List<Problem> out, Map<String, Object> object, String field, boolean required, String path) {
        Object value = object.get(field);
        if (value == null && !required && !object.containsKey(field)) {
            return;
        }
        if (!isUri(value)) {
            out.add(new Problem(path + field, required && value == null ? "is required (a URI)"
                    : "must be a URI of at most " + MAX_URI + " characters"));
        }
    }

    /** Identifiers are indexed: longer ones could not be (and no GS1 identifier comes close). */
    public static final int MAX_URI = 500;

    private static boolean isUri(Object value) {
        return value instanceof String text && text.indexOf(':') > 0 && text.length() <= MAX_URI
                && text.chars().noneMatch(Character::isWhitespace);
    }

    private static void strings(List<Problem> out, Map<String, Object> event, String field) {
        if (!event.containsKey(field)) {
            return;
        }
        if (!(event.get(field) instanceof List<?> list)) {
            out.add(new Problem(field, "must be an array of URIs"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!isUri(list.get(i))) {
                out.add(new Problem(field + "[" + i + "]", "must be a URI"));
            }
        }
    }

    private static void quantities(List<Problem> out, Map<String, Object> event, String field) {
        if (!event.containsKey(field)) {
            return;
        }
        if (!(event.get(field) instanceof List<?> list)) {
            out.add(new Problem(field, "must be an array of quantity elements"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                out.add(new Problem(at, "must be an object with epcClass, quantity and uom"));
                continue;
            }
            for (Object key : m.keySet()) {
                if (!Set.of("epcClass", "quantity", "uom").contains(key)) {
                    out.add(new Problem(at + "." + key, "is not a field of a quantity element"));
                }
            }
            if (!isUri(m.get("epcClass"))) {
                out.add(new Problem(at + ".epcClass", "is required (a URI)"));
            }
            if (m.containsKey("quantity") && !(m.get("quantity") instanceof Number)) {
                out.add(new Problem(at + ".quantity", "must be a number"));
            }
            if (m.containsKey("uom") && !(m.get("uom") instanceof String u && UOM.matcher(u).matches())) {
                out.add(new Problem(at + ".uom", "must be a UN/CEFACT Rec 20 code of 2 or 3 capitals or digits, like KGM"));
            }
        }
    }

    private static void typedList(List<Problem> out, Map<String, Object> event, String field, String element, boolean typeRequired) {
        if (!event.containsKey(field)) {
            return;
        }
        if (!(event.get(field) instanceof List<?> list)) {
            out.add(new Problem(field, "must be an array"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                out.add(new Problem(at, "must be an object"));
                continue;
            }
            if (!isUri(m.get(element))) {
                out.add(new Problem(at + "." + element, "is required (a URI)"));
            }
            if ((typeRequired || m.containsKey("type")) && !(m.get("type") instanceof String t && !t.isBlank())) {
                out.add(new Problem(at + ".type", "is required (a CBV type or a URI)"));
            } else if (m.get("type") instanceof String t && CBV_URI.matcher(t).matches()) {
                out.add(new Problem(at + ".type", "EPCIS 2.0 JSON names CBV types by their short name, not '" + t + "'"));
            }
            for (Object key : m.keySet()) {
                if (!key.equals("type") && !key.equals(element)) {
                    out.add(new Problem(at + "." + key, "is not a field here"));
                }
            }
        }
    }

    private static void sensors(List<Problem> out, Map<String, Object> event) {
        if (!event.containsKey("sensorElementList")) {
            return;
        }
        if (!(event.get("sensorElementList") instanceof List<?> list)) {
            out.add(new Problem("sensorElementList", "must be an array of sensor elements"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "sensorElementList[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> element)) {
                out.add(new Problem(at, "must be an object"));
                continue;
            }
            if (element.containsKey("sensorMetadata")) {
                if (!(element.get("sensorMetadata") instanceof Map<?, ?> metadata)) {
                    out.add(new Problem(at + ".sensorMetadata", "must be an object"));
                } else {
                    for (String t : List.of("time", "startTime", "endTime")) {
                        time(out, cast(metadata), t, false, at + ".sensorMetadata.");
                    }
                }
            }
            if (!(element.get("sensorReport") instanceof List<?> reports)) {
                out.add(new Problem(at + ".sensorReport", "is required (an array of sensor reports)"));
                continue;
            }
            for (int j = 0; j < reports.size(); j++) {
                String r = at + ".sensorReport[" + j + "]";
                if (!(reports.get(j) instanceof Map<?, ?> report)) {
                    out.add(new Problem(r, "must be an object"));
                    continue;
                }
                if (!(report.get("type") instanceof String)) {
                    out.add(new Problem(r + ".type", "is required (a measurement type such as Temperature)"));
                }
                for (String number : SENSOR_NUMBERS) {
                    if (report.containsKey(number) && !(report.get(number) instanceof Number)) {
                        out.add(new Problem(r + "." + number, "must be a number"));
                    }
                }
                if (report.containsKey("booleanValue") && !(report.get("booleanValue") instanceof Boolean)) {
                    out.add(new Problem(r + ".booleanValue", "must be true or false"));
                }
                time(out, cast(report), "time", false, r + ".");
            }
        }
    }

    private static List<?> items(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
