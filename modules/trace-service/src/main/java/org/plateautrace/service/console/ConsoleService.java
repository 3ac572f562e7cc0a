package org.plateautrace.service.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.codes.Serial;
import org.plateautrace.model.scan.ScanSignals;
import org.plateautrace.service.Refusal.Denied;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.service.lots.LotService;
import org.plateautrace.service.trace.ColdChain;
import org.plateautrace.store.console.ConsoleRepository;
import org.plateautrace.store.console.ConsoleRepository.ColdChainVerdict;
import org.plateautrace.store.trace.TraceRepository;

/** What the console's screens read beyond the plain API: a party's holdings and shipments, a lot's cases, the regulator's dashboard. */
public final class ConsoleService {
    /** Certificates expiring within this many days are listed on the dashboard. */
    public static final int EXPIRY_DAYS = 30;
    /** The dashboard lists the broken shipments of this many lots, newest first (it counts them all). */
    public static final int LISTED_BROKEN_LOTS = 100;
    /** Stale cold-chain verdicts judged per round before the dashboard counts. */
    private static final int JUDGE_ROUND = 500;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String SSCC_PREFIX = DigitalLink.CANONICAL_BASE + "/00/";

    /** Which shipments of a party. */
    public enum Direction { INCOMING, OUTGOING, CARRIED }

    /** At most this many unpacked serials are answered at once (one packing event names at most as many). */
    public static final int MAX_NEXT = 10_000;
    /** A lot's packing answer lists this many cases and pallets, newest first. */
    public static final int LISTED_CASES = 200;

    private final ConsoleRepository console;
    private final TraceRepository traces;
    private final LotService lots;
    private final Clock clock;
    private final ScanSignals signals;

    public ConsoleService(ConsoleRepository console, TraceRepository traces, LotService lots, Clock clock, ScanSignals signals) {
        this.console = console;
        this.traces = traces;
        this.lots = lots;
        this.clock = clock;
        this.signals = signals;
    }

    public Future<List<JsonObject>> holdings(Caller caller) {
        return console.holdings(party(caller));
    }

    public Future<List<JsonObject>> shipments(Caller caller, Direction direction) {
        long party = party(caller);
        return switch (direction) {
            case INCOMING -> console.shipments(party, true);
            case OUTGOING -> console.shipments(party, false);
            case CARRIED -> console.carried(party);
        };
    }

