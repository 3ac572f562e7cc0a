package org.plateautrace.model.registry;

public record Site(long id, long partyId, SiteInfo info) {
}
