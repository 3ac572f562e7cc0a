package org.plateautrace.model.lots;

import java.time.Instant;
import org.plateautrace.model.codes.Gtin;

/** A registered traceability lot (批次). */
public record Lot(long id, long partyId, Gtin gtin, LotCode lotCode, Harvest harvest, Instant createdAt) {
}
