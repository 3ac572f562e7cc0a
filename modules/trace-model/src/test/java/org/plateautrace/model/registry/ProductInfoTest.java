package org.plateautrace.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.lots.Unit;

class ProductInfoTest {
    private static final Gtin GTIN = Gtin.parse("2000000000008");
    private static final LocalizedName NAME = new LocalizedName("林芝红茶", "Nyingchi black tea", null);

    @Test
    void acceptsProductAndTrimsBrands() {
        ProductInfo info = new ProductInfo(GTIN, NAME, "tea", " 雪域茶 ", " 林芝源 ", Unit.KG);
        assertEquals("雪域茶", info.brand());
        assertEquals("林芝源", info.umbrellaBrand());
        assertEquals("tea", info.commodity());
    }

    @Test
    void brandsAreOptional() {
        ProductInfo info = new ProductInfo(GTIN, NAME, "yak", null, "", Unit.HEAD);
        assertNull(info.brand());
        assertNull(info.umbrellaBrand());
    }

    @Test
    void refusesUnknownCommodityNamingTheField() {
        assertInvalid("commodity", "unknown commodity 'coffee'", () -> new ProductInfo(GTIN, NAME, "coffee", null, null, Unit.KG));
    }

    @Test
    void refusesMissingCommodity() {
        assertInvalid("commodity", "is required", () -> new ProductInfo(GTIN, NAME, null, null, null, Unit.KG));
    }

    @Test
    void refusesMissingGtin() {
        assertInvalid("gtin", "is required", () -> new ProductInfo(null, NAME, "tea", null, null, Unit.KG));
    }

    @Test
    void refusesMissingName() {
        assertInvalid("name", "is required", () -> new ProductInfo(GTIN, null, "tea", null, null, Unit.KG));
    }

    @Test
    void refusesMissingUnit() {
        assertInvalid("unit", "is required", () -> new ProductInfo(GTIN, NAME, "tea", null, null, null));
    }

    @Test
    void refusesTooLongBrand() {
        assertInvalid("brand", "longer than 100", () -> new ProductInfo(GTIN, NAME, "tea", "b".repeat(101), null, Unit.KG));
    }
}
