package org.plateautrace.service.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.sqlclient.Pool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.Sha256;
import org.plateautrace.model.Text;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.coldchain.Band;
import org.plateautrace.model.coldchain.ColdChainProfile;
import org.plateautrace.model.coldchain.ColdChainProfiles;
import org.plateautrace.model.coldchain.Measure;
import org.plateautrace.model.lots.CommodityProfile;
import org.plateautrace.model.lots.CommodityProfiles;
import org.plateautrace.model.lots.Lot;
import org.plateautrace.model.registry.Product;
import org.plateautrace.model.scan.ScanSignals;
import org.plateautrace.service.Refusal.Denied;
import org.plateautrace.service.Refusal.NotFound;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.service.lots.LotService;
import org.plateautrace.service.registry.RegistryService;
import org.plateautrace.service.trace.ColdChain;
import org.plateautrace.store.lots.LotRepository;
import org.plateautrace.store.registry.ProductRepository;
import org.plateautrace.store.scan.ScanRecorder;
import org.plateautrace.store.scan.ScanRecorder.NewScan;
import org.plateautrace.store.scan.ScanRecorder.Resolution;
import org.plateautrace.store.scan.ScanRepository;
import org.plateautrace.store.trace.TraceRepository;
import org.plateautrace.store.trace.TraceRepository.References;

/**
 * What a consumer learns by scanning a code: the product's story (origin, steps, cold chain,
 * certificates, lab results, sale), recall status first, and authenticity from the code's scans.
 * Every resolution is recorded as a scan without raw personal data.
 */
public final class StoryService {
    public static final List<String> FEEDBACK_CATEGORIES = List.of("quality", "counterfeit", "labelling", "safety", "other");
    /** Feedback a client may send per hour. */
    public static final int FEEDBACK_PER_HOUR = 5;
    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> BOTS = List.of("bot", "spider", "crawl", "curl", "wget", "python", "java");
    private static final List<String> MOBILES = List.of("mobile", "android", "iphone", "ipad");

    /** Who scanned, coarsely: region from a proxy header (or null), the client address (hashed here), the user agent. */
    public record Client(String region, String address, String userAgent) {
    }

    private final LotRepository lots;
    private final ProductRepository products;
    private final TraceRepository traces;
    private final ScanRepository scans;
    private final ScanRecorder recorder;
    private final ScanSignals signals;
    private final LotService lotAccess;
    private final byte[] salt = new byte[16];
    private final LruCache<String, Lot> lotsOfCodes = new LruCache<>(100_000);
    private final LruCache<Long, LotStory> lotStories = new LruCache<>(10_000);

    public StoryService(Pool pool, ScanSignals signals, LotService lotAccess) {
        this.lotAccess = lotAccess;
        this.lots = new LotRepository(pool);
        this.products = new ProductRepository(pool);
        this.traces = new TraceRepository(pool);
        this.scans = new ScanRepository(pool);
        this.recorder = new ScanRecorder(pool, signals.distantWindow());
        this.signals = signals;
        new SecureRandom().nextBytes(salt);
    }

    /**
     * A resolved code's story: the lot's part (shared by all its codes, encoded once as {@code encodedLotFields})
     * and the code's own parts, and a tag that changes when the story's content does (it leaves out the
     * scan counters, which change with every scan).
     */
    public record Story(JsonObject code, JsonObject lot, JsonObject authenticity, JsonObject feedback, String tag,
                        byte[] encodedLotFields) {
        /** The whole story as one JSON object. */
        public JsonObject json() {
            JsonObject story = new JsonObject().put("code", code);
            lot.getMap().forEach(story::put);
            return story.put("authenticity", authenticity).put("feedback", feedback);
        }

        /** The story as JSON (UTF-8), as {@link #json()} encodes it; the lot's part is copied as it was encoded once. */
        public Buffer encode() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(encodedLotFields.length + 768);
            try (JsonGenerator generator = JSON.createGenerator(out)) {
                generator.writeStartObject();
                generator.writeFieldName("code");
                JacksonCodec.encodeJson(code, generator);
                generator.flush();
                out.write(',');
                out.write(encodedLotFields);   // the generator puts the comma after it, before the next field
                generator.writeFieldName("authenticity");
                JacksonCodec.encodeJson(authenticity, generator);
                generator.writeFieldName("feedback");
                JacksonCodec.encodeJson(feedback, generator);
                generator.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Buffer.buffer(out.toByteArray());
        }
    }

