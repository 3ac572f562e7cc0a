package org.plateautrace.service.epcis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
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
 * The EPCIS 2.0 capture and query interfaces. A capture is read, checked and stored chunk by chunk in one
 * transaction (see {@link CaptureRun}): with {@code rollback} any refused event refuses the whole document, with
 * {@code proceed} the valid events are stored and the refused ones listed. An event whose eventID is
 * already recorded with the same content is a duplicate (stored once); with other content it is refused.
 */
public final class EpcisService {
    /** Events one capture may hold ({@code GS1-EPCIS-Capture-Limit}). */
    public static final int CAPTURE_LIMIT = 10_000;

    /** Why a document of {@code events} events (more than {@link #CAPTURE_LIMIT}) is refused whole. */
    public static String overCaptureLimit(int events) {
        return "the document has " + events + " events; at most " + CAPTURE_LIMIT + " may be captured at once; nothing was stored";
    }
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

    private final Vertx vertx;
    private final Pool pool;
    private final EpcisRepository repository = new EpcisRepository();

    public EpcisService(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
    }

    /**
     * Starts a capture job for a document whose shape was checked (see {@link CaptureSource}) and answers its id
     * at once; the job then reads, checks and stores its events (see {@link CaptureRun}, {@link #job}) and closes
     * the source.
     */
    public Future<UUID> capture(Caller caller, CaptureSource source, ErrorBehaviour behaviour) {
        long party;
        try {
            party = caller.writingParty();
            if (source.events() > CAPTURE_LIMIT) {
                throw new Invalid("epcisBody.eventList", "at most " + CAPTURE_LIMIT + " events per capture");
            }
        } catch (RuntimeException refused) {
            source.close();
            return Future.failedFuture(refused);
        }
        UUID id = UUID.randomUUID();
        return repository.createJob(pool, id, party, behaviour.name().toLowerCase(), source.events()).onFailure(error -> source.close())
                .map(created -> {
                    new CaptureRun(vertx, repository, party, behaviour, source).run(pool)
                            .compose(outcome -> repository.finishJob(pool, id, outcome.errors().isEmpty(), outcome.stored(),
                                    outcome.duplicates(), json(outcome.errors())))
                            .recover(error -> {
                                List<CaptureError> errors = error instanceof CaptureRun.Refused refused ? refused.errors()
                                        : List.of(new CaptureError(-1, null, null, "the capture failed on the server; nothing was stored"));
                                if (!(error instanceof CaptureRun.Refused)) {
                                    LOG.error("capture {} failed", id, error);
                                }
                                return repository.finishJob(pool, id, false, 0, 0, json(errors));
                            })
                            .onFailure(error -> LOG.error("capture {} could not be closed", id, error));
                    return id;
                });
    }

    /**
     * Capture jobs still marked running when this server starts were cut off by a stop (their transaction never
     * committed, so nothing of them is stored): they are closed as failed, saying so. Answers how many.
     */
    public Future<Integer> failInterrupted() {
        return repository.failRunningJobs(pool, json(List.of(new CaptureError(-1, null, null,
                "the server stopped before this capture finished; nothing was stored; capture the document again"))));
    }

    /** Captures one event synchronously; a refused event is an {@link Invalid} naming its field. */
    public Future<Captured> captureOne(Caller caller, Map<String, Object> event, Object context) {
        long party = caller.writingParty();
        CaptureSource one = CaptureSource.of(context, List.of(event));
        return new CaptureRun(vertx, repository, party, ErrorBehaviour.ROLLBACK, one).run(pool)
                .map(outcome -> new Captured(CapturedEvent.eventId(event, EpcisDocuments.namespaces(context)), outcome.stored() == 1))
                .recover(error -> {
                    if (!(error instanceof CaptureRun.Refused refused)) {
                        return Future.failedFuture(error);
                    }
                    CaptureError first = refused.errors().get(0);
                    return Future.failedFuture(refused.conflicts() ? new Conflict("eventID", first.detail()) : new Invalid(first.field(), first.detail()));
                });
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

    private static JsonArray json(List<CaptureError> errors) {
        JsonArray array = new JsonArray();
        errors.forEach(e -> array.add(e.json()));
        return array;
    }
}
