package org.plateautrace.model.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.plateautrace.model.coldchain.Reading;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.model.lots.Quantity;

/**
 * What a party says happened, in the operator API's friendlier terms; {@link Recorder} checks it
 * against the record and turns it into an EPCIS event. {@code eventId} is the client's own id, or null.
 */
public sealed interface EventCommand {
    String eventId();

    OffsetDateTime time();

    /** An amount of one lot. */
    record LotAmount(long lotId, Quantity quantity) {
    }

    /** A lot a processing step makes. The lot code is generated unless given. */
    record Output(long productId, Quantity quantity, LotCode lotCode, Map<String, Object> attributes) {
    }

    /**
     * Inputs consumed into new output lots at a plant (TransformationEvent), through named steps of the
     * output commodity's profile (e.g. tea: withering, rolling, oxidation, drying); {@code process} is a free note.
     */
    record Processing(String eventId, OffsetDateTime time, long siteId, List<String> steps, String process,
                      List<LotAmount> inputs, List<Output> outputs) implements EventCommand {
    }

    /** Goods leave the caller's site for another party (ObjectEvent shipping); opens a shipment. */
    record Shipping(String eventId, OffsetDateTime time, long lotId, Quantity quantity, long fromSiteId, long toPartyId,
                    Long toSiteId, Long carrierPartyId) implements EventCommand {
    }

    /** The addressee takes in a shipment (ObjectEvent receiving); closes it. */
    record Receiving(String eventId, OffsetDateTime time, long shipmentId, long siteId) implements EventCommand {
    }

    /** Goods put into a cold store or warehouse of the caller (ObjectEvent storing). */
    record Storing(String eventId, OffsetDateTime time, long lotId, long siteId) implements EventCommand {
    }

    /** Logger readings for a shipment or a storage site (ObjectEvent sensor_reporting). */
    record SensorReport(String eventId, OffsetDateTime time, Long shipmentId, Long siteId, List<Reading> readings)
            implements EventCommand {
    }

    /** A lab result on a lot (ObjectEvent inspecting; conformant or non_conformant). */
    record Inspection(String eventId, OffsetDateTime time, long lotId, long labPartyId, String reportNumber, String test,
                      String result, boolean passed) implements EventCommand {
        /** This result on the lot with this id. */
        public Inspection onLot(long id) {
            return new Inspection(eventId, time, id, labPartyId, reportNumber, test, result, passed);
        }
    }

    /**
     * A lab result on the lot its sample came labelled with: a Digital Link naming GTIN and lot, as on the lot's or
     * a pack's QR code. The lot is found before recording, and {@code result} (lot id 0 until then) is recorded on it.
     */
    record LabelledSample(org.plateautrace.model.codes.DigitalLink link, Inspection result) implements EventCommand {
        @Override
        public String eventId() {
            return result.eventId();
        }

        @Override
        public OffsetDateTime time() {
            return result.time();
        }
    }

    /** Pack codes of a lot (and/or cases by SSCC) into a case or pallet, or out of it (AggregationEvent). */
    record Packing(String eventId, OffsetDateTime time, long lotId, org.plateautrace.model.codes.Sscc parent,
                   List<org.plateautrace.model.codes.Serial> serials, List<org.plateautrace.model.codes.Sscc> cases,
                   boolean unpack) implements EventCommand {
    }

    /** A retail sale (ObjectEvent retail_selling) through a channel. */
    record Sale(String eventId, OffsetDateTime time, long lotId, Quantity quantity, String channel, Long siteId)
            implements EventCommand {
    }
}
