package org.plateautrace.service.trace;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plateautrace.model.Text;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.events.EventHash;
import org.plateautrace.model.events.QuantityElement;
import org.plateautrace.model.events.Recorder;
import org.plateautrace.model.events.SupplyChainEvent;
import org.plateautrace.model.lots.Lot;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.service.Refusal.Denied;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.service.lots.LotService;
import org.plateautrace.store.events.EventRepository;
import org.plateautrace.store.events.EventRepository.NewEvent;
import org.plateautrace.store.lots.LotRepository;
import org.plateautrace.store.trace.TraceRepository;
import org.plateautrace.store.trace.TraceRepository.Graph;
import org.plateautrace.store.trace.TraceRepository.LotRows;
import org.plateautrace.store.trace.TraceRepository.References;

/**
 * Genealogy (backward to the harvests and farms, forward to every lot, pack code, shipment, holder
 * and sale), the FSMA 204 history of a lot, and recalls that reach everything made from a lot.
 */
public final class TraceService {
    /** A recall answer lists at most this many pack codes ({@code codesListed} says how many it lists). */
    public static final int MAX_LISTED_CODES = 10_000;

    private final Pool pool;
    private final Clock clock;
    private final LotService lots;
    private final LotRepository lotRows;
    private final TraceRepository traces;
    private final EventRepository events = new EventRepository();

    public TraceService(Pool pool, Clock clock, LotService lots) {
        this.pool = pool;
        this.clock = clock;
        this.lots = lots;
        this.lotRows = new LotRepository(pool);
        this.traces = new TraceRepository(pool);
    }

    /** The walk runs beside the check that the caller may read the lot; it is described only once the check passed. */
    public Future<JsonObject> trace(Caller caller, long lotId, boolean forward) {
        Future<Graph> graph = traces.graph(lotId, forward);
        return lots.lot(caller, lotId).compose(allowed -> graph).compose(walked -> describe(walked, forward));
    }

    /** Every event of the lot and of all lots it came from, oldest first. */
    public Future<List<JsonObject>> history(Caller caller, long lotId) {
        return lots.lot(caller, lotId).compose(lot -> traces.graph(lotId, false)).compose(graph -> traces.history(graph.lots()));
    }

    /**
     * Withdraws the lot and everything made from it: marks them recalled, records a recall event
     * (disposition recalled) in the chain, and answers whom to tell and which pack codes are affected.
     */
    public Future<JsonObject> recall(Caller caller, long lotId, String reason) {
        String why = Text.required("reason", reason, 500);
        return lots.lot(caller, lotId).compose(lot -> {
            if (caller.role() != Caller.Role.REGULATOR && !Long.valueOf(lot.partyId()).equals(caller.partyId())
                    || caller.scope() == Caller.Scope.READ) {
                throw new Denied(null, "only the lot's owner or a regulator may recall it");
            }
            return pool.withTransaction(tx -> traces.graph(tx, lotId, true).compose(graph ->
                    traces.lots(graph.lots()).compose(affected -> lotRows.recall(tx, graph.lots(), why)
                            .compose(changed -> events.append(tx, List.of(recallEvent(caller, lot, affected, why))))
                            .map(stored -> graph))));
        }).compose(graph -> describe(graph, true).compose(answer -> traces.codes(graph.lots(), MAX_LISTED_CODES)
                .map(codes -> {
                    JsonArray listed = new JsonArray();
                    codes.forEach(code -> listed.add(new DigitalLink(new Gtin(code.getString("gtin")),
                            new LotCode(code.getString("lotCode")), new org.plateautrace.model.codes.Serial(code.getString("serial")))
                            .path()));
                    return answer.put("reason", why).put("codes", listed)
                            .put("codesListed", listed.size());
                })));
    }

    private NewEvent recallEvent(Caller caller, Lot root, List<JsonObject> affected, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8));
        List<QuantityElement> quantities = new ArrayList<>();
        Map<String, Long> lotOfClass = new LinkedHashMap<>();
        for (JsonObject lot : affected) {
            String epcClass = DigitalLink.forLot(DigitalLink.CANONICAL_BASE, new Gtin(lot.getString("gtin")),
                    new LotCode(lot.getString("lotCode")));
            quantities.add(new QuantityElement(epcClass, null, null));
            lotOfClass.put(epcClass, lot.getLong("id"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recallReason", reason);
        details.put("recalledLot", root.id());
        details.put("recalledBy", Recorder.partyUri(caller.partyId()));
        SupplyChainEvent event = new SupplyChainEvent("ObjectEvent", "OBSERVE", "holding", "recalled", now, null, null,
                quantities, null, null, null, null, null, details);
        return new NewEvent(EventHash.of(event), caller.partyId(), event, lotOfClass);
    }

    private Future<JsonObject> describe(Graph graph, boolean forward) {
        Set<Long> ids = new LinkedHashSet<>(graph.lots());
        Future<LotRows> lotRows = traces.lotRows(ids);
        Future<References> references = traces.references(ids);
        Future<List<JsonObject>> shipments = traces.shipments(ids);
        Future<List<JsonObject>> holders = forward ? traces.holders(ids) : Future.succeededFuture(List.of());
        Future<List<JsonObject>> sales = forward ? traces.sales(ids) : Future.succeededFuture(List.of());
        Future<List<JsonObject>> codes = forward ? traces.codeCounts(ids) : Future.succeededFuture(List.of());
        Future<List<JsonObject>> checked = shipments.compose(list -> traces.readings(list.stream().map(s -> s.getLong("id")).toList())
                .map(readings -> ColdChain.judge(list, readings)));
        Future<List<JsonObject>> stays = traces.stays(ids).compose(list -> traces.siteReadings(list.stream()
                .map(s -> s.getLong("siteId")).toList()).map(readings -> ColdChain.judgeStays(list, readings)));
        return Future.all(List.of(lotRows, references, checked, stays, holders, sales, codes)).map(all -> new JsonObject()
                .put("root", graph.root()).put("direction", forward ? "forward" : "backward")
                .put("lots", lotRows.result().json(ColdChain.brokenLots(concat(checked.result(), stays.result()))))
                .put("products", new JsonArray(List.copyOf(references.result().products().values())))
                .put("parties", new JsonArray(List.copyOf(references.result().parties().values())))
                .put("sites", new JsonArray(List.copyOf(references.result().sites().values())))
                .put("links", new JsonArray(graph.links()))
                .put("shipments", new JsonArray(checked.result())).put("storage", new JsonArray(stays.result()))
                .put("holders", new JsonArray(holders.result()))
                .put("sales", new JsonArray(sales.result())).put("codes", new JsonArray(codes.result())));
    }

    private static List<JsonObject> concat(List<JsonObject> a, List<JsonObject> b) {
        List<JsonObject> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }
}
