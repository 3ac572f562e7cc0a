package org.plateautrace.model.registry;

import org.plateautrace.model.Invalid;
import org.plateautrace.model.Text;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.lots.CommodityProfiles;
import org.plateautrace.model.lots.Unit;

/** A trade item: GTIN, names, commodity, brand (and umbrella brand such as 林芝源), unit it is sold in. */
public record ProductInfo(Gtin gtin, LocalizedName name, String commodity, String brand, String umbrellaBrand, Unit unit) {
    public ProductInfo {
        if (gtin == null) {
            throw new Invalid("gtin", "is required");
        }
        if (name == null) {
            throw new Invalid("name", "is required");
        }
        if (commodity == null) {
            throw new Invalid("commodity", "is required");
        }
        try {
            CommodityProfiles.require(commodity);
        } catch (Invalid e) {
            throw e.at("commodity");
        }
        brand = Text.optional("brand", brand, 100);
        umbrellaBrand = Text.optional("umbrellaBrand", umbrellaBrand, 100);
        if (unit == null) {
            throw new Invalid("unit", "is required");
        }
    }
}
