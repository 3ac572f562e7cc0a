package org.plateautrace.model.epcis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.events.SupplyChainEvent;

/** EPCIS 2.0 documents: reading a captured {@code EPCISDocument}, writing an {@code EPCISQueryDocument}. */
public final class EpcisDocuments {
    public static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    /** Our extensions' prefix, declared in the context of every document we write. */
    public static final String PREFIX = "pt";

    /** A captured document: its {@code @context} (kept with each event), its CURIE prefixes and its events. */
    public record Capture(Object context, Map<String, String> namespaces, List<Map<String, Object>> events) {
    }

    private EpcisDocuments() {
    }

    /**
     * Reads an EPCISDocument (an EPCISQueryDocument is accepted too, so data can move between repositories).
     * Refuses what is not such a document, naming the field; the events themselves are checked one by one later.
     */
    @SuppressWarnings("unchecked")
    public static Capture read(Object document) {
        if (!(document instanceof Map<?, ?> doc)) {
            throw new Invalid(null, "the body must be an EPCIS document (a JSON object)");
        }
        Object type = doc.get("type");
        if (!"EPCISDocument".equals(type) && !"EPCISQueryDocument".equals(type)) {
            throw new Invalid("type", "must be EPCISDocument");
        }
        if (!(doc.get("epcisBody") instanceof Map<?, ?> body)) {
            throw new Invalid("epcisBody", "is required (an object with an eventList)");
        }
        Object list = body.get("eventList");
        String at = "epcisBody.eventList";
        if ("EPCISQueryDocument".equals(type)) {
            list = body.get("queryResults") instanceof Map<?, ?> results && results.get("resultsBody") instanceof Map<?, ?> rb
                    ? rb.get("eventList") : null;
            at = "epcisBody.queryResults.resultsBody.eventList";
        }
        if (!(list instanceof List<?> events)) {
            throw new Invalid(at, "is required (an array of events)");
        }
        List<Map<String, Object>> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof Map<?, ?> event)) {
                throw new Invalid(at + "[" + i + "]", "must be an event (a JSON object)");
            }
            out.add((Map<String, Object>) event);
        }
        Object context = doc.get("@context");
        return new Capture(context, namespaces(context), out);
    }

    /** The CURIE prefixes a context declares (the objects in it; remote contexts are not fetched). */
    public static Map<String, String> namespaces(Object context) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("gs1", "https://gs1.org/voc/");
        out.put("cbv", Cbv.WEB);
        out.put(PREFIX, SupplyChainEvent.ILMD_NAMESPACE);
        List<?> parts = context instanceof List<?> list ? list : context == null ? List.of() : List.of(context);
        for (Object part : parts) {
            if (part instanceof Map<?, ?> map) {
                map.forEach((name, value) -> {
                    if (value instanceof String uri) {
                        out.put(name.toString(), uri);
                    }
                });
            }
        }
        return out;
    }

    /** The context of every document we write: GS1's EPCIS context and our prefix. */
    public static List<Object> context() {
        return List.of(EPCIS_CONTEXT, Map.of(PREFIX, SupplyChainEvent.ILMD_NAMESPACE));
    }

    /** An EPCISQueryDocument of a SimpleEventQuery holding these events. */
    public static Map<String, Object> queryDocument(List<Map<String, Object>> events, Instant created) {
        Map<String, Object> resultsBody = new LinkedHashMap<>();
        resultsBody.put("eventList", events);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("queryName", "SimpleEventQuery");
        results.put("resultsBody", resultsBody);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", context());
        doc.put("type", "EPCISQueryDocument");
        doc.put("schemaVersion", "2.0");
        doc.put("creationDate", created.toString());
        doc.put("epcisBody", Map.of("queryResults", results));
        return doc;
    }

    /** A stored event as exported: its document with the time the platform recorded it. */
    public static Map<String, Object> exported(Map<String, Object> document, Instant recordTime) {
        Map<String, Object> out = new LinkedHashMap<>(document);
        out.put("recordTime", recordTime.toString());
        return out;
    }
}
