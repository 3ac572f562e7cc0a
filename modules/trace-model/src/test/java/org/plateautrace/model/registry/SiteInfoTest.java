package org.plateautrace.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;

class SiteInfoTest {

    private static SiteInfo site(Double latitude, Double longitude) {
        return new SiteInfo(SiteKind.FARM_BASE, "易贡茶场", "波密县", "易贡乡", latitude, longitude);
    }

    @Test
    void acceptsPlateauCoordinates() {
        SiteInfo info = site(30.2, 94.9);
        assertEquals(30.2, info.latitude());
        assertEquals(94.9, info.longitude());
    }

    @Test
    void acceptsNoCoordinates() {
        SiteInfo info = site(null, null);
        assertNull(info.latitude());
        assertNull(info.longitude());
    }

    @Test
    void acceptsCoordinateBounds() {
        site(90.0, 180.0);
        site(-90.0, -180.0);
    }

    @Test
    void refusesLatitudeWithoutLongitude() {
        assertInvalid("longitude", "coordinates come as a pair", () -> site(30.2, null));
    }

    @Test
    void refusesLongitudeWithoutLatitude() {
        assertInvalid("latitude", "coordinates come as a pair", () -> site(null, 94.9));
    }

    @Test
    void refusesLatitudeOutOfRange() {
        assertInvalid("latitude", "between -90 and 90", () -> site(90.0001, 94.9));
        assertInvalid("latitude", "between -90 and 90", () -> site(-91.0, 94.9));
    }

    @Test
    void refusesLongitudeOutOfRange() {
        assertInvalid("longitude", "between -180 and 180", () -> site(30.2, 180.5));
        assertInvalid("longitude", "between -180 and 180", () -> site(30.2, -181.0));
    }

    @Test
    void refusesBlankName() {
        assertInvalid("name", "is required", () -> new SiteInfo(SiteKind.SHOP, " ", "巴宜区", null, null, null));
    }

    @Test
    void refusesMissingCounty() {
        assertInvalid("county", "is required", () -> new SiteInfo(SiteKind.SHOP, "店", null, null, null, null));
    }

    @Test
    void refusesMissingKind() {
        assertInvalid("kind", "is required", () -> new SiteInfo(null, "店", "巴宜区", null, null, null));
    }

    @Test
    void refusesControlCharacterInTownship() {
        assertInvalid("township", "control characters", () -> new SiteInfo(SiteKind.SHOP, "店", "巴宜区", "八一\t镇", null, null));
    }
}
