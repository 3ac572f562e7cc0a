package org.plateautrace.model.lots;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.plateautrace.model.Invalid;

/** A harvest being registered: which product from which site, how much, when, and the commodity's attributes. */
public record Harvest(long productId, long siteId, Quantity quantity, OffsetDateTime harvestedAt,
                      Map<String, Object> attributes, LotCode lotCode) {
    /** Clocks in the field are not exact: a harvest may be stamped this far ahead of the server's clock. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);

    public Harvest {
        if (quantity == null) {
            throw new Invalid("quantity", "is required");
        }
        if (harvestedAt == null) {
            throw new Invalid("harvestedAt", "is required");
        }
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** Applies the commodity's rules and the clock; answers the harvest with normalised attributes. */
    public Harvest checkedAgainst(CommodityProfile profile, Instant now) {
        profile.requireUnit(quantity.unit());
        if (harvestedAt.toInstant().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new Invalid("harvestedAt", "is in the future");
        }
        if (harvestedAt.getYear() < 2000) {
            throw new Invalid("harvestedAt", "is before the year 2000");
        }
        return new Harvest(productId, siteId, quantity, harvestedAt, profile.validate(attributes), lotCode);
    }
}
