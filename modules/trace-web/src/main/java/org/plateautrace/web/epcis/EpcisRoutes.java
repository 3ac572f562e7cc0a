package org.plateautrace.web.epcis;

import static org.plateautrace.web.BearerAuth.caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufInputStream;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.epcis.EpcisDocuments;
import org.plateautrace.service.Refusal.NotFound;
import org.plateautrace.service.Services;
import org.plateautrace.service.epcis.CaptureIntake;
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

    public EpcisRoutes(Vertx vertx, Services services) {
        this.vertx = vertx;
        this.services = services;
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
        // preallocated from Content-Length: a large capture is received into one buffer, not by doubling
        router.route().handler(BodyHandler.create(false).setBodyLimit(EpcisService.FILE_SIZE_LIMIT).setPreallocateBodyBuffer(true));
        router.route().handler(new BearerAuth(services.tokens())::handle);
        router.post("/capture").handler(this::capture);
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

    /** The document is read event by event from the received body (on a worker), never as one tree. */
    private void capture(RoutingContext ctx) {
        ErrorBehaviour behaviour = behaviour(ctx);
        Buffer body = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
        vertx.executeBlocking(() -> {
            CaptureIntake intake = new CaptureIntake();
            EpcisDocumentReader.read(new ByteBufInputStream(((BufferInternal) body).getByteBuf()), new EpcisDocumentReader.Sink() {
                @Override
                public void context(Object context) {
                    intake.context(context);
                }

                @Override
                public void event(Map<String, Object> event, int line) {
                    intake.accept(event);
                }
            }, EpcisService.CAPTURE_LIMIT);
            return intake.finish();
        }, false).compose(intake -> epcis.capture(caller(ctx), intake, behaviour))
                .onSuccess(id -> ctx.response().setStatusCode(202).putHeader("Location", "/epcis/capture/" + id)
                .putHeader("Content-Type", "application/json").end(new JsonObject().put("captureID", id.toString()).encode()))
                .onFailure(error -> {
                    if (error instanceof EpcisDocumentReader.TooManyEvents many) {
                        Problems.send(ctx, 413, "capture-limit", "Too many events", "the document has " + many.count()
                                + " events; at most " + EpcisService.CAPTURE_LIMIT + " may be captured at once; nothing was stored",
                                "epcisBody.eventList", new JsonObject());
                    } else {
                        ctx.fail(error);
                    }
                });
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
                return io.vertx.core.Future.failedFuture(new Invalid(null, "the body must be one EPCIS event (a JSON object)"));
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
