package org.plateautrace.service.epcis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.Page;
import org.plateautrace.model.epcis.CapturedEvent;
import org.plateautrace.model.epcis.EpcisDocuments;
import org.plateautrace.model.epcis.EventQuery;
import org.plateautrace.model.events.StoredEvent;
import org.plateautrace.service.Refusal.Conflict;
import org.plateautrace.service.Refusal.Denied;
import org.plateautrace.service.Refusal.NotFound;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.store.epcis.EpcisRepository;
import org.plateautrace.store.epcis.EpcisRepository.CaptureJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EPCIS 2.0 capture and query interfaces. A capture is checked event by event (on a worker), then
 * stored in one transaction: with {@code rollback} any refused event refuses the whole document, with
 * {@code proceed} the valid events are stored and the refused ones listed. An event whose eventID is
 * already recorded with the same content is a duplicate (stored once); with other content it is refused.
 */
public final class EpcisService {
    /** Events one capture may hold ({@code GS1-EPCIS-Capture-Limit}). */
    public static final int CAPTURE_LIMIT = 10_000;
    /** Bytes one capture document may have ({@code GS1-EPCIS-Capture-File-Size-Limit}). */
    public static final long FILE_SIZE_LIMIT = 16L * 1024 * 1024;
    public static final int MAX_PER_PAGE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(EpcisService.class);

    /** How a capture treats refused events. */
    public enum ErrorBehaviour { ROLLBACK, PROCEED }

    /** One refused event of a capture. */
    public record CaptureError(int index, String eventId, String field, String detail) {
        JsonObject json() {
            return new JsonObject().put("index", index).put("eventID", eventId).put("field", field).put("detail", detail);
        }
    }

    /** The outcome of capturing one event: its eventID and whether it was new. */
    public record Captured(String eventId, boolean created) {
    }

    private record Checked(List<CapturedEvent> valid, List<CaptureError> errors) {
    }

    private record Outcome(int stored, int duplicates, List<CaptureError> conflicts) {
    }

    private static final class Refused extends RuntimeException {
        private final transient List<CaptureError> errors;

        Refused(List<CaptureError> errors) {
            super("refused", null, false, false);
            this.errors = errors;
        }
    }

    private final Vertx vertx;
    private final Pool pool;
    private final EpcisRepository repository = new EpcisRepository();

    public EpcisService(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
    }

    /**
     * Starts a capture job for a read document and answers its id at once; the events are checked and
     * stored afterwards (see {@link #job}).
     */
    public Future<UUID> capture(Caller caller, EpcisDocuments.Capture document, ErrorBehaviour behaviour) {
        caller.writingParty();
        if (document.events().size() > CAPTURE_LIMIT) {
            return Future.failedFuture(new Invalid("epcisBody.eventList", "at most " + CAPTURE_LIMIT + " events per capture"));
        }
        return vertx.executeBlocking(() -> CaptureIntake.of(document), false).compose(intake -> capture(caller, intake, behaviour));
    }

    /**
     * Starts a capture job for a document whose events were checked as it was read (see {@link CaptureIntake})
     * and answers its id at once; the events are stored afterwards (see {@link #job}).
     */
    public Future<UUID> capture(Caller caller, CaptureIntake intake, ErrorBehaviour behaviour) {
        long party = caller.writingParty();
        if (intake.events() > CAPTURE_LIMIT) {
            return Future.failedFuture(new Invalid("epcisBody.eventList", "at most " + CAPTURE_LIMIT + " events per capture"));
        }
        UUID id = UUID.randomUUID();
        Checked checked = new Checked(intake.valid(), intake.errors());
        return repository.createJob(pool, id, party, behaviour.name().toLowerCase(), intake.events()).map(created -> {
            store(party, checked, behaviour)
                    .compose(outcome -> repository.finishJob(pool, id, outcome.conflicts().isEmpty(), outcome.stored(),
                            outcome.duplicates(), json(outcome.conflicts())))
                    .recover(error -> {
                        List<CaptureError> errors = error instanceof Refused refused ? refused.errors
                                : List.of(new CaptureError(-1, null, null, "the capture failed on the server; nothing was stored"));
                        if (!(error instanceof Refused)) {
                            LOG.error("capture {} failed", id, error);
                        }
                        return repository.finishJob(pool, id, false, 0, 0, json(errors));
                    })
                    .onFailure(error -> LOG.error("capture {} could not be closed", id, error));
            return id;
        });
    }

