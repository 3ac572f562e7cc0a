package org.plateautrace.service.codes;

import java.time.Instant;
import java.util.List;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.lots.Lot;

/** A batch of pack codes of one lot, with (up to) its first codes for a quick look. */
public record CodeBatch(long id, Lot lot, int count, Instant createdAt, List<DigitalLink> first) {
}
