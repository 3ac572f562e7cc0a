package org.plateautrace.model.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One EPCIS 2.0 event as the platform stores it. {@code bizStep} and {@code disposition} are CBV 2.0
 * short names (e.g. {@code commissioning}, {@code active}); locations are URIs; ILMD keys are our own
 * names within {@link #ILMD_NAMESPACE}.
 */
public record SupplyChainEvent(String eventType, String action, String bizStep, String disposition,
                               OffsetDateTime eventTime, String readPoint, String bizLocation,
                               List<QuantityElement> quantityList, Map<String, Object> ilmd) {
    public static final String ILMD_NAMESPACE = "https://ns.plateautrace.org/epcis/";

    public SupplyChainEvent {
        quantityList = List.copyOf(quantityList);
        ilmd = ilmd == null ? Map.of() : ilmd;
    }

    public String eventTimeZoneOffset() {
        return eventTime.getOffset().getId().equals("Z") ? "+00:00" : eventTime.getOffset().getId();
    }
}
