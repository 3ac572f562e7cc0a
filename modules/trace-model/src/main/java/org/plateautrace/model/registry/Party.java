package org.plateautrace.model.registry;

import java.time.Instant;

public record Party(long id, PartyInfo info, Instant createdAt) {
}
