package org.plateautrace.model.events;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One EPCIS 2.0 event as the platform stores it. {@code bizStep} and {@code disposition} are CBV 2.0
 * short names (e.g. {@code commissioning}, {@code active}); locations and parties are URIs; ILMD keys
 * are our own names within {@link #ILMD_NAMESPACE}; {@code details} holds what our API records beyond
 * EPCIS core fields (sale channel, lab result, recall reason), exported as extensions in that namespace.
 */
public record SupplyChainEvent(String eventType, String action, String bizStep, String disposition,
                               OffsetDateTime eventTime, String readPoint, String bizLocation,
                               List<QuantityElement> quantityList, List<QuantityElement> inputQuantityList,
                               List<QuantityElement> outputQuantityList, List<PartyRef> sourceList,
                               List<PartyRef> destinationList, Map<String, Object> ilmd, Map<String, Object> details,
                               Aggregation aggregation) {
    public static final String ILMD_NAMESPACE = "https://ns.plateautrace.org/epcis/";

    /**
     * What an AggregationEvent packs: the parent (a case or pallet SSCC as a Digital Link), the child
     * EPCs (pack codes, or SSCCs of cases), and the children counted per lot.
     */
    public record Aggregation(String parentId, List<String> childEpcs, List<QuantityElement> childQuantityList) {
        public Aggregation {
            childEpcs = List.copyOf(childEpcs);
            childQuantityList = List.copyOf(childQuantityList);
        }
    }

    /** A source or destination: CBV type ({@code owning_party}, {@code possessing_party}, {@code location}) and URI. */
    public record PartyRef(String type, String id) {
    }

    public SupplyChainEvent {
        quantityList = List.copyOf(quantityList);
        inputQuantityList = inputQuantityList == null ? List.of() : List.copyOf(inputQuantityList);
        outputQuantityList = outputQuantityList == null ? List.of() : List.copyOf(outputQuantityList);
        sourceList = sourceList == null ? List.of() : List.copyOf(sourceList);
        destinationList = destinationList == null ? List.of() : List.copyOf(destinationList);
        ilmd = ilmd == null ? Map.of() : ilmd;
        details = details == null ? Map.of() : details;
    }

    /** An event that packs nothing. */
    public SupplyChainEvent(String eventType, String action, String bizStep, String disposition,
                            OffsetDateTime eventTime, String readPoint, String bizLocation,
                            List<QuantityElement> quantityList, List<QuantityElement> inputQuantityList,
                            List<QuantityElement> outputQuantityList, List<PartyRef> sourceList,
                            List<PartyRef> destinationList, Map<String, Object> ilmd, Map<String, Object> details) {
        this(eventType, action, bizStep, disposition, eventTime, readPoint, bizLocation, quantityList, inputQuantityList,
                outputQuantityList, sourceList, destinationList, ilmd, details, null);
    }

    /** An ObjectEvent with only a quantity list and ILMD (e.g. commissioning). */
    public SupplyChainEvent(String eventType, String action, String bizStep, String disposition,
                            OffsetDateTime eventTime, String readPoint, String bizLocation,
                            List<QuantityElement> quantityList, Map<String, Object> ilmd) {
        this(eventType, action, bizStep, disposition, eventTime, readPoint, bizLocation, quantityList, null, null,
                null, null, ilmd, null);
    }

    public String eventTimeZoneOffset() {
        return eventTime.getOffset().getId().equals("Z") ? "+00:00" : eventTime.getOffset().getId();
    }

    /** Every quantity element of the event with the list it is in: quantity, input, output or child. */
    public Map<String, List<QuantityElement>> quantityLists() {
        Map<String, List<QuantityElement>> lists = new LinkedHashMap<>();
        lists.put("quantity", quantityList);
        lists.put("input", inputQuantityList);
        lists.put("output", outputQuantityList);
        lists.put("child", aggregation == null ? List.of() : aggregation.childQuantityList());
        return lists;
    }
}
