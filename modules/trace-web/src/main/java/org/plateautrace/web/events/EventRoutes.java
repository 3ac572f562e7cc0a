package org.plateautrace.web.events;

import static org.plateautrace.web.BearerAuth.caller;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.NotPermitted;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.events.EventCommand;
import org.plateautrace.model.events.Recording;
import org.plateautrace.model.events.Recording.ItemError;
import org.plateautrace.model.events.Recording.NewLot;
import org.plateautrace.model.events.Recording.Recorded;
import org.plateautrace.service.BatchRefused;
import org.plateautrace.service.events.EventService;
import org.plateautrace.web.Replies;

/**
 * {@code POST /api/v1/events}: one event (an object with {@code type}) or a batch
 * ({@code {"events": [...]}}, up to 10,000), all-or-nothing: any refused item refuses the batch, and
 * the answer lists every refused item with its index and reason.
 */
public final class EventRoutes {
    private final Vertx vertx;
    private final EventService events;
    private final String publicBaseUrl;

    public EventRoutes(Vertx vertx, EventService events, String publicBaseUrl) {
        this.vertx = vertx;
        this.events = events;
        this.publicBaseUrl = publicBaseUrl;
    }

    public Router router() {
        Router router = Router.router(vertx);
        router.post("/events").handler(this::record);
        return router;
    }

    private void record(RoutingContext ctx) {
        Object body = org.plateautrace.web.JsonInput.bodyValue(ctx);
        boolean single = !(body instanceof JsonObject object && object.containsKey("events"));
        JsonArray items = single ? new JsonArray().add(body) : batch((JsonObject) body);
        List<EventCommand> commands = new ArrayList<>(items.size());
        List<ItemError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                commands.add(EventInput.read(items.getValue(i)));
            } catch (Invalid e) {
                errors.add(new ItemError(i, 400, e.field(), e.detail()));
            }
        }
        if (!errors.isEmpty()) {
            refuse(ctx, new BatchRefused("events", items.size(), errors), single);
            return;
        }
        events.record(caller(ctx), commands).onSuccess(recording -> answer(ctx, recording, single)).onFailure(error -> {
            if (error instanceof BatchRefused refused) {
                refuse(ctx, refused, single);
            } else {
                ctx.fail(error);
            }
        });
    }

    private static JsonArray batch(JsonObject body) {
        if (body.size() != 1) {
            throw new Invalid(null, "a batch is {\"events\": [...]} and nothing else");
        }
        Object events = body.getValue("events");
        if (!(events instanceof JsonArray array) || array.isEmpty()) {
            throw new Invalid("events", "must be a non-empty array of events");
        }
        if (array.size() > EventService.MAX_BATCH) {
            throw new Invalid("events", "at most " + EventService.MAX_BATCH + " events per request");
        }
        return array;
    }

    private void answer(RoutingContext ctx, Recording recording, boolean single) {
        JsonArray answers = new JsonArray();
        boolean created = false;
        for (Recorded r : recording.events()) {
            created |= !r.duplicate();
            answers.add(answer(r));
        }
        int status = created ? 201 : 200;
        Replies.send(ctx, status, single ? answers.getJsonObject(0) : new JsonObject().put("events", answers));
    }

    private JsonObject answer(Recorded r) {
        JsonObject json = new JsonObject().put("index", r.index()).put("eventId", r.eventId())
                .put("status", r.duplicate() ? "duplicate" : "created");
        if (r.duplicate()) {
            return json.put("detail", "an event with this eventID is already recorded; nothing was stored again");
        }
        json.put("type", r.event().eventType()).put("bizStep", r.event().bizStep());
        if (!r.effects().lots().isEmpty()) {
            JsonArray lots = new JsonArray();
            for (NewLot lot : r.effects().lots()) {
                lots.add(new JsonObject().put("id", lot.id()).put("lotCode", lot.lotCode().value())
                        .put("digitalLink", DigitalLink.forLot(publicBaseUrl, lot.gtin(), lot.lotCode())));
            }
            json.put("lots", lots);
        }
        if (r.effects().shipment() != null) {
            json.put("shipmentId", r.effects().shipment().id());
        }
        return json;
    }

    /** One event is refused as a single request is; a batch lists every refused item. */
    private static void refuse(RoutingContext ctx, BatchRefused refused, boolean single) {
        ItemError error = refused.errors().get(0);
        ctx.fail(!single ? refused : error.status() == 403 ? new NotPermitted(error.field(), error.detail())
                : new Invalid(error.field(), error.detail()));
    }
}
