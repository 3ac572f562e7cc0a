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
import org.plateautrace.store.trace.TraceRepository;

/** What the console's screens read beyond the plain API: a party's holdings and shipments, the regulator's dashboard. */
public final class ConsoleService {
    /** Certificates expiring within this many days are listed on the dashboard. */
    public static final int EXPIRY_DAYS = 30;
    /** Shipments (of the newest lots with readings) judged for the dashboard's cold-chain count. */
    public static final int JUDGED_LOTS = 500;
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
        Future<List<JsonObject>> excursions = coldChainBreaks();
        Future<List<JsonObject>> recalls = console.recalls();
        Future<List<JsonObject>> regions = console.scansByRegion();
        Future<List<JsonObject>> suspicious = console.suspiciousCodes(signals.maxPackScans());
        Future<List<JsonObject>> feedback = console.feedback();
        Future<List<JsonObject>> categories = console.feedbackByCategory();
        return Future.all(List.of(lots, certificates, excursions, recalls, regions, suspicious, feedback, categories))
                .map(all -> new JsonObject()
                        .put("asOf", today.toString())
                        .put("lotsByCommodityAndCounty", new JsonArray(lots.result()))
                        .put("certificatesExpiring", new JsonArray(certificates.result()))
                        .put("coldChainExcursions", new JsonArray(excursions.result()))
                        .put("recalls", new JsonArray(recalls.result()))
                        .put("scansByRegion", new JsonArray(regions.result()))
                        .put("suspiciousCodes", new JsonArray(suspicious.result()))
                        .put("feedbackByCategory", new JsonArray(categories.result()))
                        .put("feedback", new JsonArray(feedback.result())));
    }

    /** Shipments whose cold chain broke, judged as the trace judges them. */
    private Future<List<JsonObject>> coldChainBreaks() {
        return console.lotsWithReadings(JUDGED_LOTS).compose(lotIds -> traces.shipments(lotIds))
                .compose(shipments -> traces.readings(shipments.stream().map(s -> s.getLong("id")).toList())
                        .map(readings -> ColdChain.judge(shipments, readings).stream()
                                .filter(s -> !s.getJsonObject("coldChain").getBoolean("held")).toList()));
    }

    private static long party(Caller caller) {
        if (caller.role() != Caller.Role.PARTY) {
            throw new Invalid(null, "only a party holds goods and ships them; sign in as a party's person");
        }
        return caller.partyId();
    }
}
