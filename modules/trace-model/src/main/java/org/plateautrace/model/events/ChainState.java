package org.plateautrace.model.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.model.lots.Unit;
import org.plateautrace.model.registry.PartyKind;

/**
 * The part of the record a batch of events touches, loaded once, then changed in memory as each
 * event applies (so event 2 of a batch sees what event 1 did). The store fills it; {@link Recorder}
 * reads and updates it; nothing here does I/O.
 */
public final class ChainState {

    public record LotState(long id, long partyId, long productId, Gtin gtin, LotCode lotCode, Unit unit,
                           OffsetDateTime createdAt, boolean recalled) {
    }

    public record ShipmentState(long id, long lotId, BigDecimal quantity, long fromPartyId, long fromSiteId,
                                long toPartyId, Long toSiteId, Long carrierPartyId, OffsetDateTime shippedAt,
                                boolean received) {
        ShipmentState receivedNow() {
            return new ShipmentState(id, lotId, quantity, fromPartyId, fromSiteId, toPartyId, toSiteId, carrierPartyId,
                    shippedAt, true);
        }
    }

    public record ProductState(long id, long partyId, Gtin gtin, String commodity, Unit unit) {
    }

    private record Holder(long lotId, long partyId) {
    }

    /**
     * Where a pack code or case (as its EPC) was left by its newest packing or unpacking event, by event time:
     * in {@code parent} (an SSCC's EPC), or taken out ({@code parent} null).
     */
    public record Placement(String parent, OffsetDateTime time) {
    }

    final Map<Long, LotState> lots = new HashMap<>();
    final Map<Long, ShipmentState> shipments = new HashMap<>();
    final Map<Long, ProductState> products = new HashMap<>();
    final Map<Long, Long> siteOwners = new HashMap<>();
    final Map<Long, PartyKind> parties = new HashMap<>();
    final Set<String> recordedEventIds = new HashSet<>();
    final Map<Long, Set<String>> serialsOfLot = new HashMap<>();
    final Map<String, Placement> placements = new HashMap<>();
    private final Map<Holder, BigDecimal> holdings = new HashMap<>();

    public ChainState lot(LotState lot) {
        lots.put(lot.id(), lot);
        return this;
    }

    public ChainState shipment(ShipmentState shipment) {
        shipments.put(shipment.id(), shipment);
        return this;
    }

    public ChainState product(ProductState product) {
        products.put(product.id(), product);
        return this;
    }

    public ChainState site(long siteId, long partyId) {
        siteOwners.put(siteId, partyId);
        return this;
    }

    public ChainState party(long partyId, PartyKind kind) {
        parties.put(partyId, kind);
        return this;
    }

    public ChainState holding(long lotId, long partyId, BigDecimal quantity) {
        holdings.put(new Holder(lotId, partyId), quantity);
        return this;
    }

    /** A pack code (serial) known to belong to the lot. */
    public ChainState code(long lotId, String serial) {
        serialsOfLot.computeIfAbsent(lotId, id -> new HashSet<>()).add(serial);
        return this;
    }

    /** Where the newest packing or unpacking event left a child (a pack code's or case's EPC); {@code parent} null: taken out. */
    public ChainState placement(String child, String parent, OffsetDateTime time) {
        placements.put(child, new Placement(parent, time));
        return this;
    }

    /** An eventID already in the store: a retried event is recognised, not stored twice. */
    public ChainState recorded(String eventId) {
        recordedEventIds.add(eventId);
        return this;
    }

    public BigDecimal held(long lotId, long partyId) {
        return holdings.getOrDefault(new Holder(lotId, partyId), BigDecimal.ZERO);
    }

    void change(long lotId, long partyId, BigDecimal delta) {
        holdings.merge(new Holder(lotId, partyId), delta, BigDecimal::add);
    }
}