    /** A lot's story without the per-code parts, the data version it was built from, and its fields as JSON text. */
    private record LotStory(String version, JsonObject json, String tag, byte[] encodedFields) {
        static LotStory of(String version, JsonObject json) {
            String encoded = json.encode();
            return new LotStory(version, json, HexFormat.of().formatHex(Sha256.of(encoded), 0, 16),
                    encoded.substring(1, encoded.length() - 1).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Resolves a code to its story and records the scan; an unknown code is NotFound. The lot's part
     * of the story is kept while the data it was built from is unchanged, so a resolution normally
     * costs one statement: record the scan and read the code's scans and the data version.
     */
    public Future<Story> story(DigitalLink link, Client client) {
        String region = region(client);
        return lotOf(link).compose(lot -> recorder.record(new NewScan(lot.id(), lot.gtin().value(), serial(link), region,
                        hash(client.address()), agentClass(client.userAgent())))
                .compose(resolution -> lotStory(lot, resolution.dataVersion() + "/" + RegistryService.today())
                        .map(lotStory -> personal(link, lotStory, resolution))));
    }

    private Future<LotStory> lotStory(Lot lot, String version) {
        LotStory kept = lotStories.get(lot.id());
        if (kept != null && kept.version().equals(version)) {
            return Future.succeededFuture(kept);
        }
        return build(lot).map(json -> {
            LotStory built = LotStory.of(version, json);
            lotStories.put(lot.id(), built);
            return built;
        });
    }

    private Story personal(DigitalLink link, LotStory lotStory, Resolution scanned) {
        String path = link.path();
        JsonObject code = new JsonObject().put("gtin", link.gtin().value())
                .put("lot", lotStory.json().getJsonObject("lot").getString("lotCode")).put("serial", serial(link))
                .put("digitalLink", path).put("level", link.serial() == null ? "lot" : "pack");
        ScanSignals.Verdict verdict = signals.judge(link.serial() != null, scanned.scans(), scanned.distantFrom(),
                scanned.distantTo(), scanned.soldOut());
        JsonObject authenticity = new JsonObject().put("scans", scanned.scans())
                .put("firstScan", new JsonObject().put("time", scanned.first().at().toString()).put("region", scanned.first().region()))
                .put("suspicious", verdict.suspicious()).put("reasons", new JsonArray(verdict.reasons()));
        JsonObject feedback = new JsonObject().put("action", path + "/feedback").put("categories", new JsonArray(FEEDBACK_CATEGORIES));
        return new Story(code, lotStory.json(), authenticity, feedback, lotStory.tag(), lotStory.encodedFields());
    }

    /** Whether the code is known and whether its lot or any lot it came from is recalled (no scan recorded). */
    public Future<Boolean> recalled(DigitalLink link) {
        return lotOf(link).compose(lot -> traces.graph(lot.id(), false)).compose(graph -> traces.lots(graph.lots()))
                .map(rows -> rows.stream().anyMatch(row -> row.getBoolean("recalled")));
    }

    /** Scans of a lot's codes by day and region, with suspicious pack codes: for its owner and regulators. */
    public Future<JsonObject> scanSummary(Caller caller, long lotId) {
        return ownerOrRegulator(caller, lotId).compose(lot -> scans.summary(lot.id(), signals.maxPackScans()));
    }

    /** Public feedback on a lot's codes: for its owner and regulators. */
    public Future<JsonArray> feedbackFor(Caller caller, long lotId) {
        return ownerOrRegulator(caller, lotId).compose(lot -> scans.feedback(lot.id()));
    }

    private Future<Lot> ownerOrRegulator(Caller caller, long lotId) {
        return lotAccess.lot(caller, lotId).map(lot -> {
            if (!caller.readsAll() && !Long.valueOf(lot.partyId()).equals(caller.partyId())) {
                throw new Denied(null, "scans and feedback of a lot are for its owner and regulators");
            }
            return lot;
        });
    }

    /** Public feedback on a code: validated, size-limited, rate-limited per client; answers its id. */
    public Future<Long> feedback(DigitalLink link, Client client, String category, String text, String contact) {
        if (category == null || !FEEDBACK_CATEGORIES.contains(category)) {
            throw new Invalid("category", "one of " + String.join(", ", FEEDBACK_CATEGORIES.stream().sorted().toList()));
        }
        String message = Text.required("text", text, 1000);
        String reach = Text.optional("contact", contact, 100);
        byte[] who = hash(client.address());
        return lotOf(link).compose(lot -> scans.recentFeedback(who).compose(recent -> {
            if (recent >= FEEDBACK_PER_HOUR) {
                return Future.failedFuture(new TooMany("at most " + FEEDBACK_PER_HOUR + " reports an hour; please try later"));
            }
            return scans.addFeedback(lot.id(), serial(link), category, message, reach, who);
        }));
    }

    /** Feedback was sent too often from one client. */
    public static final class TooMany extends RuntimeException {
        public TooMany(String detail) {
            super(detail, null, false, false);
        }
    }

    /** The lot a code names (a code never changes its lot, so known codes are kept). */
    private Future<Lot> lotOf(DigitalLink link) {
        Lot known = lotsOfCodes.get(link.path());
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return lookUp(link).onSuccess(lot -> lotsOfCodes.put(link.path(), lot));
    }

    /** A pack code must be a code of the lot it names. One lookup each, run together. */
    private Future<Lot> lookUp(DigitalLink link) {
        Future<Optional<Long>> bySerial = link.serial() == null ? Future.succeededFuture(Optional.empty())
                : scans.lotOfSerial(link.gtin().value(), link.serial().value());
        if (link.lot() == null) {
            return bySerial.compose(id -> id.isPresent() ? lots.find(id.get()) : Future.succeededFuture(Optional.<Lot>empty()))
                    .map(lot -> lot.orElseThrow(() -> new NotFound("this code is not registered with Plateau Trace")));
        }
        return Future.all(lots.findByCode(link.gtin(), link.lot()), bySerial).map(both -> {
            Lot lot = both.<Optional<Lot>>resultAt(0)
                    .orElseThrow(() -> new NotFound("this code is not registered with Plateau Trace"));
            Optional<Long> owner = both.resultAt(1);
            if (link.serial() != null && (owner.isEmpty() || owner.get() != lot.id())) {
                throw new NotFound("this pack code is not registered with Plateau Trace");
            }
            return lot;
        });
    }

    private Future<JsonObject> build(Lot lot) {
        return Future.all(products.find(lot.harvest().productId()), traces.graph(lot.id(), false)).compose(both -> {
            Product product = both.<Optional<Product>>resultAt(0).orElseThrow();
            TraceRepository.Graph graph = both.resultAt(1);
            Future<List<JsonObject>> lotRows = traces.lots(graph.lots());
            Future<References> references = traces.references(graph.lots());
            Future<List<JsonObject>> history = traces.history(graph.lots());
            Future<List<JsonObject>> shipments = traces.shipments(graph.lots()).compose(list ->
                    traces.readings(list.stream().map(s -> s.getLong("id")).toList()).map(readings -> List.of(list, readings)))
                    .map(pair -> merge(ColdChain.judge(pair.get(0), pair.get(1)), pair.get(1)));
            Future<List<JsonObject>> stays = traces.stays(graph.lots()).compose(list -> traces.siteReadings(list.stream()
                    .map(stay -> stay.getLong("siteId")).toList()).map(readings -> ColdChain.judgeStays(list, readings)));
            Future<List<JsonObject>> certificates = traces.certificates(graph.lots());
            return Future.all(List.of(lotRows, references, history, shipments, stays, certificates)).compose(all ->
                    places(history.result()).map(names -> story(lot, product, lotRows.result(), references.result(),
                            history.result(), names, shipments.result(), stays.result(), certificates.result())));
        });
    }

    /** Names of the sites and parties the events mention (by URN). */
    private Future<Map<String, String>> places(List<JsonObject> history) {
        Set<Long> sites = new HashSet<>();
        Set<Long> parties = new HashSet<>();
        for (JsonObject row : history) {
            collect(row.getString("location"), sites, parties);
            JsonObject details = details(row);
            collect(details.getString("lab"), sites, parties);
        }
        return Future.all(traces.sites(sites), traces.parties(parties)).map(both -> {
            Map<String, String> names = new HashMap<>();
            for (JsonObject site : both.<List<JsonObject>>resultAt(0)) {
                names.put("urn:plateautrace:site:" + site.getLong("id"), site.getString("name") + ", " + site.getString("county"));
            }
            for (JsonObject party : both.<List<JsonObject>>resultAt(1)) {
                names.put("urn:plateautrace:party:" + party.getLong("id"), party.getString("name"));
            }
            return names;
        });
    }

    private JsonObject story(Lot lot, Product product, List<JsonObject> lotRows, References references, List<JsonObject> history,
                             Map<String, String> names, List<JsonObject> shipments, List<JsonObject> stays,
                             List<JsonObject> certificates) {
        CommodityProfile commodity = CommodityProfiles.require(product.info().commodity());
        JsonObject story = new JsonObject()
                .put("product", new JsonObject()
                        .put("name", new JsonObject().put("zh", product.info().name().zh()).put("en", product.info().name().en())
                                .put("bo", product.info().name().bo()))
                        .put("brand", product.info().brand()).put("umbrellaBrand", product.info().umbrellaBrand())
                        .put("commodity", commodity.code())
                        .put("commodityName", new JsonObject().put("zh", commodity.nameZh()).put("en", commodity.nameEn())))
                .put("lot", new JsonObject().put("lotCode", lot.lotCode().value()).put("quantity", lot.harvest().quantity().value())
                        .put("unit", lot.harvest().quantity().unit().code()).put("createdAt", lot.harvest().harvestedAt().toString()));
        JsonArray origin = new JsonArray();
        JsonObject recall = null;
        for (JsonObject row : lotRows) {
            if (row.getLong("id") == lot.id()) {
                story.getJsonObject("lot").put("origin", row.getString("origin"));
            }
            if ("harvest".equals(row.getString("origin"))) {
                origin.add(new JsonObject().put("lotCode", row.getString("lotCode")).put("harvestedAt", row.getString("createdAt"))
                        .put("party", new JsonObject().put("name", references.parties().get(row.getLong("ownerId")).getString("name")))
                        .put("site", references.sites().get(row.getLong("siteId"))).put("attributes", row.getJsonObject("attributes")));
            }
            if (row.getBoolean("recalled") && (recall == null || row.getLong("id") == lot.id())) {
                recall = new JsonObject().put("reason", row.getString("recallReason")).put("lotCode", row.getString("lotCode"))
                        .put("self", row.getLong("id") == lot.id());
            }
        }
        story.put("recall", recall).put("origin", origin);
        timeline(story, history, names);
        story.put("coldChain", coldChain(product, shipments, stays));
        LocalDate today = RegistryService.today();
        JsonArray certs = new JsonArray();
        for (JsonObject c : certificates) {
            LocalDate from = LocalDate.parse(c.getString("validFrom"));
            LocalDate to = LocalDate.parse(c.getString("validTo"));
            certs.add(c.copy().put("status", to.isBefore(today) ? "expired" : from.isAfter(today) ? "not_yet_valid" : "valid"));
        }
        story.put("certificates", certs);
        return story;
    }

    private static void timeline(JsonObject story, List<JsonObject> history, Map<String, String> names) {
        JsonArray timeline = new JsonArray();
        JsonArray labs = new JsonArray();
        JsonArray sales = new JsonArray();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonObject row : history) {
            if (!seen.add(row.getString("eventId"))) {
                continue;
            }
            JsonObject details = details(row);
            String step = step(row);
            String place = names.get(row.getString("location"));
            String detail = null;
            if ("processing".equals(step)) {
                detail = details.getString("process") != null ? details.getString("process")
                        : String.join(", ", details.getJsonArray("steps", new JsonArray()).stream().map(Object::toString).toList());
            } else if ("recall".equals(step)) {
                detail = details.getString("recallReason");
            } else if ("inspection".equals(step)) {
                labs.add(new JsonObject().put("time", row.getString("time")).put("test", details.getString("test"))
                        .put("result", details.getString("result")).put("passed", details.getBoolean("passed"))
                        .put("lab", names.getOrDefault(details.getString("lab"), row.getString("party")))
                        .put("reportNumber", details.getString("reportNumber")));
            } else if ("sale".equals(step)) {
                sales.add(new JsonObject().put("time", row.getString("time")).put("channel", details.getString("channel"))
                        .put("seller", row.getString("party")));
            }
            timeline.add(new JsonObject().put("time", row.getString("time")).put("step", step).put("party", row.getString("party"))
                    .put("place", place).put("detail", detail));
        }
        story.put("timeline", timeline).put("labResults", labs).put("sales", sales);
    }

    private static String step(JsonObject row) {
        String bizStep = row.getString("bizStep");
        if ("TransformationEvent".equals(row.getString("type"))) {
            return "processing";
        }
        return switch (bizStep == null ? "" : bizStep) {
            case "commissioning" -> "harvest";
            case "inspecting" -> "inspection";
            case "retail_selling" -> "sale";
            case "holding" -> "recall";
            default -> bizStep;
        };
    }

    private static JsonObject coldChain(Product product, List<JsonObject> shipments, List<JsonObject> stays) {
        ColdChainProfile profile = ColdChainProfiles.of(product.info().coldChain(), product.info().commodity());
        Optional<Band> band = profile.band(Measure.TEMPERATURE);
        JsonArray list = new JsonArray();
        Boolean held = null;
        for (JsonObject shipment : shipments) {
            JsonObject verdict = shipment.getJsonObject("coldChain");
            if (verdict.getInteger("readings") == 0) {
                continue;
            }
            held = (held == null || held) && verdict.getBoolean("held");
            list.add(new JsonObject().put("from", shipment.getJsonObject("from").getString("name"))
                    .put("to", shipment.getJsonObject("to").getString("name"))
                    .put("shippedAt", shipment.getString("shippedAt")).put("receivedAt", shipment.getString("receivedAt"))
                    .put("held", verdict.getBoolean("held")).put("readings", shipment.getJsonArray("series"))
                    .put("excursions", verdict.getJsonArray("excursions")));
        }
        JsonArray storage = new JsonArray();
        for (JsonObject stay : stays) {
            JsonObject verdict = stay.getJsonObject("coldChain");
            if (verdict.getInteger("readings") == 0) {
                continue;
            }
            held = (held == null || held) && verdict.getBoolean("held");
            storage.add(new JsonObject().put("site", stay.getString("siteName")).put("from", stay.getString("storedAt"))
                    .put("until", stay.getString("until")).put("held", verdict.getBoolean("held"))
                    .put("excursions", verdict.getJsonArray("excursions")));
        }
        return new JsonObject().put("profile", profile.code())
                .put("profileName", new JsonObject().put("zh", profile.nameZh()).put("en", profile.nameEn()))
                .put("band", band.map(b -> new JsonObject().put("min", b.min()).put("max", b.max())).orElse(null))
                .put("held", held).put("shipments", list).put("storage", storage);
    }

    /** Adds each shipment's temperature series ({t, v}) for the chart. */
    private static List<JsonObject> merge(List<JsonObject> judged, List<JsonObject> readings) {
        Map<Long, JsonArray> series = new HashMap<>();
        for (JsonObject r : readings) {
            if ("Temperature".equals(r.getString("measure"))) {
                series.computeIfAbsent(r.getLong("shipmentId"), id -> new JsonArray())
                        .add(new JsonObject().put("t", r.getString("time")).put("v", r.getValue("value")));
            }
        }
        List<JsonObject> merged = new ArrayList<>();
        judged.forEach(s -> merged.add(s.copy().put("series", series.getOrDefault(s.getLong("id"), new JsonArray()))));
        return merged;
    }

    private static JsonObject details(JsonObject row) {
        String reference = row.getString("reference");
        return reference == null ? new JsonObject() : new JsonObject(reference);
    }

    private static void collect(String urn, Set<Long> sites, Set<Long> parties) {
        if (urn == null) {
            return;
        }
        if (urn.startsWith("urn:plateautrace:site:")) {
            sites.add(Long.parseLong(urn.substring("urn:plateautrace:site:".length())));
        } else if (urn.startsWith("urn:plateautrace:party:")) {
            parties.add(Long.parseLong(urn.substring("urn:plateautrace:party:".length())));
        }
    }

    private static String serial(DigitalLink link) {
        return link.serial() == null ? null : link.serial().value();
    }

    private static String region(Client client) {
        return Text.optional("region", client.region() == null ? null : client.region().replaceAll("\\p{Cntrl}", ""), 40);
    }

    static String agentClass(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("micromessenger")) {
            return "wechat";
        }
        if (ua.contains("alipay")) {
            return "alipay";
        }
        if (BOTS.stream().anyMatch(ua::contains)) {
            return "bot";
        }
        return MOBILES.stream().anyMatch(ua::contains) ? "mobile" : "desktop";
    }

    private byte[] hash(String address) {
        return Sha256.of(salt, String.valueOf(address));
    }
}
