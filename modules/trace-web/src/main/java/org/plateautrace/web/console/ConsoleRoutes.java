package org.plateautrace.web.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.plateautrace.model.Codes;
import org.plateautrace.model.codes.Sscc;
import org.plateautrace.model.users.NewUser;
import org.plateautrace.model.users.UserRole;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.service.console.ConsoleService;
import org.plateautrace.service.users.ConsoleSession;
import org.plateautrace.service.users.SignInRefused;
import org.plateautrace.service.users.User;
import org.plateautrace.service.users.UserService;
import org.plateautrace.web.ClientAddress;
import org.plateautrace.web.JsonInput;
import org.plateautrace.web.PathIds;
import org.plateautrace.web.Problems;
import org.plateautrace.web.QueryParams;
import org.plateautrace.web.Replies;

import static org.plateautrace.web.BearerAuth.caller;

/** /api/v1 sign-in, the current session, sign-out, the people of the console, and the read models of its screens. */
public final class ConsoleRoutes {
    private final UserService users;
    private final ConsoleService console;

    public ConsoleRoutes(UserService users, ConsoleService console) {
        this.users = users;
        this.console = console;
    }

    /** The routes a caller reaches before being signed in (mount before the authentication handler). */
    public void mountSignIn(Router api) {
        api.post("/session").handler(this::signIn);
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.get("/session").handler(this::current);
        router.delete("/session").handler(this::signOut);
        router.post("/users").handler(this::createUser);
        router.get("/users").handler(this::listUsers);
        router.get("/holdings").handler(ctx -> {
            QueryParams.of(ctx);
            items(ctx, console.holdings(caller(ctx)));
        });
        router.get("/shipments").handler(ctx -> items(ctx, console.shipments(caller(ctx), direction(ctx))));
        router.get("/lots/:id/packing").handler(ctx -> {
            QueryParams query = QueryParams.of(ctx, "next", "sscc");
            Long next = query.id("next");
            Sscc sscc = query.parsed("sscc", Sscc::new);
            Replies.ok(ctx, console.packing(caller(ctx), PathIds.id(ctx, "id"), next == null ? 0 : next,
                    sscc == null ? null : sscc.value()), packing -> packing);
        });
        router.get("/dashboard").handler(ctx -> {
            QueryParams.of(ctx);
            Replies.ok(ctx, console.dashboard(caller(ctx)), dashboard -> dashboard);
        });
        return router;
    }

    private void signIn(RoutingContext ctx) {
        SessionCookie.requireConsoleHeader(ctx);
        JsonInput body = JsonInput.body(ctx, Set.of("login", "password"));
        String login = body.string("login", true);
        String password = body.string("password", true);
        users.signIn(login, password, ClientAddress.of(ctx)).onSuccess(session -> {
            SessionCookie.set(ctx, session);
            ctx.response().putHeader("Cache-Control", "no-store");
            Replies.send(ctx, 201, session(session));
        }).onFailure(error -> {
            if (error instanceof SignInRefused refused && refused.lockedUntil() != null) {
                long seconds = Math.max(1, Duration.between(Instant.now(), refused.lockedUntil()).toSeconds());
                ctx.response().putHeader("Retry-After", Long.toString(seconds));
                Problems.send(ctx, 429, "locked", "Too many wrong sign-ins", refused.getMessage(), "password",
                        new JsonObject().put("retryAfter", seconds));
            } else if (error instanceof SignInRefused refused) {
                Problems.send(ctx, 401, "sign-in-failed", "Sign-in failed", refused.getMessage(), "password", new JsonObject());
            } else {
                ctx.fail(error);
            }
        });
    }

    private void current(RoutingContext ctx) {
        ConsoleSession session = SessionCookie.session(ctx);
        ctx.response().putHeader("Cache-Control", "no-store");
        Replies.send(ctx, 200, session == null ? new JsonObject().putNull("user").putNull("expiresAt")
                .put("caller", callerJson(caller(ctx))) : session(session));
    }

    private void signOut(RoutingContext ctx) {
        users.signOut(SessionCookie.token(ctx)).onSuccess(done -> {
            SessionCookie.clear(ctx);
            ctx.response().setStatusCode(204).end();
        }).onFailure(ctx::fail);
    }

    private void createUser(RoutingContext ctx) {
        JsonInput body = JsonInput.body(ctx, Set.of("login", "name", "role", "partyId", "password"));
        NewUser user = body.build(() -> new NewUser(body.string("login", true), body.string("name", true),
                body.code("role", UserRole.class, "user role"), body.id("partyId", false), body.string("password", true)));
        Replies.created(ctx, users.create(caller(ctx), user), ConsoleRoutes::user);
    }

    private void listUsers(RoutingContext ctx) {
        QueryParams query = QueryParams.of(ctx, "partyId");
        users.list(caller(ctx), query.id("partyId")).onSuccess(list -> {
            JsonArray items = new JsonArray();
            list.forEach(user -> items.add(user(user)));
            Replies.send(ctx, 200, new JsonObject().put("items", items));
        }).onFailure(ctx::fail);
    }

    private static ConsoleService.Direction direction(RoutingContext ctx) {
        ConsoleService.Direction direction = QueryParams.of(ctx, "direction").code("direction", ConsoleService.Direction.class, "direction");
        if (direction == null) {
            throw new org.plateautrace.model.Invalid("direction", "is required: incoming, outgoing or carried");
        }
        return direction;
    }

    private static void items(RoutingContext ctx, io.vertx.core.Future<java.util.List<JsonObject>> rows) {
        rows.onSuccess(list -> Replies.send(ctx, 200, new JsonObject().put("items", new JsonArray(list)))).onFailure(ctx::fail);
    }

    private static JsonObject session(ConsoleSession session) {
        return new JsonObject().put("user", user(session.user())).put("expiresAt", session.expiresAt().toString())
                .put("caller", callerJson(session.caller()));
    }

    static JsonObject user(User user) {
        return new JsonObject().put("id", user.id()).put("login", user.login()).put("name", user.name())
                .put("role", Codes.of(user.role())).put("partyId", user.partyId()).put("partyName", user.partyName())
                .put("partyKind", user.partyKind()).put("createdAt", user.createdAt().toString());
    }

    private static JsonObject callerJson(Caller caller) {
        return new JsonObject().put("role", Codes.of(caller.role())).put("partyId", caller.partyId())
                .put("scope", Codes.of(caller.scope()));
    }
}
