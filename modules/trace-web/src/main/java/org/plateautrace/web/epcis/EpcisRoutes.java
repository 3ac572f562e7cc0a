package org.plateautrace.web.epcis;

import static org.plateautrace.web.BearerAuth.caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.epcis.EpcisDocuments;
import org.plateautrace.service.Refusal.NotFound;
import org.plateautrace.service.Services;
import org.plateautrace.service.epcis.EpcisService;
import org.plateautrace.service.epcis.EpcisService.ErrorBehaviour;
import org.plateautrace.store.epcis.EpcisRepository.CaptureJob;
import org.plateautrace.web.BearerAuth;
import org.plateautrace.web.Problems;

/**
 * The EPCIS 2.0 REST binding: {@code POST /epcis/capture} (asynchronous document capture, a job at
 * {@code /epcis/capture/{captureID}}), {@code POST /epcis/events} (one event), {@code GET /epcis/events}
 * (SimpleEventQuery parameters, answered as an EPCISQueryDocument) and {@code GET /epcis/events/{eventID}}.
 * Every answer carries {@code GS1-EPCIS-Version} and {@code GS1-CBV-Version}.
 */
public final class EpcisRoutes {
    public static final String EPCIS_VERSION = "2.0.0";
    public static final String CBV_VERSION = "2.0.0";
    private static final String LD_JSON = "application/ld+json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Vertx vertx;
    private final EpcisService epcis;
    private final Services services;
    private final Path spoolDir;

    public EpcisRoutes(Vertx vertx, Services services, Path spoolDir) {
        this.vertx = vertx;
        this.services = services;
        this.spoolDir = spoolDir;
        this.epcis = services.epcis();
    }

    public Router router() {
        Router router = Router.router(vertx);
        router.route().handler(this::versions);
        // OPTIONS answers before authentication: it only advertises the limits
        router.route("/capture").handler(ctx -> {
            if (ctx.request().method() == HttpMethod.OPTIONS) {
                ctx.response().setStatusCode(204).putHeader("Allow", "OPTIONS, GET, POST")
                        .putHeader("GS1-EPCIS-Capture-Limit", String.valueOf(EpcisService.CAPTURE_LIMIT))
                        .putHeader("GS1-EPCIS-Capture-File-Size-Limit", String.valueOf(EpcisService.FILE_SIZE_LIMIT))
                        .putHeader("GS1-Capture-Error-Behaviour", "rollback, proceed").end();
            } else {
                ctx.next();
            }
        });
        BearerAuth auth = new BearerAuth(services.tokens());
        // a capture document is written to a file as it arrives, never buffered: paused until then, and no body handler
        router.post("/capture").handler(ctx -> {
            ctx.request().pause();
            auth.handle(ctx);
        }).handler(this::capture).failureHandler(ctx -> {
            // refused before the body was read: let it flow (and be dropped) so the connection stays usable
            if (!ctx.request().isEnded()) {
                ctx.request().resume();
            }
            ctx.next();
        });
        router.route().handler(BodyHandler.create(false).setBodyLimit(EpcisService.FILE_SIZE_LIMIT));
        router.route().handler(auth::handle);
        router.get("/capture/:captureID").handler(this::job);
        router.post("/events").handler(this::captureOne);
        router.get("/events").handler(this::query);
        router.get("/events/:eventID").handler(this::event);
        return router;
    }

    /** Version negotiation: the answer names ours; a request for another EPCIS or CBV version is refused. */
    private void versions(RoutingContext ctx) {
        ctx.response().putHeader("GS1-EPCIS-Version", EPCIS_VERSION).putHeader("GS1-CBV-Version", CBV_VERSION)
                .putHeader("GS1-EPCIS-Min", EPCIS_VERSION).putHeader("GS1-EPCIS-Max", EPCIS_VERSION);
        for (String header : List.of("GS1-EPCIS-Version", "GS1-CBV-Version")) {
            String asked = ctx.request().getHeader(header);
            if (asked != null && !asked.trim().equals("2.0.0") && !asked.trim().equals("2.0")) {
                Problems.send(ctx, 406, "unsupported-version", "Version not supported", header + ": " + asked
                        + " is not supported; this server speaks EPCIS 2.0.0 and CBV 2.0.0", header, new JsonObject());
                return;
            }
        }
        ctx.next();
    }

