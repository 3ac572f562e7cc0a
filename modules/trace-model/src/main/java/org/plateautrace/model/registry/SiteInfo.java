package org.plateautrace.model.registry;

import org.plateautrace.model.Invalid;
import org.plateautrace.model.Text;

/** A place of a party: kind, name, county/township and optional WGS-84 coordinates. */
public record SiteInfo(SiteKind kind, String name, String county, String township, Double latitude, Double longitude) {
    public SiteInfo {
        if (kind == null) {
            throw new Invalid("kind", "is required");
        }
        name = Text.required("name", name, 200);
        county = Text.required("county", county, 100);
        township = Text.optional("township", township, 100);
        if ((latitude == null) != (longitude == null)) {
            throw new Invalid(latitude == null ? "latitude" : "longitude", "coordinates come as a pair");
        }
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            throw new Invalid("latitude", "must be between -90 and 90");
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            throw new Invalid("longitude", "must be between -180 and 180");
        }
    }
}
