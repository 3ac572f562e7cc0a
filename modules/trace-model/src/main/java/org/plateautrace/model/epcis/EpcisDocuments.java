package org.plateautrace.model.epcis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plateautrace.model.events.SupplyChainEvent;

/** EPCIS 2.0 documents: the prefixes a captured document declares, writing an {@code EPCISQueryDocument}. */
public final class EpcisDocuments {
    public static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    /** Our extensions' prefix, declared in the context of every document we write. */
    public static final String PREFIX = "pt";

    private EpcisDocuments() {
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
