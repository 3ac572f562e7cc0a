package org.plateautrace.service.auth;

import org.plateautrace.service.Refusal.Denied;

/**
 * Who is calling: the platform administrator, a regulator (reads everything, writes nothing), or a
 * party acting on its own data.
 */
public record Caller(long tokenId, Role role, Long partyId, Scope scope) {

    public enum Role { ADMIN, REGULATOR, PARTY }

    /**
     * How far a caller of its role may go: tokens and party administrators {@code MANAGE} (people and tokens
     * too), console operators {@code OPERATE} (the party's data only), viewers only {@code READ}.
     */
    public enum Scope { MANAGE, OPERATE, READ }

    /** A bearer token's caller: full rights of its role. */
    public Caller(long tokenId, Role role, Long partyId) {
        this(tokenId, role, partyId, Scope.MANAGE);
    }

    public boolean readsAll() {
        return role != Role.PARTY;
    }

    public boolean canRead(long ownerPartyId) {
        return readsAll() || partyId == ownerPartyId;
    }

    /** The party on whose behalf a write is made; refuses the administrator and regulators. */
    public long writingParty() {
        if (scope == Scope.READ && role == Role.PARTY) {
            throw new Denied(null, "a viewer reads the party's data and writes nothing");
        }
        return switch (role) {
            case PARTY -> partyId;
            case REGULATOR -> throw new Denied(null, "a regulator's token reads everything and writes nothing");
            case ADMIN -> throw new Denied(null, "the administrator token manages parties; use a party's token to write its data");
        };
    }

    public void requireAdmin() {
        if (role != Role.ADMIN || scope != Scope.MANAGE) {
            throw new Denied(null, "only the platform administrator may do this");
        }
    }

    /** The administrator, or the party itself (e.g. to manage its own tokens). */
    public void requireAdminOr(long ownPartyId) {
        if (role != Role.ADMIN && (partyId == null || partyId != ownPartyId || scope != Scope.MANAGE)) {
            throw new Denied(null, "only the party itself or the administrator may do this");
        }
    }

    /** For lists: the party whose items a caller sees, or null for all; refuses asking for another's. */
    public Long visibleParty(Long requested) {
        if (readsAll()) {
            return requested;
        }
        if (requested != null && !requested.equals(partyId)) {
            throw new Denied("partyId", "a party sees only its own items");
        }
        return partyId;
    }
}
