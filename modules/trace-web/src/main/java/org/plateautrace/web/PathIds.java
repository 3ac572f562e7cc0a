package org.plateautrace.web;

import io.vertx.ext.web.RoutingContext;
import org.plateautrace.service.Refusal.NotFound;

/** Ids in URL paths: anything but a positive number names nothing, so it is a 404. */
public final class PathIds {
    private PathIds() {
    }

    public static long id(RoutingContext ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through: not an id
        }
        throw new NotFound("no record with id '" + text + "'");
    }
}
