package org.plateautrace.model.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.NotPermitted;
import org.plateautrace.model.Sha256;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.codes.Serial;
import org.plateautrace.model.events.ChainState.LotState;
import org.plateautrace.model.events.ChainState.ProductState;
import org.plateautrace.model.events.ChainState.ShipmentState;
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
import org.plateautrace.model.events.Recording.Effects;
import org.plateautrace.model.events.Recording.HoldingChange;
import org.plateautrace.model.events.Recording.ItemError;
import org.plateautrace.model.events.Recording.LotLink;
import org.plateautrace.model.events.Recording.NewLot;
import org.plateautrace.model.events.Recording.NewShipment;
import org.plateautrace.model.events.Recording.Readings;
import org.plateautrace.model.events.Recording.Recorded;
import org.plateautrace.model.events.SupplyChainEvent.PartyRef;
import org.plateautrace.model.lots.CommodityProfiles;
import org.plateautrace.model.lots.Harvest;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.model.lots.Quantity;
import org.plateautrace.model.registry.PartyKind;

/**
 * Checks a batch of events against the record and the rules that keep it true, and says what each
 * accepted event changes. Rules: quantities are conserved (nobody ships, sells or consumes more of a
 * lot than it holds, units converted among weights); time order holds (no event before its lots exist,
 * no receiving before shipping, nothing in the future); only the holder of goods acts on them; a pack code
 * or case is in at most one case or pallet at a time and comes out only of the one it is in; a
 * repeated eventID is recognised and stores nothing twice. Items apply in order, each seeing the
 * effects of those before it; a refused item changes nothing.
 */
public final class Recorder {
    public static final Set<String> SALE_CHANNELS = Set.of("direct_store", "supermarket", "ecommerce", "livestream",
            "stall", "wholesale", "institutional", "other");
    public static final Set<String> TESTS = Set.of("pesticide_residue", "veterinary_drug_residue", "quarantine",
            "moisture", "heavy_metals", "microbiology", "other");

    /** Where new lot and shipment ids come from (the store reserves them from its sequences). */
    public interface Ids {
        long nextLotId();

        long nextShipmentId();
    }

    private final ChainState state;
    private final long actor;
    private final Ids ids;
    private final Instant now;

    public Recorder(ChainState state, long actor, Ids ids, Instant now) {
        this.state = state;
        this.actor = actor;
        this.ids = ids;
        this.now = now;
    }

