package org.plateautrace.web.scan;

import static org.plateautrace.web.BearerAuth.caller;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.plateautrace.service.scan.StoryService;
import org.plateautrace.web.PathIds;
import org.plateautrace.web.QueryParams;
import org.plateautrace.web.Replies;

/** For a lot's owner and regulators: how its codes are scanned (counterfeit signals) and public feedback. */
public final class ScanRoutes {
    private final Vertx vertx;
    private final StoryService stories;

    public ScanRoutes(Vertx vertx, StoryService stories) {
        this.vertx = vertx;
        this.stories = stories;
    }

    public Router router() {
        Router router = Router.router(vertx);
        router.get("/lots/:id/scans").handler(this::scans);
        router.get("/lots/:id/feedback").handler(this::feedback);
        return router;
    }

    private void scans(RoutingContext ctx) {
        QueryParams.of(ctx);
        Replies.ok(ctx, stories.scanSummary(caller(ctx), PathIds.id(ctx, "id")), json -> json);
    }

    private void feedback(RoutingContext ctx) {
        QueryParams.of(ctx);
        Replies.ok(ctx, stories.feedbackFor(caller(ctx), PathIds.id(ctx, "id")), items -> new JsonObject().put("items", items));
    }
}
