package org.plateautrace.model.epcis;

import java.util.Map;
import org.plateautrace.model.ledger.CanonicalJson;

/**
 * A valid captured event as it will be stored: its eventID, its content (the canonical JSON the chain
 * covers), its ILMD as canonical JSON (or null) and its index rows. Kept as text rather than as a map
 * so that a chunk of a capture holds little more than its part of the document.
 */
public record CapturedEvent(int index, String eventId, String content, String ilmd, EpcisIndex rows) {
    /** The event at position {@code position} of its document, ready to store. */
    public static CapturedEvent of(int position, Map<String, Object> event, Object context, Map<String, String> namespaces) {
        String eventId = eventId(event, namespaces);
        Map<String, Object> stored = EpcisEvents.stored(event, eventId, context);
        Object ilmd = stored.get("ilmd");
        return new CapturedEvent(position, eventId, CanonicalJson.write(stored),
                ilmd instanceof Map<?, ?> m ? CanonicalJson.write(m) : null, EpcisEvents.index(event));
    }

    /** The event's eventID: as sent, else its GS1 event hash. */
    public static String eventId(Map<String, Object> event, Map<String, String> namespaces) {
        return event.get("eventID") instanceof String given ? given : EpcisEventHash.of(event, namespaces);
    }
}