    public Recording record(List<EventCommand> commands) {
        List<Recorded> recorded = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            EventCommand command = commands.get(i);
            String eventId = command.eventId() != null ? command.eventId() : contentId(command);
            if (!state.recordedEventIds.add(eventId)) {
                recorded.add(new Recorded(i, eventId, true, null, Effects.NONE));
                continue;
            }
            try {
                recorded.add(apply(i, eventId, command));
            } catch (Invalid e) {
                state.recordedEventIds.remove(eventId);
                errors.add(new ItemError(i, 400, e.field(), e.detail()));
            } catch (NotPermitted e) {
                state.recordedEventIds.remove(eventId);
                errors.add(new ItemError(i, 403, e.field(), e.detail()));
            }
        }
        return new Recording(recorded, errors);
    }

    /** The eventID of an event without one: the hash of what was asked, so a retried request is recognised. */
    public static String contentId(EventCommand command) {
        return "ni:///sha-256;" + HexFormat.of().formatHex(Sha256.of(command.toString())) + "?ver=CBV2.0";
    }

    private Recorded apply(int index, String eventId, EventCommand command) {
        checkTime(command.time());
        if (command instanceof Processing p) {
            return processing(index, eventId, p);
        } else if (command instanceof Shipping s) {
            return shipping(index, eventId, s);
        } else if (command instanceof Receiving r) {
            return receiving(index, eventId, r);
        } else if (command instanceof Storing s) {
            return storing(index, eventId, s);
        } else if (command instanceof SensorReport r) {
            return sensorReport(index, eventId, r);
        } else if (command instanceof Inspection i) {
            return inspection(index, eventId, i);
        } else if (command instanceof Packing p) {
            return packing(index, eventId, p);
        } else if (command instanceof LabelledSample sample) { // the service put every sample it found on its lot
            throw new Invalid("lot", "no lot " + sample.link().lot().value() + " of GTIN " + sample.link().gtin().value()
                    + " is registered here");
        }
        return sale(index, eventId, (Sale) command);
    }

    private Recorded processing(int index, String eventId, Processing p) {
        ownSite(p.siteId(), "siteId");
        if (p.inputs().isEmpty()) {
            throw new Invalid("inputs", "a processing step consumes at least one input lot");
        }
        if (p.outputs().isEmpty()) {
            throw new Invalid("outputs", "a processing step makes at least one output lot");
        }
        List<HoldingChange> holdings = new ArrayList<>();
        List<QuantityElement> inputs = new ArrayList<>();
        Map<String, Long> lotOfClass = new LinkedHashMap<>();
        Map<Long, String> named = new HashMap<>();
        for (int i = 0; i < p.inputs().size(); i++) {
            LotAmount input = p.inputs().get(i);
            String field = "inputs[" + i + "]";
            String earlier = named.putIfAbsent(input.lotId(), field);
            if (earlier != null) { // each input is checked against what is held: twice would consume it twice over
                throw new Invalid(field + ".lotId", "lot " + input.lotId() + " is already an input (" + earlier + "); name it once with the whole quantity");
            }
            LotState lot = activeLot(input.lotId(), field + ".lotId");
            notBefore(p.time(), lot);
            BigDecimal amount = take(lot, input.quantity(), field + ".quantity");
            holdings.add(new HoldingChange(lot.id(), actor, amount.negate()));
            inputs.add(element(lot, amount));
            lotOfClass.put(lotClass(lot), lot.id());
        }
        List<NewLot> lots = new ArrayList<>();
        List<LotState> made = new ArrayList<>();
        List<QuantityElement> outputs = new ArrayList<>();
        for (int i = 0; i < p.outputs().size(); i++) {
            Output output = p.outputs().get(i);
            String field = "outputs[" + i + "]";
            ProductState product = state.products.get(output.productId());
            if (product == null) {
                throw new Invalid(field + ".productId", "no such product: " + output.productId());
            }
            if (product.partyId() != actor) {
                throw new NotPermitted(field + ".productId", "product " + product.id() + " belongs to another party");
            }
            try {
                CommodityProfiles.require(product.commodity()).requireUnit(output.quantity().unit());
            } catch (Invalid e) {
                throw new Invalid(field + ".quantity.unit", e.detail());
            }
            LotCode code = output.lotCode() != null ? output.lotCode()
                    : LotCode.generate(CommodityProfiles.require(product.commodity()).lotPrefix(), p.time().toLocalDate());
            NewLot lot = new NewLot(ids.nextLotId(), actor, product.id(), p.siteId(), product.gtin(), code, output.quantity(),
                    p.time(), output.attributes() == null ? Map.of() : output.attributes());
            LotState madeLot = new LotState(lot.id(), actor, product.id(), product.gtin(), code, output.quantity().unit(),
                    p.time(), false);
            made.add(madeLot);
            holdings.add(new HoldingChange(lot.id(), actor, output.quantity().value()));
            lots.add(lot);
            outputs.add(new QuantityElement(lotClass(madeLot), output.quantity().value(), output.quantity().unit().uom()));
            lotOfClass.put(lotClass(madeLot), lot.id());
        }
        List<LotLink> links = new ArrayList<>();
        for (int i = 0; i < p.inputs().size(); i++) {
            for (NewLot out : lots) {
                links.add(new LotLink(p.inputs().get(i).lotId(), out.id(), inputs.get(i).quantity()));
            }
        }
        if (p.steps().isEmpty()) {
            throw new Invalid("steps", "name at least one processing step");
        }
        for (int i = 0; i < p.steps().size(); i++) {
            for (Output output : p.outputs()) {
                CommodityProfiles.require(state.products.get(output.productId()).commodity()).requireStep(p.steps().get(i),
                        "steps[" + i + "]");
            }
        }
        // the record changes only once every check passed: a refused item leaves it as it was for the items after it
        made.forEach(state::lot);
        holdings.forEach(change -> state.change(change.lotId(), change.partyId(), change.delta()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("steps", p.steps());
        if (p.process() != null) {
            details.put("process", p.process());
        }
        String site = Commissioning.siteUri(p.siteId());
        SupplyChainEvent event = new SupplyChainEvent("TransformationEvent", null, "commissioning", "active", p.time(),
                site, site, List.of(), inputs, outputs, null, null, null, details);
        return new Recorded(index, eventId, false, event,
                new Effects(holdings, lots, links, null, null, null, lotOfClass));
    }

    private Recorded shipping(int index, String eventId, Shipping s) {
        ownSite(s.fromSiteId(), "fromSiteId");
        LotState lot = activeLot(s.lotId(), "lotId");
        notBefore(s.time(), lot);
        PartyKind to = state.parties.get(s.toPartyId());
        if (to == null) {
            throw new Invalid("toPartyId", "no such party: " + s.toPartyId());
        }
        if (s.toPartyId() == actor) {
            throw new Invalid("toPartyId", "a shipment goes to another party; moving goods between own sites is storing");
        }
        if (s.toSiteId() != null && !Long.valueOf(s.toPartyId()).equals(state.siteOwners.get(s.toSiteId()))) {
            throw new Invalid("toSiteId", "site " + s.toSiteId() + " is not a site of party " + s.toPartyId());
        }
        if (s.carrierPartyId() != null && state.parties.get(s.carrierPartyId()) != PartyKind.CARRIER) {
            throw new Invalid("carrierPartyId", "party " + s.carrierPartyId() + " is not a registered carrier");
        }
        BigDecimal amount = take(lot, s.quantity(), "quantity");
        state.change(lot.id(), actor, amount.negate());
        NewShipment shipment = new NewShipment(ids.nextShipmentId(), lot.id(), amount, actor, s.fromSiteId(), s.toPartyId(),
                s.toSiteId(), s.carrierPartyId(), s.time());
        state.shipment(new ShipmentState(shipment.id(), lot.id(), amount, actor, s.fromSiteId(), s.toPartyId(), s.toSiteId(),
                s.carrierPartyId(), s.time(), false));
        List<PartyRef> destinations = new ArrayList<>(List.of(new PartyRef("owning_party", partyUri(s.toPartyId()))));
        if (s.toSiteId() != null) {
            destinations.add(new PartyRef("location", Commissioning.siteUri(s.toSiteId())));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("shipmentId", shipment.id());
        if (s.carrierPartyId() != null) {
            details.put("carrier", partyUri(s.carrierPartyId()));
        }
        SupplyChainEvent event = new SupplyChainEvent("ObjectEvent", "OBSERVE", "shipping", "in_transit", s.time(),
                Commissioning.siteUri(s.fromSiteId()), null, List.of(element(lot, amount)), null, null,
                List.of(new PartyRef("owning_party", partyUri(actor)), new PartyRef("location", Commissioning.siteUri(s.fromSiteId()))),
                destinations, null, details);
        return new Recorded(index, eventId, false, event, new Effects(List.of(new HoldingChange(lot.id(), actor, amount.negate())),
                List.of(), List.of(), shipment, null, null, Map.of(lotClass(lot), lot.id())));
    }

    private Recorded receiving(int index, String eventId, Receiving r) {
        ShipmentState shipment = state.shipments.get(r.shipmentId());
        if (shipment == null) {
            throw new Invalid("shipmentId", "no shipment " + r.shipmentId() + " to receive: a receiving event needs its shipping event");
        }
        if (shipment.toPartyId() != actor) {
            throw new NotPermitted("shipmentId", "shipment " + r.shipmentId() + " is addressed to another party");
        }
        if (shipment.received()) {
            throw new Invalid("shipmentId", "shipment " + r.shipmentId() + " was already received");
        }
        ownSite(r.siteId(), "siteId");
        if (shipment.toSiteId() != null && shipment.toSiteId() != r.siteId()) {
            throw new Invalid("siteId", "shipment " + r.shipmentId() + " is addressed to site " + shipment.toSiteId());
        }
        if (r.time().isBefore(shipment.shippedAt())) {
            throw new Invalid("time", "is before the shipment left (" + shipment.shippedAt() + ")");
        }
        LotState lot = state.lots.get(shipment.lotId());
        state.change(lot.id(), actor, shipment.quantity());
        state.shipment(shipment.receivedNow());
        String site = Commissioning.siteUri(r.siteId());
        SupplyChainEvent event = new SupplyChainEvent("ObjectEvent", "OBSERVE", "receiving", "in_progress", r.time(),
                site, site, List.of(element(lot, shipment.quantity())), null, null,
                List.of(new PartyRef("owning_party", partyUri(shipment.fromPartyId()))),
                List.of(new PartyRef("owning_party", partyUri(actor)), new PartyRef("location", site)), null,
                Map.of("shipmentId", shipment.id()));
        return new Recorded(index, eventId, false, event, new Effects(List.of(new HoldingChange(lot.id(), actor, shipment.quantity())),
                List.of(), List.of(), null, shipment.id(), null, Map.of(lotClass(lot), lot.id())));
    }

    private Recorded storing(int index, String eventId, Storing s) {
        ownSite(s.siteId(), "siteId");
        LotState lot = heldLot(s.lotId(), "lotId");
        notBefore(s.time(), lot);
        String site = Commissioning.siteUri(s.siteId());
        SupplyChainEvent event = new SupplyChainEvent("ObjectEvent", "OBSERVE", "storing", "in_progress", s.time(),
                site, site, List.of(element(lot, state.held(lot.id(), actor))), Map.of());
        return new Recorded(index, eventId, false, event,
                new Effects(List.of(), List.of(), List.of(), null, null, null, Map.of(lotClass(lot), lot.id())));
    }

    private Recorded sensorReport(int index, String eventId, SensorReport r) {
        if ((r.shipmentId() == null) == (r.siteId() == null)) {
            throw new Invalid("shipmentId", "readings belong to exactly one of shipmentId or siteId");
        }
        if (r.readings().isEmpty()) {
            throw new Invalid("readings", "at least one reading");
        }
        Map<String, Long> lotOfClass = Map.of();
        List<QuantityElement> quantities = List.of();
        String location;
        if (r.shipmentId() != null) {
            ShipmentState shipment = state.shipments.get(r.shipmentId());
            if (shipment == null) {
                throw new Invalid("shipmentId", "no such shipment: " + r.shipmentId());
            }
            if (actor != shipment.fromPartyId() && actor != shipment.toPartyId()
                    && !Long.valueOf(actor).equals(shipment.carrierPartyId())) {
                throw new NotPermitted("shipmentId", "only the shipper, the addressee or the carrier reports its readings");
            }
            LotState lot = state.lots.get(shipment.lotId());
            quantities = List.of(element(lot, shipment.quantity()));
            lotOfClass = Map.of(lotClass(lot), lot.id());
            location = Commissioning.siteUri(shipment.fromSiteId());
        } else {
            ownSite(r.siteId(), "siteId");
            location = Commissioning.siteUri(r.siteId());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("readings", r.readings().size());
        if (r.shipmentId() != null) {
            details.put("shipmentId", r.shipmentId());
        }
        SupplyChainEvent event = new SupplyChainEvent("ObjectEvent", "OBSERVE", "sensor_reporting", null, r.time(),
                location, r.siteId() != null ? location : null, quantities, null, null, null, null, null, details);
        return new Recorded(index, eventId, false, event, new Effects(List.of(), List.of(), List.of(), null, null,
                new Readings(r.shipmentId(), r.siteId(), r.readings()), lotOfClass));
    }

    private Recorded inspection(int index, String eventId, Inspection i) {
        LotState lot = lot(i.lotId(), "lotId");
        if (state.parties.get(i.labPartyId()) != PartyKind.LAB) {
            throw new Invalid("labPartyId", "party " + i.labPartyId() + " is not a registered lab");
        }
        if (actor != i.labPartyId() && state.held(lot.id(), actor).signum() <= 0) {
            throw new NotPermitted("lotId", "a lab result is recorded by the lab or by a holder of the lot");
        }
        notBefore(i.time(), lot);
        if (!TESTS.contains(i.test())) {
            throw new Invalid("test", "one of " + String.join(", ", TESTS.stream().sorted().toList()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lab", partyUri(i.labPartyId()));
        details.put("reportNumber", i.reportNumber());
        details.put("test", i.test());
        details.put("result", i.result());
        details.put("passed", i.passed());
        SupplyChainEvent event = new SupplyChainEvent("ObjectEvent", "OBSERVE", "inspecting",
                i.passed() ? "conformant" : "non_conformant", i.time(), partyUri(i.labPartyId()), null,
                List.of(new QuantityElement(lotClass(lot), null, null)), null, null, null, null, null, details);
        return new Recorded(index, eventId, false, event,
                new Effects(List.of(), List.of(), List.of(), null, null, null, Map.of(lotClass(lot), lot.id())));
    }

    private Recorded packing(int index, String eventId, Packing p) {
        LotState lot = heldLot(p.lotId(), "lotId");
        notBefore(p.time(), lot);
        if (p.serials().isEmpty() && p.cases().isEmpty()) {
            throw new Invalid("serials", "name the pack codes (serials) or cases (ssccs) that go in");
        }
        Set<String> known = state.serialsOfLot.getOrDefault(lot.id(), Set.of());
        String parent = p.parent().uri();
        Map<String, String> children = new LinkedHashMap<>();
        for (int i = 0; i < p.serials().size(); i++) {
            String serial = p.serials().get(i).value();
            if (!known.contains(serial)) {
                throw new Invalid("serials[" + i + "]", serial + " is not a pack code of lot " + lot.lotCode());
            }
            placeable(children, packEpc(lot, serial), "serials[" + i + "]", serial, p);
        }
        for (int i = 0; i < p.cases().size(); i++) {
            String sscc = p.cases().get(i).value();
            if (p.cases().get(i).uri().equals(parent)) {
                throw new Invalid("ssccs[" + i + "]", "case " + sscc + " cannot go into itself");
            }
            placeable(children, p.cases().get(i).uri(), "ssccs[" + i + "]", sscc, p);
        }
        children.keySet().forEach(child -> state.placement(child, p.unpack() ? null : parent, p.time()));
        List<QuantityElement> counted = List.of(new QuantityElement(lotClass(lot),
                p.serials().isEmpty() ? null : BigDecimal.valueOf(p.serials().size()), null));
        SupplyChainEvent event = new SupplyChainEvent("AggregationEvent", p.unpack() ? "DELETE" : "ADD",
                p.unpack() ? "unpacking" : "packing", "in_progress", p.time(), null, null, List.of(), null, null, null, null,
                null, null, new SupplyChainEvent.Aggregation(parent, List.copyOf(children.keySet()), counted));
        return new Recorded(index, eventId, false, event,
                new Effects(List.of(), List.of(), List.of(), null, null, null, Map.of(lotClass(lot), lot.id())));
    }

    /**
     * Checks that a child (a pack code or case, {@code code} as typed) may be packed into, or unpacked from, the event's
     * parent as the record (and the batch so far) left it, and adds it to the event's children: a child is in at most
     * one case or pallet at a time, comes out only of the one it is in, and its packing history runs forward in time.
     */
    private void placeable(Map<String, String> children, String child, String field, String code, Packing p) {
        if (children.putIfAbsent(child, field) != null) {
            throw new Invalid(field, code + " is named twice (also at " + children.get(child) + ")");
        }
        ChainState.Placement placed = state.placements.get(child);
        if (placed != null && p.time().isBefore(placed.time())) {
            throw new Invalid("time", "is before the last packing or unpacking of " + code + " (" + placed.time() + ")");
        }
        String in = placed == null ? null : placed.parent();
        if (!p.unpack() && in != null) {
            throw new Invalid(field, code + " is already packed in " + ssccOf(in) + "; unpack it from there first");
        }
        if (p.unpack() && !p.parent().uri().equals(in)) {
            throw new Invalid(field, code + " is not in " + ssccOf(p.parent().uri())
                    + (in == null ? " (it is not packed)" : " (it is in " + ssccOf(in) + ")"));
        }
    }

    private static String ssccOf(String parentEpc) {
        return "SSCC " + parentEpc.substring(parentEpc.lastIndexOf('/') + 1);
    }

    /** A pack code's EPC (its instance-level Digital Link on the canonical domain), as packing events name it. */
    public static String packEpc(LotState lot, String serial) {
        return DigitalLink.of(lot.gtin(), lot.lotCode(), new Serial(serial)).uri(DigitalLink.CANONICAL_BASE);
    }

    private Recorded sale(int index, String eventId, Sale s) {
        LotState lot = activeLot(s.lotId(), "lotId");
        notBefore(s.time(), lot);
        if (!SALE_CHANNELS.contains(s.channel())) {
            throw new Invalid("channel", "one of " + String.join(", ", SALE_CHANNELS.stream().sorted().toList()));
        }
        if (s.siteId() != null) {
            ownSite(s.siteId(), "siteId");
        }
        BigDecimal amount = take(lot, s.quantity(), "quantity");
        state.change(lot.id(), actor, amount.negate());
        String site = s.siteId() == null ? null : Commissioning.siteUri(s.siteId());
        SupplyChainEvent event = new SupplyChainEvent("ObjectEvent", "OBSERVE", "retail_selling", "retail_sold", s.time(),
                site, site, List.of(element(lot, amount)), null, null,
                List.of(new PartyRef("owning_party", partyUri(actor))), null, null, Map.of("channel", s.channel()));
        return new Recorded(index, eventId, false, event, new Effects(List.of(new HoldingChange(lot.id(), actor, amount.negate())),
                List.of(), List.of(), null, null, null, Map.of(lotClass(lot), lot.id())));
    }

    private void checkTime(OffsetDateTime time) {
        if (time == null) {
            throw new Invalid("time", "is required");
        }
        if (time.toInstant().isAfter(now.plus(Harvest.CLOCK_TOLERANCE))) {
            throw new Invalid("time", "is in the future");
        }
    }

    private void notBefore(OffsetDateTime time, LotState lot) {
        if (time.isBefore(lot.createdAt())) {
            throw new Invalid("time", "is before lot " + lot.lotCode() + " existed (" + lot.createdAt() + ")");
        }
    }

    private void ownSite(long siteId, String field) {
        Long owner = state.siteOwners.get(siteId);
        if (owner == null) {
            throw new Invalid(field, "no such site: " + siteId);
        }
        if (owner != actor) {
            throw new NotPermitted(field, "site " + siteId + " belongs to another party");
        }
    }

    private LotState lot(long lotId, String field) {
        LotState lot = state.lots.get(lotId);
        if (lot == null) {
            throw new Invalid(field, "no such lot: " + lotId);
        }
        return lot;
    }

    private LotState heldLot(long lotId, String field) {
        LotState lot = lot(lotId, field);
        if (state.held(lotId, actor).signum() <= 0) {
            throw new NotPermitted(field, "lot " + lot.lotCode() + " is not in your custody");
        }
        return lot;
    }

    private LotState activeLot(long lotId, String field) {
        LotState lot = heldLot(lotId, field);
        if (lot.recalled()) {
            throw new Invalid(field, "lot " + lot.lotCode() + " is recalled");
        }
        return lot;
    }

    /** The amount in the lot's unit, if the caller holds that much. */
    private BigDecimal take(LotState lot, Quantity quantity, String field) {
        BigDecimal amount;
        try {
            amount = quantity.in(lot.unit());
        } catch (Invalid e) {
            throw new Invalid(field + ".unit", "lot " + lot.lotCode() + " is counted in " + lot.unit().code() + "; " + e.detail());
        }
        BigDecimal held = state.held(lot.id(), actor);
        if (amount.compareTo(held) > 0) {
            throw new Invalid(field + ".value", "you hold " + held.stripTrailingZeros().toPlainString() + " " + lot.unit().code()
                    + " of lot " + lot.lotCode() + ", less than " + amount.stripTrailingZeros().toPlainString());
        }
        return amount;
    }

    private static QuantityElement element(LotState lot, BigDecimal amount) {
        return new QuantityElement(lotClass(lot), amount, lot.unit().uom());
    }

    static String lotClass(LotState lot) {
        return DigitalLink.forLot(DigitalLink.CANONICAL_BASE, lot.gtin(), lot.lotCode());
    }

    public static String partyUri(long partyId) {
        return "urn:plateautrace:party:" + partyId;
    }

}