    /**
     * The document goes to a file in the spool directory as it arrives; on a worker its shape is checked and its events
     * counted (400, 413), then the job reads, checks and stores its events chunk by chunk (202 at once).
     */
    private void capture(RoutingContext ctx) {
        ErrorBehaviour behaviour = behaviour(ctx);
        caller(ctx).writingParty();
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > EpcisService.FILE_SIZE_LIMIT) {
            tooLarge(ctx);
            return;
        }
        BodySpool.to(vertx, ctx.request(), spoolDir, EpcisService.FILE_SIZE_LIMIT)
                .compose(file -> vertx.executeBlocking(() -> EpcisDocumentReader.open(file, true), false))
                .compose(document -> {
                    if (document.events() > EpcisService.CAPTURE_LIMIT) {
                        document.close();
                        return Future.failedFuture(new TooManyEvents(document.events()));
                    }
                    return epcis.capture(caller(ctx), document, behaviour);
                })
                .onSuccess(id -> ctx.response().setStatusCode(202).putHeader("Location", "/epcis/capture/" + id)
                        .putHeader("Content-Type", "application/json").end(new JsonObject().put("captureID", id.toString()).encode()))
                .onFailure(error -> {
                    if (error instanceof TooManyEvents many) {
                        Problems.send(ctx, 413, "capture-limit", "Too many events", EpcisService.overCaptureLimit(many.count),
                                "epcisBody.eventList", new JsonObject());
                    } else if (error instanceof BodySpool.TooLarge) {
                        tooLarge(ctx);
                    } else {
                        ctx.fail(error);
                    }
                });
    }

    /**
     * 413 before the body is read whole: the rest of it is dropped as it comes, and an HTTP/1 connection
     * closes. The body may have ended meanwhile (the file is deleted first), and then there is nothing to drop.
     */
    private static void tooLarge(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            request.handler(dropped -> { }).resume();
        }
        if (request.version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader("Connection", "close");
        }
        Problems.byStatus(ctx, 413);
    }

    /** A document with more events than a capture may hold. */
    private static final class TooManyEvents extends RuntimeException {
        private final int count;

        TooManyEvents(int count) {
            super("too many events", null, false, false);
            this.count = count;
        }
    }

    private static ErrorBehaviour behaviour(RoutingContext ctx) {
        String value = ctx.request().getHeader("GS1-Capture-Error-Behaviour");
        if (value == null || value.equalsIgnoreCase("rollback")) {
            return ErrorBehaviour.ROLLBACK;
        }
        if (value.equalsIgnoreCase("proceed")) {
            return ErrorBehaviour.PROCEED;
        }
        throw new Invalid("GS1-Capture-Error-Behaviour", "must be rollback or proceed");
    }

    @SuppressWarnings("unchecked")
    private void captureOne(RoutingContext ctx) {
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        vertx.executeBlocking(() -> parse(body), false).compose(value -> {
            if (!(value instanceof Map<?, ?> event)) {
                return Future.failedFuture(new Invalid(null, "the body must be one EPCIS event (a JSON object)"));
            }
            return epcis.captureOne(caller(ctx), (Map<String, Object>) event, event.get("@context"));
        }).onSuccess(captured -> ctx.response().setStatusCode(captured.created() ? 201 : 200)
                .putHeader("Location", "/epcis/events/" + URLEncoder.encode(captured.eventId(), StandardCharsets.UTF_8))
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("eventID", captured.eventId()).put("status", captured.created() ? "created" : "duplicate").encode()))
                .onFailure(ctx::fail);
    }

    private void job(RoutingContext ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("captureID"));
        } catch (IllegalArgumentException e) {
            ctx.fail(new NotFound("no such capture"));
            return;
        }
        epcis.job(caller(ctx), id).onSuccess(job -> ctx.response().putHeader("Content-Type", "application/json")
                .end(json(job).encode())).onFailure(ctx::fail);
    }

    private static JsonObject json(CaptureJob job) {
        JsonObject json = new JsonObject().put("captureID", job.id().toString())
                .put("createdAt", job.createdAt().toInstant().toString())
                .put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toInstant().toString())
                .put("running", job.running()).put("success", job.success())
                .put("captureErrorBehaviour", job.behaviour()).put("events", job.events());
        if (!job.running()) {
            json.put("stored", job.stored()).put("duplicates", job.duplicates()).put("errors", job.errors());
        }
        return json;
    }

    private void query(RoutingContext ctx) {
        EventQueryParams params = EventQueryParams.read(ctx);
        epcis.query(caller(ctx), params.query()).onSuccess(page -> {
            List<Map<String, Object>> events = new ArrayList<>(page.items().size());
            page.items().forEach(e -> events.add(EpcisDocuments.exported(e.document(), e.recordTime())));
            if (page.nextAfter() != null) {
                ctx.response().putHeader("Link", "<" + params.nextPage(page.nextAfter()) + ">; rel=\"next\"");
            }
            ctx.response().putHeader("Content-Type", LD_JSON)
                    .end(Json.encode(EpcisDocuments.queryDocument(events, Instant.now())));
        }).onFailure(ctx::fail);
    }

    private void event(RoutingContext ctx) {
        String eventId = ctx.pathParam("eventID");
        epcis.event(caller(ctx), eventId).onSuccess(e -> {
            Map<String, Object> event = new java.util.LinkedHashMap<>();
            event.put("@context", EpcisDocuments.context());
            EpcisDocuments.exported(e.document(), e.recordTime()).forEach(event::putIfAbsent);
            ctx.response().putHeader("Content-Type", LD_JSON).end(Json.encode(event));
        }).onFailure(ctx::fail);
    }

    /** Parses JSON keeping decimals exact (blocking work: call on a worker). */
    static Object parse(byte[] body) {
        if (body.length == 0) {
            throw new Invalid(null, "the request needs a JSON body");
        }
        try {
            return MAPPER.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new Invalid(null, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid(null, "the body is not valid JSON: " + e.getMessage());
        }
    }
}
