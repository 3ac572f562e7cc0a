package org.plateautrace.model.epcis;

import java.util.Map;
import org.plateautrace.model.ledger.CanonicalJson;

/**
 * A valid captured event as it will be stored: its eventID, its content (the canonical JSON the chain
 * covers), its ILMD as canonical JSON (or null) and its index rows. Kept as text rather than as a map
 * so that a capture of thousands of events holds little more than its documents' size.
 */
public record CapturedEvent(int index, String eventId, String content, String ilmd, EpcisIndex rows) {
    /** The event at position {@code position} of its document, ready to store. */
    public static CapturedEvent of(int position, Map<String, Object> event, Object context, Map<String, String> namespaces) {
        Object given = event.get("eventID");
        String eventId = given instanceof String id ? id : EpcisEventHash.of(event, namespaces);
        Map<String, Object> stored = EpcisEvents.stored(event, eventId, context);
        Object ilmd = stored.get("ilmd");
        return new CapturedEvent(position, eventId, CanonicalJson.write(stored),
                ilmd instanceof Map<?, ?> m ? CanonicalJson.write(m) : null, EpcisEvents.index(event));
    }
}
