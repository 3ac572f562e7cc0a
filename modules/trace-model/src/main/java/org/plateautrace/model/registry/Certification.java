package org.plateautrace.model.registry;

/** A recorded certificate; {@code ownerPartyId} is the party that recorded it and may change it. */
public record Certification(long id, long ownerPartyId, CertificationInfo info) {
}
