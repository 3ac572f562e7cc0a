package org.plateautrace.model.events;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plateautrace.model.events.SupplyChainEvent.PartyRef;

/**
 * An event as an EPCIS 2.0 JSON-LD shaped tree (CBV short names for bizStep and disposition, our
 * extensions under the {@code pt:} prefix). Its canonical text is what the hash chain covers.
 */
public final class EventDocument {
    private EventDocument() {
    }

    public static Map<String, Object> of(String eventId, SupplyChainEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", event.eventType());
        json.put("eventID", eventId);
        json.put("eventTime", ISO_OFFSET_DATE_TIME.format(event.eventTime()));
        json.put("eventTimeZoneOffset", event.eventTimeZoneOffset());
        json.put("action", event.action());
        json.put("bizStep", event.bizStep());
        json.put("disposition", event.disposition());
        if (event.readPoint() != null) {
            json.put("readPoint", Map.of("id", event.readPoint()));
        }
        if (event.bizLocation() != null) {
            json.put("bizLocation", Map.of("id", event.bizLocation()));
        }
        if (event.aggregation() != null) {
            json.put("parentID", event.aggregation().parentId());
            json.put("childEPCs", event.aggregation().childEpcs());
            quantities(json, "childQuantityList", event.aggregation().childQuantityList());
        }
        quantities(json, "quantityList", event.quantityList());
        quantities(json, "inputQuantityList", event.inputQuantityList());
        quantities(json, "outputQuantityList", event.outputQuantityList());
        parties(json, "sourceList", "source", event.sourceList());
        parties(json, "destinationList", "destination", event.destinationList());
        if (!event.ilmd().isEmpty()) {
            json.put("ilmd", prefixed(event.ilmd()));
        }
        prefixed(event.details()).forEach(json::put);
        return json;
    }

    /** The text the hash chain covers: the document with sorted keys and no whitespace. */
    public static String canonical(String eventId, SupplyChainEvent event) {
        return org.plateautrace.model.ledger.CanonicalJson.write(of(eventId, event));
    }

    private static void quantities(Map<String, Object> json, String name, List<QuantityElement> elements) {
        if (elements.isEmpty()) {
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (QuantityElement q : elements) {
            Map<String, Object> element = new LinkedHashMap<>();
            element.put("epcClass", q.epcClass());
            if (q.quantity() != null) {
                element.put("quantity", q.quantity());
                element.put("uom", q.uom());
            }
            list.add(element);
        }
        json.put(name, list);
    }

    private static void parties(Map<String, Object> json, String name, String key, List<PartyRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (PartyRef ref : refs) {
            list.add(Map.of("type", ref.type(), key, ref.id()));
        }
        json.put(name, list);
    }

    private static Map<String, Object> prefixed(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((name, value) -> out.put("pt:" + name, value));
        return out;
    }
}
