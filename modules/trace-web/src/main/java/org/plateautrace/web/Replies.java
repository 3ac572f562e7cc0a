package org.plateautrace.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.plateautrace.model.Page;

/** Writes JSON answers: one object, a created object with its Location, or a page of a list. */
public final class Replies {
    private Replies() {
    }

    public static <T> void ok(RoutingContext ctx, Future<T> result, Function<T, JsonObject> json) {
        result.onSuccess(value -> send(ctx, 200, json.apply(value))).onFailure(ctx::fail);
    }

    /** 201 with {@code Location} at the request path plus the new id. */
    public static <T> void created(RoutingContext ctx, Future<T> result, Function<T, JsonObject> json) {
        created(ctx, result, json, body -> ctx.request().path().replaceAll("/$", "") + "/" + body.getValue("id"));
    }

    /** 201 with {@code Location} computed from the answer. */
    public static <T> void created(RoutingContext ctx, Future<T> result, Function<T, JsonObject> json,
                                   Function<JsonObject, String> location) {
        result.onSuccess(value -> {
            JsonObject body = json.apply(value);
            ctx.response().putHeader("Location", location.apply(body));
            send(ctx, 201, body);
        }).onFailure(ctx::fail);
    }

    /** A page of items: {@code {"items": [...], "next": "<url of the next page>" | null}}. */
    public static <T> void page(RoutingContext ctx, Future<Page<T>> result, Function<T, JsonObject> json) {
        result.onSuccess(page -> {
            JsonArray items = new JsonArray();
            page.items().forEach(item -> items.add(json.apply(item)));
            send(ctx, 200, new JsonObject().put("items", items).put("next", next(ctx, page)));
        }).onFailure(ctx::fail);
    }

    public static void send(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(JsonBytes.encode(body));
    }

    private static String next(RoutingContext ctx, Page<?> page) {
        if (page.nextAfter() == null) {
            return null;
        }
        StringBuilder url = new StringBuilder(ctx.request().path()).append("?after=").append(page.nextAfter());
        ctx.queryParams().forEach((name, value) -> {
            if (!name.equals("after")) {
                url.append('&').append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                        .append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return url.toString();
    }
}
