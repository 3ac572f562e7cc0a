package org.plateautrace.model.events;

import java.time.Instant;
import java.util.Map;

/** An event as recorded: its EPCIS document (see {@link EventDocument}) and the time the platform recorded it. */
public record StoredEvent(String eventId, Instant recordTime, Map<String, Object> document) {
}
