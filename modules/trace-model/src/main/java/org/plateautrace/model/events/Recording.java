package org.plateautrace.model.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.coldchain.Reading;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.model.lots.Quantity;

/** What recording a batch of events amounts to: each accepted event with its effects, and each refusal. */
public record Recording(List<Recorded> events, List<ItemError> errors) {

    /** A refused item: its index in the batch, HTTP-like status (400 invalid, 403 not permitted), field, reason. */
    public record ItemError(int index, int status, String field, String detail) {
    }

    /** An accepted item; a {@code duplicate} was recorded before (same eventID) and changes nothing now. */
    public record Recorded(int index, String eventId, boolean duplicate, SupplyChainEvent event, Effects effects) {
    }

    public record HoldingChange(long lotId, long partyId, BigDecimal delta) {
    }

    public record NewLot(long id, long partyId, long productId, long siteId, Gtin gtin, LotCode lotCode,
                         Quantity quantity, OffsetDateTime createdAt, Map<String, Object> attributes) {
    }

    public record LotLink(long inputLotId, long outputLotId, BigDecimal quantity) {
    }

    public record NewShipment(long id, long lotId, BigDecimal quantity, long fromPartyId, long fromSiteId,
                              long toPartyId, Long toSiteId, Long carrierPartyId, OffsetDateTime shippedAt) {
    }

    /** Readings to store, attached to a shipment or a site. */
    public record Readings(Long shipmentId, Long siteId, List<Reading> readings) {
    }

    /**
     * The rows an event changes besides itself. {@code lotOfClass} maps each epcClass in its quantity
     * lists to our lot id, so the event is found by lot.
     */
    public record Effects(List<HoldingChange> holdings, List<NewLot> lots, List<LotLink> links, NewShipment shipment,
                          Long receivedShipmentId, Readings readings, Map<String, Long> lotOfClass) {
        static final Effects NONE = new Effects(List.of(), List.of(), List.of(), null, null, null, Map.of());
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
