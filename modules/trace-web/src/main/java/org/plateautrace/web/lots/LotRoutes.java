package org.plateautrace.web.lots;

import static org.plateautrace.web.BearerAuth.caller;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.plateautrace.model.lots.Harvest;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.model.lots.LotFilter;
import org.plateautrace.model.lots.Quantity;
import org.plateautrace.model.lots.Unit;
import org.plateautrace.service.lots.LotService;
import org.plateautrace.web.JsonInput;
import org.plateautrace.web.PathIds;
import org.plateautrace.web.QueryParams;
import org.plateautrace.web.Replies;

/** /api/v1/lots: harvest registration, reading, listing, and a lot's events. */
public final class LotRoutes {
    private final LotService lots;
    private final String publicBaseUrl;

    public LotRoutes(LotService lots, String publicBaseUrl) {
        this.lots = lots;
        this.publicBaseUrl = publicBaseUrl;
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.post("/lots").handler(this::register);
        router.get("/lots").handler(this::list);
        router.get("/lots/:id").handler(this::get);
        router.get("/lots/:id/events").handler(this::events);
        return router;
    }

    private static final Set<String> HARVEST = Set.of("productId", "siteId", "quantity", "harvestedAt", "attributes", "lotCode");

    /** One harvest (an object), or a batch {@code {"lots": [...]}} registered all or nothing. */
    private void register(RoutingContext ctx) {
        Object value = JsonInput.bodyValue(ctx);
        if (value instanceof JsonObject json && json.containsKey("lots")) {
            lots.registerAll(caller(ctx), harvests(value)).onSuccess(registered -> {
                JsonArray items = new JsonArray();
                registered.forEach(lot -> items.add(LotJson.lot(lot, publicBaseUrl)));
                Replies.send(ctx, 201, new JsonObject().put("items", items));
            }).onFailure(ctx::fail);
            return;
        }
        Replies.created(ctx, lots.register(caller(ctx), harvest(value)), lot -> LotJson.lot(lot, publicBaseUrl));
    }

    /** One harvest as {@code POST /api/v1/lots} reads it; refusals name the field. */
    private static Harvest harvest(Object json) {
        return read(JsonInput.of(json, HARVEST));
    }

    /**
     * A batch {@code {"lots": [...]}} as {@code POST /api/v1/lots} reads it; every item that cannot be read is
     * listed in one refusal, naming {@code lots[i].<field>}.
     */
    public static List<Harvest> harvests(Object json) {
        return JsonInput.of(json, Set.of("lots")).each("lots", HARVEST, LotRoutes::read, "lots");
    }

    private static Harvest read(JsonInput body) {
        JsonInput quantity = body.object("quantity", true, Set.of("value", "unit"));
        Quantity amount = quantity.build(() -> new Quantity(quantity.decimal("value", true),
                quantity.parsed("unit", true, Unit::parse)));
        return body.build(() -> new Harvest(body.id("productId", true), body.id("siteId", true), amount,
                body.dateTime("harvestedAt", true), body.map("attributes"), body.parsed("lotCode", false, LotCode::new)));
    }

    private void list(RoutingContext ctx) {
        QueryParams query = QueryParams.ofList(ctx, "partyId", "productId", "siteId", "commodity", "lotCode", "harvestedFrom", "harvestedTo");
        LotFilter filter = new LotFilter(query.id("partyId"), query.id("productId"), query.id("siteId"),
                query.string("commodity"), query.parsed("lotCode", LotCode::new), query.dateTime("harvestedFrom"),
                query.dateTime("harvestedTo"));
        Replies.page(ctx, lots.list(caller(ctx), filter, query.page()), lot -> LotJson.lot(lot, publicBaseUrl));
    }

    private void get(RoutingContext ctx) {
        Replies.ok(ctx, lots.lot(caller(ctx), PathIds.id(ctx, "id")), lot -> LotJson.lot(lot, publicBaseUrl));
    }

    private void events(RoutingContext ctx) {
        lots.events(caller(ctx), PathIds.id(ctx, "id")).onSuccess(events -> {
            JsonArray items = new JsonArray();
            events.forEach(event -> items.add(LotJson.event(event)));
            Replies.send(ctx, 200, new JsonObject().put("items", items));
        }).onFailure(ctx::fail);
    }
}
