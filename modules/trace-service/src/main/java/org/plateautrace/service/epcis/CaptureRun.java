package org.plateautrace.service.epcis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plateautrace.model.epcis.CapturedEvent;
import org.plateautrace.model.epcis.EpcisDocuments;
import org.plateautrace.model.epcis.EpcisEvents;
import org.plateautrace.service.epcis.EpcisService.CaptureError;
import org.plateautrace.service.epcis.EpcisService.ErrorBehaviour;
import org.plateautrace.store.epcis.EpcisRepository;

/**
 * One capture, stored in one transaction: the events are read and checked in chunks on a worker, and
 * each chunk is appended (duplicates looked up, hash chain extended) while the next one is read, so a
 * capture holds about two chunks of events, never its whole document. With {@code rollback} a refused
 * event refuses the whole document: the transaction is rolled back, and the rest of the document is
 * still read so that every refusal is reported. Events already stored in the transaction are seen by
 * the duplicate lookup of later chunks, so a document naming one eventID twice stores it once.
 */
final class CaptureRun {
    /** Events read, checked and stored at a time. */
    static final int CHUNK = 1_000;

    /** A capture refused as a whole ({@code rollback}): its refusals, and whether they are eventID conflicts. */
    static final class Refused extends RuntimeException {
        private final transient List<CaptureError> errors;
        private final boolean conflicts;

        Refused(List<CaptureError> errors, boolean conflicts) {
            super("refused", null, false, false);
            this.errors = errors;
            this.conflicts = conflicts;
        }

        List<CaptureError> errors() {
            return errors;
        }

        boolean conflicts() {
            return conflicts;
        }
    }

    /** What a capture stored, and its refusals in document order. */
    record Outcome(int stored, int duplicates, List<CaptureError> errors) {
    }

    private record Chunk(List<CapturedEvent> valid, List<CaptureError> refusals, boolean last) {
    }

    private final Vertx vertx;
    private final EpcisRepository repository;
    private final long party;
    private final ErrorBehaviour behaviour;
    private final CaptureSource source;
    private final Map<String, String> namespaces;
    private final List<CaptureError> refusals = new ArrayList<>();
    private final List<CaptureError> conflicts = new ArrayList<>();
    private Future<Chunk> reading = Future.succeededFuture();
    private int index;
    private int stored;
    private int duplicates;

    CaptureRun(Vertx vertx, EpcisRepository repository, long party, ErrorBehaviour behaviour, CaptureSource source) {
        this.vertx = vertx;
        this.repository = repository;
        this.party = party;
        this.behaviour = behaviour;
        this.source = source;
        this.namespaces = EpcisDocuments.namespaces(source.context());
    }

    /** Reads, checks and stores the whole document; refused as a whole: {@link Refused}. Closes the source once done. */
    Future<Outcome> run(Pool pool) {
        return pool.withTransaction(tx -> step(tx, read()).compose(done -> outcome()))
                .eventually(() -> reading.transform(read -> {
                    source.close();
                    return Future.succeededFuture();
                }));
    }

    /**
     * Stores the chunk being read, then the rest. The continuations capture no chunk: the chain of futures lives
     * until the last chunk is stored, and a chunk it held would stay in memory that long.
     */
    private Future<Void> step(SqlConnection tx, Future<Chunk> next) {
        return next.compose(chunk -> {
            refusals.addAll(chunk.refusals());
            boolean last = chunk.last();
            // the next chunk is read on a worker while this one is stored
            reading = last ? Future.succeededFuture() : read();
            // once refused as a whole, nothing more needs storing: only the refusals are reported
            Future<Void> written = behaviour == ErrorBehaviour.ROLLBACK && !refusals.isEmpty() ? Future.succeededFuture()
                    : store(tx, chunk.valid());
            return last ? written : written.compose(done -> step(tx, reading));
        });
    }

    private Future<Outcome> outcome() {
        if (behaviour == ErrorBehaviour.ROLLBACK && !refusals.isEmpty()) {
            return Future.failedFuture(new Refused(refusals, false));
        }
        if (behaviour == ErrorBehaviour.ROLLBACK && !conflicts.isEmpty()) {
            return Future.failedFuture(new Refused(conflicts, true));
        }
        List<CaptureError> errors = new ArrayList<>(refusals);
        errors.addAll(conflicts);
        errors.sort(Comparator.comparingInt(CaptureError::index));
        return Future.succeededFuture(new Outcome(stored, duplicates, errors));
    }

    /** The next chunk of events, each checked (blocking work, on a worker; one read at a time). */
    private Future<Chunk> read() {
        return vertx.executeBlocking(() -> {
            List<CapturedEvent> valid = new ArrayList<>();
            List<CaptureError> refused = new ArrayList<>();
            while (valid.size() + refused.size() < CHUNK) {
                Map<String, Object> event = source.next();
                if (event == null) {
                    return new Chunk(valid, refused, true);
                }
                check(index++, event, valid, refused);
            }
            return new Chunk(valid, refused, false);
        }, false);
    }

    private void check(int position, Map<String, Object> event, List<CapturedEvent> valid, List<CaptureError> refused) {
        List<EpcisEvents.Problem> problems = EpcisEvents.problems(event);
        if (problems.isEmpty()) {
            valid.add(CapturedEvent.of(position, event, source.context(), namespaces));
            return;
        }
        Object id = event.get("eventID");
        for (EpcisEvents.Problem p : problems) {
            refused.add(new CaptureError(position, id instanceof String s ? s : null, p.field(), p.detail()));
        }
    }

    /** Appends the chunk's new events under the chain lock; a known eventID is a duplicate or, with other content, a conflict. */
    private Future<Void> store(SqlConnection tx, List<CapturedEvent> events) {
        if (events.isEmpty()) {
            return Future.succeededFuture();
        }
        List<String> ids = events.stream().map(CapturedEvent::eventId).distinct().toList();
        return repository.lockAndFind(tx, ids).compose(existing -> {
            Map<String, String> seen = new HashMap<>(existing);
            List<CapturedEvent> fresh = new ArrayList<>();
            for (CapturedEvent event : events) {
                String before = seen.putIfAbsent(event.eventId(), event.content());
                if (before == null) {
                    fresh.add(event);
                } else if (before.equals(event.content())) {
                    duplicates++;
                } else {
                    conflicts.add(new CaptureError(event.index(), event.eventId(), "eventID",
                            "an event with this eventID is already recorded with other content"));
                }
            }
            stored += fresh.size();
            return repository.insert(tx, party, fresh);
        });
    }
}
