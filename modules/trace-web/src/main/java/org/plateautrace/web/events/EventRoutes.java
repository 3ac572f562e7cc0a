package org.plateautrace.web.events;

import static org.plateautrace.web.BearerAuth.caller;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.plateautrace.web.Problems;
import org.plateautrace.web.QueryParams;
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

    /**
     * One event, or a batch all or nothing; with {@code ?proceed=true} a batch stores what is accepted and lists the
     * refused items (also those that cannot be read) in {@code errors}, refused whole only when nothing is accepted.
     */
    private void record(RoutingContext ctx) {
        boolean proceed = QueryParams.of(ctx, "proceed").flag("proceed");
        Object body = org.plateautrace.web.JsonInput.bodyValue(ctx);
        boolean single = !(body instanceof JsonObject object && object.containsKey("events"));
        JsonArray items = single ? new JsonArray().add(body) : batch((JsonObject) body);
        List<EventCommand> commands = new ArrayList<>(items.size());
        List<Integer> positions = new ArrayList<>(items.size()); // of each read command in the request
        List<ItemError> unread = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                commands.add(EventInput.read(items.getValue(i)));
                positions.add(i);
            } catch (Invalid e) {
                unread.add(new ItemError(i, 400, e.field(), e.detail()));
            }
        }
        if (!unread.isEmpty() && (!proceed || commands.isEmpty())) {
            refuse(ctx, new BatchRefused("events", items.size(), unread), single);
            return;
        }
        events.record(caller(ctx), commands, !proceed).onSuccess(recording -> answer(ctx, inRequest(recording, positions, unread), single))
                .onFailure(error -> {
                    if (error instanceof BatchRefused refused) {
                        refuse(ctx, new BatchRefused("events", items.size(), inRequest(new Recording(List.of(), refused.errors()),
                                positions, unread).errors()), single);
                    } else {
                        ctx.fail(error);
                    }
                });
    }

    /** The recording with its items numbered as in the request, and the items that could not be read among its errors. */
    private static Recording inRequest(Recording recording, List<Integer> positions, List<ItemError> unread) {
        List<Recorded> events = recording.events().stream().map(r -> new Recorded(positions.get(r.index()), r.eventId(), r.duplicate(),
                r.event(), r.effects())).toList();
        List<ItemError> errors = new ArrayList<>(unread);
        recording.errors().forEach(e -> errors.add(new ItemError(positions.get(e.index()), e.status(), e.field(), e.detail())));
        errors.sort(Comparator.comparingInt(ItemError::index));
        return new Recording(events, errors);
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
        JsonObject batch = new JsonObject().put("events", answers);
        if (!recording.ok()) {
            batch.put("errors", Problems.errors(recording.errors()));
        }
        Replies.send(ctx, status, single ? answers.getJsonObject(0) : batch);
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
