package org.plateautrace.model.events;

import java.time.Instant;

/** An event as recorded: its eventID and the time the platform recorded it. */
public record StoredEvent(String eventId, Instant recordTime, SupplyChainEvent event) {
}
