package org.plateautrace.web.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.Text;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.codes.Serial;
import org.plateautrace.model.codes.Sscc;
import org.plateautrace.model.coldchain.Measure;
import org.plateautrace.model.coldchain.Reading;
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
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.model.lots.Quantity;
import org.plateautrace.model.lots.Unit;
import org.plateautrace.web.JsonInput;

/** Reads one event of the operator API ({@code "type": "processing" | "shipping" | ...}) into a command. */
public final class EventInput {
    static final int MAX_READINGS = 10_000;
    private static final Set<String> QUANTITY = Set.of("value", "unit");

    private EventInput() {
    }

    public static EventCommand read(Object json) {
        JsonInput peek = JsonInput.of(json, Set.of("type", "eventId", "time", "siteId", "process", "inputs", "outputs", "lotId", "lot",
                "quantity", "fromSiteId", "toPartyId", "toSiteId", "carrierPartyId", "shipmentId", "readings", "labPartyId",
                "reportNumber", "test", "result", "passed", "channel", "sscc", "serials", "ssccs", "steps"));
        String type = peek.string("type", true);
        return switch (type) {
            case "processing" -> processing(fields(json, "siteId", "steps", "process", "inputs", "outputs"));
            case "shipping" -> shipping(fields(json, "lotId", "quantity", "fromSiteId", "toPartyId", "toSiteId", "carrierPartyId"));
            case "receiving" -> receiving(fields(json, "shipmentId", "siteId"));
            case "storing" -> storing(fields(json, "lotId", "siteId"));
            case "sensor_reporting" -> sensorReport(fieldsWithoutTime(json, "shipmentId", "siteId", "readings"));
            case "inspection" -> inspection(fields(json, "lotId", "lot", "labPartyId", "reportNumber", "test", "result", "passed"));
            case "sale" -> sale(fields(json, "lotId", "quantity", "channel", "siteId"));
            case "packing" -> packing(fields(json, "lotId", "sscc", "serials", "ssccs"), false);
            case "unpacking" -> packing(fields(json, "lotId", "sscc", "serials", "ssccs"), true);
            default -> throw new Invalid("type", "unknown event type '" + type
                    + "'; one of processing, shipping, receiving, storing, sensor_reporting, inspection, packing, unpacking, sale");
        };
    }

    private static JsonInput fields(Object json, String... specific) {
        Set<String> allowed = new java.util.HashSet<>(Set.of(specific));
        allowed.addAll(Set.of("type", "eventId", "time"));
        return JsonInput.of(json, allowed);
    }

    private static JsonInput fieldsWithoutTime(Object json, String... specific) {
        Set<String> allowed = new java.util.HashSet<>(Set.of(specific));
        allowed.addAll(Set.of("type", "eventId"));
        return JsonInput.of(json, allowed);
    }

    private static Processing processing(JsonInput in) {
        List<LotAmount> inputs = new ArrayList<>();
        for (JsonInput input : in.objects("inputs", true, Set.of("lotId", "quantity"))) {
            inputs.add(new LotAmount(input.id("lotId", true), quantity(input)));
        }
        List<Output> outputs = new ArrayList<>();
        for (JsonInput output : in.objects("outputs", true, Set.of("productId", "quantity", "lotCode", "attributes"))) {
            outputs.add(new Output(output.id("productId", true), quantity(output),
                    output.parsed("lotCode", false, LotCode::new), output.map("attributes")));
        }
        return new Processing(eventId(in), in.dateTime("time", true), in.id("siteId", true), in.strings("steps"),
                Text.optional("process", in.string("process", false), 200), inputs, outputs);
    }

    private static Shipping shipping(JsonInput in) {
        return new Shipping(eventId(in), in.dateTime("time", true), in.id("lotId", true), quantity(in), in.id("fromSiteId", true),
                in.id("toPartyId", true), in.id("toSiteId", false), in.id("carrierPartyId", false));
    }

    private static Receiving receiving(JsonInput in) {
        return new Receiving(eventId(in), in.dateTime("time", true), in.id("shipmentId", true), in.id("siteId", true));
    }

