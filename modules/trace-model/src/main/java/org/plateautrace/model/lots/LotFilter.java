package org.plateautrace.model.lots;

import java.time.OffsetDateTime;

/** Which lots to list; every part optional. Harvest times are a half-open range [from, to). */
public record LotFilter(Long partyId, Long productId, Long siteId, String commodity, LotCode lotCode,
                        OffsetDateTime harvestedFrom, OffsetDateTime harvestedTo) {

    public LotFilter forParty(Long visibleParty) {
        return new LotFilter(visibleParty, productId, siteId, commodity, lotCode, harvestedFrom, harvestedTo);
    }
}
