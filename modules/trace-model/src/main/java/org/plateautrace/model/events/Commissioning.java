package org.plateautrace.model.events;

import java.util.List;
import java.util.Map;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.lots.Harvest;
import org.plateautrace.model.lots.Lot;

/**
 * A harvest in EPCIS terms: CBV has no "harvesting", so it is an ObjectEvent ADD with bizStep
 * commissioning at the farm site, the lot as a quantity, and the harvest attributes as ILMD.
 */
public final class Commissioning {
    private Commissioning() {
    }

    public static SupplyChainEvent of(Lot lot) {
        Harvest harvest = lot.harvest();
        String site = siteUri(harvest.siteId());
        return new SupplyChainEvent("ObjectEvent", "ADD", "commissioning", "active", harvest.harvestedAt(),
                site, site,
                List.of(new QuantityElement(lotClass(lot), harvest.quantity().value(), harvest.quantity().unit().uom())),
                ilmd(harvest));
    }

    /** The lot as an EPCIS class identifier: its GS1 Digital Link on the canonical id.gs1.org domain. */
    public static String lotClass(Lot lot) {
        return DigitalLink.forLot(DigitalLink.CANONICAL_BASE, lot.gtin(), lot.lotCode());
    }

    /** Sites have no GLN yet, so they are named by a stable URN of the platform. */
    public static String siteUri(long siteId) {
        return "urn:plateautrace:site:" + siteId;
    }

    private static Map<String, Object> ilmd(Harvest harvest) {
        var ilmd = new java.util.LinkedHashMap<String, Object>();
        ilmd.put("harvestDate", harvest.harvestedAt().toLocalDate().toString());
        harvest.attributes().forEach((name, value) -> ilmd.put(name, value instanceof java.math.BigDecimal d ? d.toPlainString() : value));
        return ilmd;
    }
}
