package org.plateautrace.web;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.NotPermitted;
import org.plateautrace.model.events.Recording.ItemError;
import org.plateautrace.service.BatchRefused;
import org.plateautrace.service.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 problem+json answer with a stable {@code type}, a human
 * {@code detail} and, where one input is at fault, the {@code field}. Unexpected errors are logged and
 * answered 500 without internals.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE = "urn:plateautrace:problem:";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof NotPermitted denied) {
            send(ctx, 403, "forbidden", "Forbidden", describe(denied.field(), denied.detail()), denied.field());
        } else if (failure instanceof Invalid invalid) {
            send(ctx, 400, "invalid-field", "Invalid request", describe(invalid.field(), invalid.detail()), invalid.field());
        } else if (failure instanceof JsonInput.MalformedJson malformed) {
            send(ctx, 400, "malformed-json", "Malformed JSON", "the body is not valid JSON: " + malformed.getMessage(), null);
        } else if (failure instanceof Unavailable unavailable) {
            send(ctx, 503, "unavailable", "Service unavailable", unavailable.getMessage(), null);
        } else if (failure instanceof Refusal refusal) {
            refusal(ctx, refusal);
        } else if (failure instanceof BatchRefused batch) {
            batch(ctx, batch);
        } else if (failure instanceof HttpClosedException || failure instanceof StreamResetException) {
            LOG.info("{} {}: the client went away before the request was read ({})", ctx.request().method(), ctx.request().path(),
                    failure.getMessage());
        } else if (failure == null) {
            byStatus(ctx, ctx.statusCode());
        } else {
            LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, 500, "internal", "Internal error", "the server failed to answer; the failure is logged", null);
        }
    }

    /** For statuses raised by Vert.x itself (no route, wrong method, body too large). */
    public static void byStatus(RoutingContext ctx, int status) {
        switch (status) {
            case 404 -> send(ctx, 404, "not-found", "Not found", "nothing is at " + ctx.request().path(), null);
            case 405 -> send(ctx, 405, "method-not-allowed", "Method not allowed",
                    ctx.request().method() + " is not allowed on " + ctx.request().path(), null);
            case 413 -> send(ctx, 413, "too-large", "Request too large", "the request body is larger than allowed", null);
            case 415 -> send(ctx, 415, "unsupported-media-type", "Unsupported media type", "send application/json", null);
            default -> send(ctx, status, "http-" + status, "HTTP " + status, "the request failed with status " + status, null);
        }
    }

    /** The server lacks something it needs for this request (e.g. a font); the request itself was fine. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String detail) {
            super(detail, null, false, false);
        }
    }

    private static void refusal(RoutingContext ctx, Refusal refusal) {
        String detail = describe(refusal.field(), refusal.detail());
        if (refusal instanceof Refusal.Unauthenticated) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"plateau-trace\"");
            send(ctx, 401, "unauthenticated", "Unauthenticated", detail, null);
        } else if (refusal instanceof Refusal.Denied) {
            send(ctx, 403, "forbidden", "Forbidden", detail, refusal.field());
        } else if (refusal instanceof Refusal.NotFound) {
            send(ctx, 404, "not-found", "Not found", detail, null);
        } else {
            send(ctx, 409, "conflict", "Conflict", detail, refusal.field());
        }
    }

    /** 400 {@code invalid-<what>} with every refused item; {@code field} names the first. */
    private static void batch(RoutingContext ctx, BatchRefused batch) {
        String what = batch.what();
        send(ctx, 400, "invalid-" + what, Character.toUpperCase(what.charAt(0)) + what.substring(1) + " refused", batch.getMessage(),
                batch.errors().get(0).field(), new JsonObject().put("errors", errors(batch.errors())));
    }

    /** A batch's {@code errors} member: each refused item with its index, status, field and detail. */
    public static JsonArray errors(List<ItemError> refused) {
        JsonArray errors = new JsonArray();
        refused.forEach(e -> errors.add(new JsonObject().put("index", e.index()).put("status", e.status())
                .put("field", e.field()).put("detail", e.detail())));
        return errors;
    }

    private static String describe(String field, String detail) {
        return field == null ? detail : field + ": " + detail;
    }

    private static void send(RoutingContext ctx, int status, String type, String title, String detail, String field) {
        send(ctx, status, type, title, detail, field, new JsonObject());
    }

    /** A problem with extension members (e.g. the per-item errors of a refused batch). */
    public static void send(RoutingContext ctx, int status, String type, String title, String detail, String field,
                            JsonObject extensions) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        JsonObject problem = new JsonObject().put("type", TYPE + type).put("title", title).put("status", status)
                .put("detail", detail).put("instance", ctx.request().path());
        if (field != null) {
            problem.put("field", field);
        }
        response.setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(problem.mergeIn(extensions).encode());
    }
}