    /** Captures one event synchronously; a refused event is an {@link Invalid} naming its field. */
    public Future<Captured> captureOne(Caller caller, Map<String, Object> event, Object context) {
        long party = caller.writingParty();
        EpcisDocuments.Capture document = new EpcisDocuments.Capture(context, EpcisDocuments.namespaces(context), List.of(event));
        return vertx.executeBlocking(() -> check(document), false)
                .compose(checked -> checked.errors().isEmpty() ? store(party, checked, ErrorBehaviour.ROLLBACK)
                        .map(outcome -> new Captured(checked.valid().get(0).eventId(), outcome.stored() == 1))
                        : Future.failedFuture(new Invalid(checked.errors().get(0).field(), checked.errors().get(0).detail())))
                .recover(error -> Future.failedFuture(error instanceof Refused refused
                        ? new Conflict("eventID", refused.errors.get(0).detail()) : error));
    }

    public Future<CaptureJob> job(Caller caller, UUID id) {
        return repository.job(pool, id).map(found -> {
            CaptureJob job = found.orElseThrow(() -> new NotFound("no such capture"));
            if (!caller.readsAll() && job.partyId() != caller.partyId()) {
                throw new Denied(null, "this capture belongs to another party");
            }
            return job;
        });
    }

    /** The events the caller may see that match the query: its own, those on lots it held; regulators see all. */
    public Future<Page<StoredEvent>> query(Caller caller, EventQuery query) {
        EventQuery scoped = new EventQuery(query.eventTypes(), query.geEventTime(), query.ltEventTime(), query.geRecordTime(),
                query.ltRecordTime(), query.bizSteps(), query.dispositions(), query.readPoints(), query.bizLocations(),
                query.epcs(), query.anyEpcs(), query.epcClasses(), query.anyEpcClasses(), query.eventIds(), query.sensorTypes(),
                query.sensorValues(), caller.readsAll() ? null : caller.partyId(), query.after(), query.perPage());
        return repository.query(pool, scoped);
    }

    public Future<StoredEvent> event(Caller caller, String eventId) {
        return repository.byEventId(pool, eventId, caller.readsAll() ? null : caller.partyId()).compose(found -> found.isPresent()
                ? Future.succeededFuture(found.get())
                : repository.exists(pool, eventId).compose(exists -> Future.failedFuture(exists
                        ? new Denied(null, "this event belongs to another party") : new NotFound("no such event"))));
    }

    private static Checked check(EpcisDocuments.Capture document) {
        CaptureIntake intake = CaptureIntake.of(document);
        return new Checked(intake.valid(), intake.errors());
    }

    private Future<Outcome> store(long party, Checked checked, ErrorBehaviour behaviour) {
        if (behaviour == ErrorBehaviour.ROLLBACK && !checked.errors().isEmpty()) {
            return Future.failedFuture(new Refused(checked.errors()));
        }
        List<String> ids = checked.valid().stream().map(CapturedEvent::eventId).distinct().toList();
        return pool.withTransaction(tx -> repository.lockAndFind(tx, ids).compose(existing -> {
            Map<String, String> seen = new HashMap<>(existing);
            List<CapturedEvent> fresh = new ArrayList<>();
            List<CaptureError> errors = new ArrayList<>(checked.errors());
            int duplicates = 0;
            for (CapturedEvent event : checked.valid()) {
                String content = event.content();
                String before = seen.get(event.eventId());
                if (before == null) {
                    seen.put(event.eventId(), content);
                    fresh.add(event);
                } else if (before.equals(content)) {
                    duplicates++;
                } else {
                    errors.add(new CaptureError(event.index(), event.eventId(), "eventID",
                            "an event with this eventID is already recorded with other content"));
                }
            }
            if (behaviour == ErrorBehaviour.ROLLBACK && errors.size() > checked.errors().size()) {
                return Future.failedFuture(new Refused(errors));
            }
            errors.sort(java.util.Comparator.comparingInt(CaptureError::index));
            int dup = duplicates;
            return repository.insert(tx, party, fresh).map(done -> new Outcome(fresh.size(), dup, errors));
        }));
    }

    private static JsonArray json(List<CaptureError> errors) {
        JsonArray array = new JsonArray();
        errors.forEach(e -> array.add(e.json()));
        return array;
    }
}
