package org.plateautrace.service;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.plateautrace.model.lots.PackBounds;
import org.plateautrace.service.auth.TokenService;
import org.plateautrace.service.codes.CodeService;
import org.plateautrace.service.epcis.EpcisService;
import org.plateautrace.model.scan.ScanSignals;
import org.plateautrace.service.events.EventService;
import org.plateautrace.service.scan.StoryService;
import org.plateautrace.service.ledger.LedgerService;
import org.plateautrace.service.trace.TraceService;
import org.plateautrace.service.lots.LotService;
import org.plateautrace.service.registry.RegistryService;
import org.plateautrace.store.Ping;
import org.plateautrace.store.registry.PartyRepository;
import org.plateautrace.store.registry.TokenRepository;
import org.plateautrace.store.users.UserRepository;
import org.plateautrace.service.users.UserService;
import org.plateautrace.service.console.ConsoleService;
import org.plateautrace.store.console.ConsoleRepository;
import org.plateautrace.store.trace.TraceRepository;

/** Every use case of the platform, wired to one connection pool. */
public record Services(TokenService tokens, RegistryService registry, LotService lots, CodeService codes, EventService events,
                       TraceService traces, LedgerService ledger, StoryService stories, Ping health,
                       EpcisService epcis, UserService users, ConsoleService console) {

    /**
     * @param publicBaseUrl base of the Digital Links printed on labels
     * @param packBounds    how many pack codes a unit of a lot may carry
     */
    public static Services on(Vertx vertx, Pool pool, Clock clock, String publicBaseUrl, PackBounds packBounds) {
        TokenService tokens = new TokenService(pool, new TokenRepository(pool), new PartyRepository(pool));
        LotService lots = new LotService(pool, clock);
        return new Services(tokens, new RegistryService(pool, tokens), lots,
                new CodeService(vertx, pool, lots, packBounds, publicBaseUrl), new EventService(vertx, pool, clock), new TraceService(pool, clock, lots),
                new LedgerService(pool), new StoryService(pool, ScanSignals.DEFAULT, lots), new Ping(pool),
                new EpcisService(vertx, pool), new UserService(vertx, new UserRepository(pool), new PartyRepository(pool), clock),
                new ConsoleService(new ConsoleRepository(pool), new TraceRepository(pool), lots, clock, ScanSignals.DEFAULT));
    }
}
