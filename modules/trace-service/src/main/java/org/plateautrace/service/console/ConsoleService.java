package org.plateautrace.service.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.scan.ScanSignals;
import org.plateautrace.service.Refusal.Denied;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.service.trace.ColdChain;
import org.plateautrace.store.console.ConsoleRepository;
import org.plateautrace.store.console.ConsoleRepository.ColdChainVerdict;
import org.plateautrace.store.trace.TraceRepository;

/** What the console's screens read beyond the plain API: a party's holdings and shipments, the regulator's dashboard. */
public final class ConsoleService {
    /** Certificates expiring within this many days are listed on the dashboard. */
    public static final int EXPIRY_DAYS = 30;
    /** The dashboard lists the broken shipments of this many lots, newest first (it counts them all). */
    public static final int LISTED_BROKEN_LOTS = 100;
    /** Stale cold-chain verdicts judged per round before the dashboard counts. */
    private static final int JUDGE_ROUND = 500;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Which shipments of a party. */
    public enum Direction { INCOMING, OUTGOING, CARRIED }

    private final ConsoleRepository console;
    private final TraceRepository traces;
    private final Clock clock;
    private final ScanSignals signals;

    public ConsoleService(ConsoleRepository console, TraceRepository traces, Clock clock, ScanSignals signals) {
        this.console = console;
        this.traces = traces;
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
