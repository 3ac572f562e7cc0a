package org.plateautrace.model.epcis;

import java.util.Map;

/** A valid captured event as it will be stored: its eventID, its document (the content the chain covers) and its index rows. */
public record CapturedEvent(int index, String eventId, Map<String, Object> document, EpcisIndex rows) {
    /** The event at position {@code position} of its document, ready to store. */
    public static CapturedEvent of(int position, Map<String, Object> event, Object context, Map<String, String> namespaces) {
        Object given = event.get("eventID");
        String eventId = given instanceof String id ? id : EpcisEventHash.of(event, namespaces);
        return new CapturedEvent(position, eventId, EpcisEvents.stored(event, eventId, context), EpcisEvents.index(event));
    }
}
