package org.plateautrace.web;

import io.vertx.ext.web.RoutingContext;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.service.auth.TokenService;
import org.plateautrace.web.console.SessionCookie;

/**
 * Resolves the bearer token of each API request to its {@link Caller}; without one the request is 401.
 * With a {@link SessionCookie} (the operator console), a request without an {@code Authorization} header may
 * come with the console's session cookie instead.
 */
public final class BearerAuth {
    private static final String CALLER = "caller";
    private final TokenService tokens;
    private final SessionCookie sessions;

    public BearerAuth(TokenService tokens) {
        this(tokens, null);
    }

    public BearerAuth(TokenService tokens, SessionCookie sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null && sessions != null && sessions.present(ctx)) {
            sessions.authenticate(ctx).onSuccess(session -> {
                ctx.put(CALLER, session.caller());
                ctx.next();
            }).onFailure(ctx::fail);
            return;
        }
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
