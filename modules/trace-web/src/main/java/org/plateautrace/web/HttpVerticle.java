package org.plateautrace.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import org.plateautrace.service.Services;

/** One HTTP server instance; the server deploys one per event loop, all sharing the port and the pool. */
public final class HttpVerticle extends VerticleBase {
    private final Services services;
    private final WebConfig config;
    private final OpenApiDocument openApi;
    private final RateLimit resolverLimit;

    public HttpVerticle(Services services, WebConfig config, OpenApiDocument openApi, RateLimit resolverLimit) {
        this.services = services;
        this.config = config;
        this.openApi = openApi;
        this.resolverLimit = resolverLimit;
    }

    @Override
    public Future<?> start() {
        // no WebSockets here: without their compression extensions no extension handler looks at every request
        return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)
                        .setPerFrameWebSocketCompressionSupported(false).setPerMessageWebSocketCompressionSupported(false))
                .requestHandler(WebRouter.create(vertx, services, config, openApi, resolverLimit))
                .listen(config.port());
    }
}
