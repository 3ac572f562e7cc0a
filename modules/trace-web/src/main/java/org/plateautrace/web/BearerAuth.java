package org.plateautrace.web;

import io.vertx.ext.web.RoutingContext;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.service.auth.TokenService;

/** Resolves the bearer token of each API request to its {@link Caller}; without one the request is 401. */
public final class BearerAuth {
    private static final String CALLER = "caller";
    private final TokenService tokens;

    public BearerAuth(TokenService tokens) {
        this.tokens = tokens;
    }

    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        tokens.authenticate(token).onSuccess(caller -> {
            ctx.put(CALLER, caller);
            ctx.next();
        }).onFailure(ctx::fail);
    }

    public static Caller caller(RoutingContext ctx) {
        return ctx.get(CALLER);
    }
}
