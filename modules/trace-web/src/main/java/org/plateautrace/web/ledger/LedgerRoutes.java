package org.plateautrace.web.ledger;

import static org.plateautrace.web.BearerAuth.caller;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.plateautrace.model.ledger.ChainCheck.Verdict;
import org.plateautrace.service.ledger.LedgerService;
import org.plateautrace.web.Replies;

/** /api/v1/ledger: verification of the tamper-evident event hash chain (administrator and regulators). */
public final class LedgerRoutes {
    private final Vertx vertx;
    private final LedgerService ledger;

    public LedgerRoutes(Vertx vertx, LedgerService ledger) {
        this.vertx = vertx;
        this.ledger = ledger;
    }

    public Router router() {
        Router router = Router.router(vertx);
        router.get("/ledger/verify").handler(this::verify);
        return router;
    }

    private void verify(RoutingContext ctx) {
        Replies.ok(ctx, ledger.verify(caller(ctx)), LedgerRoutes::json);
    }

    /** {@code {"intact": bool, "checked": n, "firstBad": null | {"seq", "eventId", "reason"}}}. */
    public static JsonObject json(Verdict verdict) {
        JsonObject firstBad = verdict.intact() ? null : new JsonObject().put("seq", verdict.firstBadSeq())
                .put("eventId", verdict.firstBadEventId()).put("reason", verdict.reason());
        return new JsonObject().put("intact", verdict.intact()).put("checked", verdict.checked()).put("firstBad", firstBad);
    }
}
