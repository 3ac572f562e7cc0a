package org.plateautrace.service.auth;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.plateautrace.model.Text;
import org.plateautrace.service.Refusal.NotFound;
import org.plateautrace.service.Refusal.Unauthenticated;
import org.plateautrace.store.registry.PartyRepository;
import org.plateautrace.store.registry.TokenRepository;
import org.plateautrace.store.registry.TokenRepository.TokenInfo;
import io.vertx.sqlclient.Pool;

/** Issues, checks and revokes bearer tokens. */
public final class TokenService {

    /** A freshly issued token: the secret is in {@code token} and nowhere else. */
    public record IssuedToken(long id, String token, String label) {
    }

    private final Pool pool;
    private final TokenRepository tokens;
    private final PartyRepository parties;

    public TokenService(Pool pool, TokenRepository tokens, PartyRepository parties) {
        this.pool = pool;
        this.tokens = tokens;
        this.parties = parties;
    }

    public Future<Caller> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Future.failedFuture(new Unauthenticated("send a bearer token: Authorization: Bearer <token>"));
        }
        return tokens.findActive(Tokens.hash(token)).map(owner -> owner
                .map(o -> new Caller(o.tokenId(), o.partyId() == null ? Caller.Role.ADMIN
                        : "regulator".equals(o.partyKind()) ? Caller.Role.REGULATOR : Caller.Role.PARTY, o.partyId()))
                .orElseThrow(() -> new Unauthenticated("the bearer token is unknown or revoked")));
    }

    public Future<IssuedToken> issue(Caller caller, long partyId, String label) {
        caller.requireAdminOr(partyId);
        String cleanLabel = Text.optional("label", label, 100);
        return parties.find(partyId)
                .compose(party -> party.isPresent() ? issue(pool, partyId, cleanLabel)
                        : Future.failedFuture(new NotFound("no party " + partyId)));
    }

    /** Issues a token inside the caller's transaction (used when a party is created). */
    public Future<IssuedToken> issue(io.vertx.sqlclient.SqlClient tx, Long partyId, String label) {
        String token = Tokens.generate();
        return tokens.insert(tx, partyId, Tokens.hash(token), label)
                .map(info -> new IssuedToken(info.id(), token, info.label()));
    }

    public Future<List<TokenInfo>> list(Caller caller, long partyId) {
        caller.requireAdminOr(partyId);
        return tokens.listForParty(partyId);
    }

    public Future<Void> revoke(Caller caller, long partyId, long tokenId) {
        caller.requireAdminOr(partyId);
        return tokens.revoke(partyId, tokenId).compose(revoked -> revoked ? Future.<Void>succeededFuture()
                : Future.failedFuture(new NotFound("party " + partyId + " has no active token " + tokenId)));
    }

    /**
     * Makes sure an administrator token exists. A configured token is registered (by its hash);
     * with none configured and none stored, one is generated and returned so it can be shown once.
     */
    public Future<Optional<String>> bootstrapAdmin(String configuredToken) {
        if (configuredToken != null && !configuredToken.isBlank()) {
            return tokens.findActive(Tokens.hash(configuredToken)).compose(found -> found.isPresent()
                    ? Future.succeededFuture(Optional.empty())
                    : tokens.insert(pool, null, Tokens.hash(configuredToken), "configured administrator token")
                        .map(info -> Optional.<String>empty()));
        }
        return tokens.adminTokenExists().compose(exists -> exists ? Future.succeededFuture(Optional.<String>empty())
                : issue(pool, null, "generated administrator token").map(issued -> Optional.of(issued.token())));
    }
}
