package org.plateautrace.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.plateautrace.model.lots.CommodityProfiles;
import org.plateautrace.service.Services;
import org.plateautrace.web.codes.CodeRoutes;
import org.plateautrace.web.console.ConsoleAssets;
import org.plateautrace.web.console.ConsoleRoutes;
import org.plateautrace.web.console.SessionCookie;
import org.plateautrace.web.epcis.EpcisRoutes;
import org.plateautrace.web.events.EventRoutes;
import org.plateautrace.web.ledger.LedgerRoutes;
import org.plateautrace.web.scan.ResolverRoutes;
import org.plateautrace.web.scan.ScanRoutes;
import org.plateautrace.web.trace.TraceRoutes;
import org.plateautrace.web.lots.LotJson;
import org.plateautrace.web.lots.LotRoutes;
import org.plateautrace.web.registry.RegistryRoutes;

/** The whole HTTP surface: health, the OpenAPI document, and the operator API under /api/v1. */
public final class WebRouter {
    /** Larger bodies are refused with 413 before they are read into memory. */
    public static final long BODY_LIMIT = 16L * 1024 * 1024;

    private WebRouter() {
    }

    public static Router create(Vertx vertx, Services services, WebConfig config, OpenApiDocument openApi, RateLimit resolverLimit) {
        Router root = Router.router(vertx);
        root.route().failureHandler(Problems::handle);
        for (int status : new int[]{404, 405, 413, 415}) {
            root.errorHandler(status, ctx -> Problems.byStatus(ctx, status));
        }
        root.get("/health").handler(ctx -> services.health().check()
                .onSuccess(ok -> Replies.send(ctx, 200, new JsonObject().put("status", "UP")))
                .onFailure(error -> Replies.send(ctx, 503, new JsonObject().put("status", "DOWN"))));
        root.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml").end(openApi.yaml()));
        root.get("/openapi.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(openApi.json()));

        new ResolverRoutes(services.stories(), config.publicBaseUrl(), resolverLimit).mount(root);

        Router api = Router.router(vertx);
        api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        JsonArray commodities = new JsonArray(CommodityProfiles.ALL.stream().map(LotJson::commodity).toList());
        api.get("/commodities").handler(ctx -> Replies.send(ctx, 200, commodities));
        ConsoleRoutes console = new ConsoleRoutes(services.users(), services.console());
        console.mountSignIn(api);
        api.route().handler(new BearerAuth(services.tokens(), new SessionCookie(services.users()))::handle);
        api.route("/*").subRouter(console.router(vertx));
        api.route("/*").subRouter(new RegistryRoutes(services.registry(), services.tokens()).router(vertx));
        api.route("/*").subRouter(new LotRoutes(services.lots(), config.publicBaseUrl()).router(vertx));
        api.route("/*").subRouter(new CodeRoutes(vertx, services.codes(), services.lots(), config.publicBaseUrl()).router());
        api.route("/*").subRouter(new EventRoutes(vertx, services.events(), config.publicBaseUrl()).router());
        api.route("/*").subRouter(new TraceRoutes(vertx, services.traces()).router());
        api.route("/*").subRouter(new LedgerRoutes(vertx, services.ledger()).router());
        api.route("/*").subRouter(new ScanRoutes(vertx, services.stories()).router());
        root.route("/api/v1/*").subRouter(api);
        ConsoleAssets.mount(root);
        root.route("/epcis/*").subRouter(new EpcisRoutes(vertx, services, config.spoolDir()).router());
        return root;
    }
}
