package org.plateautrace.model.events;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.plateautrace.model.Sha256;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content hash that names an event when no eventID is given: a pre-hash string of the event's
 * fields in the order of GS1's EPCIS event hash algorithm (CBV 2.0), SHA-256, written as
 * {@code ni:///sha-256;<hex>?ver=CBV2.0}. The same content always gives the same ID, so a retried
 * capture is recognised.
 */
public final class EventHash {
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final String CBV = "https://ref.gs1.org/cbv/";

    private EventHash() {
    }

    public static String of(SupplyChainEvent event) {
        return "ni:///sha-256;" + HexFormat.of().formatHex(Sha256.of(preHash(event))) + "?ver=CBV2.0";
    }

    static String preHash(SupplyChainEvent event) {
        StringBuilder s = new StringBuilder()
                .append("eventType=").append(event.eventType())
                .append("eventTime=").append(UTC_MILLIS.format(event.eventTime().atZoneSameInstant(ZoneOffset.UTC)))
                .append("eventTimeZoneOffset=").append(event.eventTimeZoneOffset());
        if (event.aggregation() != null) {
            s.append("parentID=").append(event.aggregation().parentId());
            s.append("childEPCs");
            event.aggregation().childEpcs().stream().sorted().forEach(epc -> s.append("epc=").append(epc));
            quantities(s, "childQuantityList", event.aggregation().childQuantityList());
        }
        quantities(s, "quantityList", event.quantityList());
        quantities(s, "inputQuantityList", event.inputQuantityList());
        quantities(s, "outputQuantityList", event.outputQuantityList());
        if (event.action() != null) {
            s.append("action=").append(event.action());
        }
        s.append("bizStep=").append(CBV).append("BizStep-").append(event.bizStep());
        if (event.disposition() != null) {
            s.append("disposition=").append(CBV).append("Disp-").append(event.disposition());
        }
        if (event.readPoint() != null) {
            s.append("readPointid=").append(event.readPoint());
        }
        if (event.bizLocation() != null) {
            s.append("bizLocationid=").append(event.bizLocation());
        }
        parties(s, "sourceList", "source", event.sourceList());
        parties(s, "destinationList", "destination", event.destinationList());
        if (!event.ilmd().isEmpty()) {
            s.append("ilmd");
            Map<String, Object> sorted = new TreeMap<>(event.ilmd());
            sorted.forEach((name, value) -> s.append("{").append(SupplyChainEvent.ILMD_NAMESPACE).append("}")
                    .append(name).append("=").append(value));
        }
        if (!event.details().isEmpty()) {
            new TreeMap<>(event.details()).forEach((name, value) -> s.append("{").append(SupplyChainEvent.ILMD_NAMESPACE)
                    .append("}").append(name).append("=").append(value));
        }
        return s.toString();
    }

    private static void quantities(StringBuilder s, String list, java.util.List<QuantityElement> elements) {
        if (elements.isEmpty()) {
            return;
        }
        s.append(list);
        elements.stream()
                .map(q -> "quantityElementepcClass=" + q.epcClass()
                        + (q.quantity() == null ? "" : "quantity=" + q.quantity().stripTrailingZeros().toPlainString())
                        + (q.uom() == null ? "" : "uom=" + q.uom()))
                .sorted()
                .forEach(s::append);
    }

    private static void parties(StringBuilder s, String list, String element, java.util.List<SupplyChainEvent.PartyRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        s.append(list);
        refs.stream().map(ref -> element + "type=" + CBV + "SDT-" + ref.type() + element + "=" + ref.id()).sorted().forEach(s::append);
    }
}
