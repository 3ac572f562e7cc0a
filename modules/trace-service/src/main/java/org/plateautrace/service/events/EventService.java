package org.plateautrace.service.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.events.EventCommand;
import org.plateautrace.model.events.EventCommand.Inspection;
import org.plateautrace.model.events.EventCommand.LabelledSample;
import org.plateautrace.model.events.EventCommand.LotAmount;
import org.plateautrace.model.events.EventCommand.Output;
import org.plateautrace.model.events.EventCommand.Packing;
import org.plateautrace.model.events.EventCommand.Processing;
import org.plateautrace.model.events.EventCommand.Receiving;
import org.plateautrace.model.events.EventCommand.Sale;
import org.plateautrace.model.events.EventCommand.SensorReport;
import org.plateautrace.model.events.EventCommand.Shipping;
import org.plateautrace.model.events.EventCommand.Storing;
import org.plateautrace.model.events.Recorder;
import org.plateautrace.model.events.Recording;
import org.plateautrace.service.BatchRefused;
import org.plateautrace.service.Refusal.Conflict;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.store.UniqueViolation;
import org.plateautrace.store.lots.LotRepository;
import org.plateautrace.store.events.SupplyChainRepository;
import org.plateautrace.store.events.SupplyChainRepository.Wanted;

/**
 * Records supply-chain events, one or a batch, all-or-nothing: the record is loaded for the whole
 * batch, every item is checked in order by the {@link Recorder}, and only when all pass is anything
 * written, in the same transaction.
 */
public final class EventService {
    public static final int MAX_BATCH = 10_000;

    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;
    private final SupplyChainRepository chain = new SupplyChainRepository();
    private final LotRepository lots;

    public EventService(Vertx vertx, Pool pool, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
        this.lots = new LotRepository(pool);
    }

    /**
     * Records a batch. {@code allOrNothing}: any refused item refuses the batch ({@link BatchRefused}, nothing stored);
     * otherwise the accepted items are stored and the refused ones listed in the answer's {@code errors}, each item
     * checked against the record as the accepted items before it left it (only when every item is refused is the
     * batch refused).
     */
    public Future<Recording> record(Caller caller, List<EventCommand> commands, boolean allOrNothing) {
        long actor = caller.writingParty();
        return samplesFound(commands).compose(found -> recordFound(actor, found, allOrNothing));
    }

    /**
     * The batch with each lab result that names its lot by a sample's Digital Link put on that lot; a sample whose lot
     * is not registered here stays as it is, and the {@link Recorder} refuses it at its index.
     */
    private Future<List<EventCommand>> samplesFound(List<EventCommand> commands) {
        List<DigitalLink> links = commands.stream().filter(c -> c instanceof LabelledSample).map(c -> ((LabelledSample) c).link()).toList();
        if (links.isEmpty()) {
            return Future.succeededFuture(commands);
        }
        return lots.idsByGtinAndCode(links.stream().map(l -> l.gtin().value()).toList(), links.stream().map(l -> l.lot().value()).toList())
                .map(ids -> commands.stream().map(c -> {
                    if (c instanceof LabelledSample sample) {
                        Long id = ids.get(sample.link().gtin().value() + "/" + sample.link().lot().value());
                        return id == null ? c : sample.result().onLot(id);
                    }
                    return c;
                }).toList());
    }

    private Future<Recording> recordFound(long actor, List<EventCommand> commands, boolean allOrNothing) {
        Wanted wanted = wanted(actor, commands);
        int outputs = commands.stream().mapToInt(c -> c instanceof Processing p ? p.outputs().size() : 0).sum();
        int shipments = (int) commands.stream().filter(c -> c instanceof Shipping).count();
        return pool.withTransaction(tx -> chain.load(tx, wanted)
                .compose(state -> chain.reserve(tx, outputs, shipments)
                        // checking up to 10,000 events is CPU work: a worker does it, not the event loop
                        .compose(ids -> vertx.executeBlocking(() -> new Recorder(state, actor, ids, clock.instant()).record(commands), false)))
                .compose(recording -> recording.ok() || !allOrNothing && !recording.events().isEmpty()
                        ? chain.write(tx, actor, recording).map(recording)
                        : Future.failedFuture(new BatchRefused("events", commands.size(), recording.errors()))))
                .recover(error -> Future.failedFuture(UniqueViolation.on(error, LotRepository.CODE_UNIQUE)
                        ? new Conflict("outputs", "an output lot code is already used for that product's GTIN") : error));
    }

    private static Wanted wanted(long actor, List<EventCommand> commands) {
        List<Long> lots = new ArrayList<>();
        List<Long> shipments = new ArrayList<>();
        List<Long> sites = new ArrayList<>();
        List<Long> parties = new ArrayList<>(List.of(actor));
        List<Long> products = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (EventCommand command : commands) {
            eventIds.add(command.eventId() != null ? command.eventId() : Recorder.contentId(command));
            if (command instanceof Processing p) {
                sites.add(p.siteId());
                p.inputs().stream().map(LotAmount::lotId).forEach(lots::add);
                p.outputs().stream().map(Output::productId).forEach(products::add);
            } else if (command instanceof Shipping s) {
                lots.add(s.lotId());
                sites.add(s.fromSiteId());
                parties.add(s.toPartyId());
                if (s.toSiteId() != null) {
                    sites.add(s.toSiteId());
                }
                if (s.carrierPartyId() != null) {
                    parties.add(s.carrierPartyId());
                }
            } else if (command instanceof Receiving r) {
                shipments.add(r.shipmentId());
                sites.add(r.siteId());
            } else if (command instanceof Storing s) {
                lots.add(s.lotId());
                sites.add(s.siteId());
            } else if (command instanceof SensorReport r) {
                if (r.shipmentId() != null) {
                    shipments.add(r.shipmentId());
                }
                if (r.siteId() != null) {
                    sites.add(r.siteId());
                }
            } else if (command instanceof Inspection i) {
                lots.add(i.lotId());
                parties.add(i.labPartyId());
            } else if (command instanceof Packing p) {
                lots.add(p.lotId());
                p.serials().forEach(serial -> serials.add(serial.value()));
                p.cases().forEach(sscc -> cases.add(sscc.uri()));
            } else if (command instanceof Sale s) {
                lots.add(s.lotId());
                if (s.siteId() != null) {
                    sites.add(s.siteId());
                }
            }
        }
        return new Wanted(lots, shipments, sites, parties, products, eventIds, serials, cases);
    }
}