    private static Storing storing(JsonInput in) {
        return new Storing(eventId(in), in.dateTime("time", true), in.id("lotId", true), in.id("siteId", true));
    }

    private static SensorReport sensorReport(JsonInput in) {
        List<JsonInput> items = in.objects("readings", true, Set.of("time", "measure", "value", "device"));
        if (items.size() > MAX_READINGS) {
            throw new Invalid("readings", "at most " + MAX_READINGS + " readings per event; send more events");
        }
        List<Reading> readings = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonInput item = items.get(i);
            String measure = item.string("measure", false);
            readings.add(item.build(() -> new Reading(item.dateTime("time", true),
                    measure == null ? Measure.TEMPERATURE : item.parsed("measure", true, Measure::parse),
                    item.decimal("value", true), item.string("device", false))));
        }
        OffsetDateTime last = readings.stream().map(Reading::time).max(Comparator.naturalOrder())
                .orElseThrow(() -> new Invalid("readings", "at least one reading"));
        return new SensorReport(eventId(in), last, in.id("shipmentId", false), in.id("siteId", false), readings);
    }

    private static EventCommand inspection(JsonInput in) {
        Boolean passed = in.bool("passed");
        if (passed == null) {
            throw new Invalid("passed", "is required: true when the lot passed");
        }
        Long lotId = in.id("lotId", false);
        DigitalLink sample = in.parsed("lot", false, EventInput::lotLink);
        if ((lotId == null) == (sample == null)) {
            throw new Invalid(lotId == null ? "lotId" : "lot", "name the lot once: by lotId, or by lot, the Digital Link the sample came labelled with");
        }
        Inspection result = new Inspection(eventId(in), in.dateTime("time", true), lotId == null ? 0 : lotId, in.id("labPartyId", true),
                Text.required("reportNumber", in.string("reportNumber", true), 100), in.string("test", true),
                Text.required("result", in.string("result", true), 500), passed);
        return sample == null ? result : new LabelledSample(sample, result);
    }

    /** A GS1 Digital Link (URI or path, any host) that names a GTIN and a lot, as on a lot's or a pack's QR code. */
    private static DigitalLink lotLink(String text) {
        DigitalLink link = DigitalLink.parse(text).link();
        if (link.lot() == null) {
            throw Invalid.of("the Digital Link names no lot (AI 10), e.g. https://trace.example.cn/01/06951234000012/10/TEA-260502-K7QM");
        }
        return link;
    }

    private static Packing packing(JsonInput in, boolean unpack) {
        return new Packing(eventId(in), in.dateTime("time", true), in.id("lotId", true), in.parsed("sscc", true, Sscc::new),
                strings(in, "serials", Serial::new), strings(in, "ssccs", Sscc::new), unpack);
    }

    /** An optional array of strings, each read by a domain parser whose complaint names its index. */
    private static <T> List<T> strings(JsonInput in, String name, java.util.function.Function<String, T> parser) {
        List<String> texts = in.strings(name);
        if (texts.size() > MAX_READINGS) {
            throw new Invalid(name, "at most " + MAX_READINGS + " per event");
        }
        List<T> values = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            try {
                values.add(parser.apply(texts.get(i)));
            } catch (Invalid e) {
                throw e.at(name + "[" + i + "]");
            }
        }
        return values;
    }

    private static Sale sale(JsonInput in) {
        return new Sale(eventId(in), in.dateTime("time", true), in.id("lotId", true), quantity(in), in.string("channel", true),
                in.id("siteId", false));
    }

    private static Quantity quantity(JsonInput in) {
        JsonInput quantity = in.object("quantity", true, QUANTITY);
        return quantity.build(() -> new Quantity(quantity.decimal("value", true), quantity.parsed("unit", true, Unit::parse)));
    }

    private static String eventId(JsonInput in) {
        String id = Text.optional("eventId", in.string("eventId", false), 500);
        if (id != null && !id.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+")) {
            throw new Invalid("eventId", "must be a URI (e.g. urn:uuid:... or ni:///sha-256;...)");
        }
        return id;
    }
}
