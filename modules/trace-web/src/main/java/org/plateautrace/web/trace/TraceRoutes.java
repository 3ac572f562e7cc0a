package org.plateautrace.web.trace;

import static org.plateautrace.web.BearerAuth.caller;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.plateautrace.model.Invalid;
import org.plateautrace.service.trace.TraceService;
import org.plateautrace.web.Csv;
import org.plateautrace.web.JsonInput;
import org.plateautrace.web.PathIds;
import org.plateautrace.web.QueryParams;
import org.plateautrace.web.Replies;

/** Genealogy of a lot, its sortable history (FSMA 204), and recall. */
public final class TraceRoutes {
    private static final List<String> HISTORY_COLUMNS = List.of("time", "type", "bizStep", "disposition", "list", "lotCode",
            "gtin", "product", "quantity", "uom", "from", "to", "location", "party", "reference", "eventId");

    private final Vertx vertx;
    private final TraceService traces;

    public TraceRoutes(Vertx vertx, TraceService traces) {
        this.vertx = vertx;
        this.traces = traces;
    }

    public Router router() {
        Router router = Router.router(vertx);
        router.get("/lots/:id/trace").handler(this::trace);
        router.get("/lots/:id/history.csv").handler(this::history);
        router.post("/lots/:id/recall").handler(this::recall);
        return router;
    }

    private void trace(RoutingContext ctx) {
        String direction = QueryParams.of(ctx, "direction").string("direction");
        if (direction != null && !direction.equals("backward") && !direction.equals("forward")) {
            throw new Invalid("direction", "must be backward or forward");
        }
        Replies.ok(ctx, traces.trace(caller(ctx), PathIds.id(ctx, "id"), "forward".equals(direction)), json -> json);
    }

    private void history(RoutingContext ctx) {
        QueryParams.of(ctx);
        long lotId = PathIds.id(ctx, "id");
        traces.history(caller(ctx), lotId).onSuccess(rows -> ctx.response()
                        .putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"lot-" + lotId + "-history.csv\"")
                        .end(Csv.table(HISTORY_COLUMNS, rows)))
                .onFailure(ctx::fail);
    }

    private void recall(RoutingContext ctx) {
        JsonInput body = JsonInput.body(ctx, Set.of("reason"));
        Replies.ok(ctx, traces.recall(caller(ctx), PathIds.id(ctx, "id"), body.string("reason", true)), json -> json);
    }
}
