package org.plateautrace.service;

import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.plateautrace.service.auth.TokenService;
import org.plateautrace.service.lots.LotService;
import org.plateautrace.service.registry.RegistryService;
import org.plateautrace.store.Ping;
import org.plateautrace.store.registry.PartyRepository;
import org.plateautrace.store.registry.TokenRepository;

/** Every use case of the platform, wired to one connection pool. */
public record Services(TokenService tokens, RegistryService registry, LotService lots, Ping health) {

    public static Services on(Pool pool, Clock clock) {
        TokenService tokens = new TokenService(pool, new TokenRepository(pool), new PartyRepository(pool));
        return new Services(tokens, new RegistryService(pool, tokens), new LotService(pool, clock), new Ping(pool));
    }
}
