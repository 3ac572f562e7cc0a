package org.plateautrace.web.lots;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.events.StoredEvent;
import org.plateautrace.model.lots.AttributeSpec;
import org.plateautrace.model.lots.CommodityProfile;
import org.plateautrace.model.lots.Harvest;
import org.plateautrace.model.lots.Lot;
import org.plateautrace.model.lots.Unit;

/** JSON forms of lots, their events and the commodity profiles. */
public final class LotJson {
    private LotJson() {
    }

    public static JsonObject lot(Lot lot, String publicBaseUrl) {
        Harvest harvest = lot.harvest();
        return new JsonObject().put("id", lot.id()).put("partyId", lot.partyId())
                .put("productId", harvest.productId()).put("siteId", harvest.siteId())
                .put("gtin", lot.gtin().value()).put("lotCode", lot.lotCode().value())
                .put("digitalLink", DigitalLink.forLot(publicBaseUrl, lot.gtin(), lot.lotCode()))
                .put("quantity", new JsonObject().put("value", harvest.quantity().value())
                        .put("unit", harvest.quantity().unit().code()))
                .put("harvestedAt", ISO_OFFSET_DATE_TIME.format(harvest.harvestedAt()))
                .put("attributes", new JsonObject(harvest.attributes()))
                .put("createdAt", lot.createdAt().toString());
    }

    /** An event as its EPCIS 2.0 JSON-LD shaped document, with the time it was recorded. */
    public static JsonObject event(StoredEvent stored) {
        return new JsonObject(new java.util.LinkedHashMap<>(stored.document())).put("recordTime", stored.recordTime().toString());
    }

    public static JsonObject commodity(CommodityProfile profile) {
        JsonArray attributes = new JsonArray();
        for (AttributeSpec spec : profile.attributes()) {
            JsonObject attribute = new JsonObject().put("name", spec.name()).put("type", spec.type().code())
                    .put("required", spec.required())
                    .put("label", new JsonObject().put("zh", spec.labelZh()).put("en", spec.labelEn()));
            if (!spec.values().isEmpty()) {
                attribute.put("values", new JsonArray(spec.values()));
            }
            if (!spec.requiredWhen().isEmpty()) {
                attribute.put("requiredWhen", new JsonObject(new java.util.LinkedHashMap<>(spec.requiredWhen())));
            }
            if (spec.min() != null) {
                attribute.put("min", spec.min()).put("max", spec.max());
            }
            attributes.add(attribute);
        }
        return new JsonObject().put("code", profile.code())
                .put("name", new JsonObject().put("zh", profile.nameZh()).put("en", profile.nameEn()))
                .put("units", new JsonArray(profile.units().stream().map(Unit::code).sorted().toList()))
                .put("attributes", attributes)
                .put("processSteps", new JsonArray(profile.processSteps()));
    }
}
