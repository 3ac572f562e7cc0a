package org.plateautrace.web.console;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The operator console's static files (HTML, ES modules, CSS) from the classpath folder {@code console}, served
 * at {@code /console/}. Nothing is loaded from another host: the content security policy says so.
 */
public final class ConsoleAssets {
    private static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private ConsoleAssets() {
    }

    public static void mount(Router root) {
        root.routeWithRegex("^/console$").handler(ctx -> ctx.redirect("/console/"));
        root.route("/console/*").handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", POLICY).putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "same-origin");
            ctx.next();
        });
        root.route("/console/*").handler(StaticHandler.create("console").setCachingEnabled(false)
                .setDefaultContentEncoding("UTF-8"));
    }
}
