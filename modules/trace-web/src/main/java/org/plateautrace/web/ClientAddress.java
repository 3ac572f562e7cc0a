package org.plateautrace.web;

import io.vertx.ext.web.RoutingContext;

/**
 * The address of the client behind a request: the first X-Forwarded-For entry when the proxy in front of
 * the server sets one (deployments put a proxy there that overwrites the header), else the peer address.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(RoutingContext ctx) {
        String forwarded = ctx.request().getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }
}
