package org.plateautrace.web.console;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.plateautrace.service.Refusal.Denied;
import org.plateautrace.service.users.ConsoleSession;
import org.plateautrace.service.users.UserService;

/**
 * The console's session cookie: HttpOnly, SameSite=Strict, Secure behind HTTPS, holding a session token the
 * server keeps only as a hash. Against cross-site request forgery, every state-changing request made with the
 * cookie must also carry {@code X-Plateau-Console: 1}, which a page of another site cannot add.
 */
public final class SessionCookie {
    public static final String NAME = "plateau_session";
    public static final String CSRF_HEADER = "X-Plateau-Console";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String SESSION = "consoleSession";

    private final UserService users;

    public SessionCookie(UserService users) {
        this.users = users;
    }

    public boolean present(RoutingContext ctx) {
        return token(ctx) != null;
    }

    /** The session of the request's cookie; refuses a state-changing request without the console header. */
    public Future<ConsoleSession> authenticate(RoutingContext ctx) {
        try {
            requireConsoleHeader(ctx);
        } catch (Denied denied) {
            return Future.failedFuture(denied);
        }
        return users.authenticate(token(ctx)).onSuccess(session -> ctx.put(SESSION, session));
    }

    /** The session the request was authenticated with, or null (a bearer token). */
    public static ConsoleSession session(RoutingContext ctx) {
        return ctx.get(SESSION);
    }

    public static String token(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(NAME);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    public static void requireConsoleHeader(RoutingContext ctx) {
        if (!SAFE.contains(ctx.request().method()) && !"1".equals(ctx.request().getHeader(CSRF_HEADER))) {
            throw new Denied(CSRF_HEADER, "a request signed in by the console's cookie must send the header "
                    + CSRF_HEADER + ": 1");
        }
    }

    public static void set(RoutingContext ctx, ConsoleSession session) {
        ctx.response().addCookie(cookie(ctx, session.token())
                .setMaxAge(java.time.Duration.between(java.time.Instant.now(), session.expiresAt()).toSeconds()));
    }

    public static void clear(RoutingContext ctx) {
        ctx.response().addCookie(cookie(ctx, "").setMaxAge(0));
    }

    private static Cookie cookie(RoutingContext ctx, String value) {
        boolean https = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(https);
    }
}
