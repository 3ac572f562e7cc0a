package org.plateautrace.model.registry;

import org.plateautrace.model.Invalid;
import org.plateautrace.model.Text;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.coldchain.ColdChainProfile;
import org.plateautrace.model.coldchain.ColdChainProfiles;
import org.plateautrace.model.lots.CommodityProfiles;
import org.plateautrace.model.lots.Unit;

/**
 * A trade item: GTIN, names, commodity, brand (and umbrella brand such as 林芝源), unit it is sold in,
 * and its cold-chain profile (null: the commodity's default, e.g. chilled cuts of pork say chilled_meat).
 */
public record ProductInfo(Gtin gtin, LocalizedName name, String commodity, String brand, String umbrellaBrand, Unit unit,
                          String coldChain) {

    public ProductInfo(Gtin gtin, LocalizedName name, String commodity, String brand, String umbrellaBrand, Unit unit) {
        this(gtin, name, commodity, brand, umbrellaBrand, unit, null);
    }

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
        if (coldChain != null) {
            try {
                ColdChainProfiles.require(coldChain);
            } catch (Invalid e) {
                throw e.at("coldChain");
            }
        }
    }

    /** The cold-chain band the product must stay in. */
    public ColdChainProfile coldChainProfile() {
        return ColdChainProfiles.of(coldChain, commodity);
    }
}