    /**
     * A lot's cases and pallets as its packing and unpacking events left them (each with the pack codes and cases
     * in it, and the pallet it is on; the newest {@link #LISTED_CASES}, or only the one SSCC {@code only} names when given,
     * and how many there are), how many of its pack codes are issued and packed, and the first {@code next}
     * unpacked ones in issue order. For whoever may read the lot.
     */
    public Future<JsonObject> packing(Caller caller, long lotId, long next, String only) {
        if (next < 0 || next > MAX_NEXT) {
            throw new Invalid("next", "must be between 0 and " + MAX_NEXT);
        }
        return lots.lot(caller, lotId).compose(lot -> console.packedChildren(lotId)).compose(children -> {
            Map<String, JsonObject> cases = new HashMap<>();
            Map<String, OffsetDateTime> packedAt = new HashMap<>();
            Map<String, String> palletOf = new HashMap<>();
            List<String> packed = new ArrayList<>();
            for (JsonObject child : children) {
                if (!"ADD".equals(child.getString("action"))) {
                    continue;
                }
                String parent = sscc(child.getString("parent"));
                JsonObject inCase = cases.computeIfAbsent(parent, sscc -> new JsonObject().put("sscc", sscc)
                        .put("serials", new JsonArray()).put("ssccs", new JsonArray()));
                packedAt.merge(parent, OffsetDateTime.parse(child.getString("time")), (a, b) -> a.isAfter(b) ? a : b);
                String epc = child.getString("epc");
                if (epc.startsWith(SSCC_PREFIX)) {
                    inCase.getJsonArray("ssccs").add(sscc(epc));
                    palletOf.put(sscc(epc), parent);
                } else {
                    String serial = serial(epc);
                    if (serial != null) {
                        inCase.getJsonArray("serials").add(serial);
                        packed.add(serial);
                    }
                }
            }
            List<JsonObject> listed = cases.values().stream().filter(c -> only == null || only.equals(c.getString("sscc")))
                    .sorted(Comparator.comparing((JsonObject c) -> packedAt.get(c.getString("sscc"))).reversed()
                            .thenComparing(c -> c.getString("sscc")))
                    .limit(LISTED_CASES).map(c -> c.put("packedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(packedAt.get(c.getString("sscc"))))
                            .put("pallet", palletOf.get(c.getString("sscc")))).toList();
            return console.unpackedCodes(lotId, packed, (int) next).map(codes -> new JsonObject().put("lotId", lotId)
                    .put("codes", codes.getLong("codes")).put("packed", packed.size()).put("casesTotal", cases.size())
                    .put("cases", new JsonArray(listed))
                    .put("next", codes.getJsonArray("next")));
        });
    }

    /** The serial of a pack code's Digital Link; null for another EPC (an EPCIS document may name any). */
    private static String serial(String epc) {
        try {
            Serial serial = DigitalLink.parse(epc).link().serial();
            return serial == null ? null : serial.value();
        } catch (Invalid e) {
            return null;
        }
    }

    private static String sscc(String epc) {
        return epc.substring(epc.lastIndexOf('/') + 1);
    }

    /** Counts and lists for regulators and the administrator. */
    public Future<JsonObject> dashboard(Caller caller) {
        if (!caller.readsAll()) {
            throw new Denied(null, "only regulators and the platform administrator see the dashboard");
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Future<List<JsonObject>> lots = console.lotsByCommodityAndCounty();
        Future<List<JsonObject>> certificates = console.certificatesExpiring(today, today.plusDays(EXPIRY_DAYS));
        Future<Long> brokenCount = judgeStaleVerdicts().compose(judged -> console.brokenColdChainCount());
        Future<List<JsonObject>> excursions = brokenCount.compose(count -> coldChainBreaks());
        Future<List<JsonObject>> recalls = console.recalls();
        Future<List<JsonObject>> regions = console.scansByRegion();
        Future<List<JsonObject>> suspicious = console.suspiciousCodes(signals.maxPackScans());
        Future<List<JsonObject>> feedback = console.feedback();
        Future<List<JsonObject>> categories = console.feedbackByCategory();
        return Future.all(List.of(lots, certificates, brokenCount, excursions, recalls, regions, suspicious, feedback, categories))
                .map(all -> new JsonObject()
                        .put("asOf", today.toString())
                        .put("lotsByCommodityAndCounty", new JsonArray(lots.result()))
                        .put("certificatesExpiring", new JsonArray(certificates.result()))
                        .put("coldChainBrokenShipments", brokenCount.result())
                        .put("coldChainExcursions", new JsonArray(excursions.result()))
                        .put("recalls", new JsonArray(recalls.result()))
                        .put("scansByRegion", new JsonArray(regions.result()))
                        .put("suspiciousCodes", new JsonArray(suspicious.result()))
                        .put("feedbackByCategory", new JsonArray(categories.result()))
                        .put("feedback", new JsonArray(feedback.result())));
    }

    /** The newest shipments whose cold chain broke, with their excursions, judged as the trace judges them. */
    private Future<List<JsonObject>> coldChainBreaks() {
        return console.lotsWithBrokenColdChain(LISTED_BROKEN_LOTS).compose(lotIds -> traces.shipments(lotIds))
                .compose(shipments -> judged(shipments).map(judged -> judged.stream()
                        .filter(s -> !s.getJsonObject("coldChain").getBoolean("held")).toList()));
    }

    /** Judges every shipment whose readings changed since its verdict was stored, a round at a time, and stores the verdicts. */
    private Future<Void> judgeStaleVerdicts() {
        return console.staleColdChainVerdicts(JUDGE_ROUND).compose(stale -> stale.isEmpty() ? Future.succeededFuture()
                : judged(stale).compose(judged -> console.storeColdChainVerdicts(judged.stream().map(s -> new ColdChainVerdict(s.getLong("id"),
                                s.getJsonObject("coldChain").getBoolean("held"), s.getJsonObject("coldChain").getJsonArray("excursions").size(),
                                s.getInteger("version"))).toList()))
                        .compose(stored -> stale.size() < JUDGE_ROUND ? Future.succeededFuture() : judgeStaleVerdicts()));
    }

    private Future<List<JsonObject>> judged(List<JsonObject> shipments) {
        return traces.readings(shipments.stream().map(s -> s.getLong("id")).toList())
                .map(readings -> ColdChain.judge(shipments, readings));
    }

    private static long party(Caller caller) {
        if (caller.role() != Caller.Role.PARTY) {
            throw new Invalid(null, "only a party holds goods and ships them; sign in as a party's person");
        }
        return caller.partyId();
    }
}
