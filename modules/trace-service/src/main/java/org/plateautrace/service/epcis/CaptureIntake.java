package org.plateautrace.service.epcis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plateautrace.model.epcis.CapturedEvent;
import org.plateautrace.model.epcis.EpcisDocuments;
import org.plateautrace.model.epcis.EpcisEvents;
import org.plateautrace.service.epcis.EpcisService.CaptureError;

/**
 * The events of one capture, checked one at a time as a document is read (blocking work: feed it on a
 * worker). Only what will be stored is kept: each valid event as its canonical text and index rows, each
 * refused one as its errors; the parsed event itself can be dropped at once. Events read before the
 * document's {@code @context} wait for it (their stored content carries the context).
 */
public final class CaptureIntake {
    private record Waiting(int index, Map<String, Object> event) {
    }

    private final List<CapturedEvent> valid = new ArrayList<>();
    private final List<CaptureError> errors = new ArrayList<>();
    private final List<Waiting> waiting = new ArrayList<>();
    private boolean contextRead;
    private Object context;
    private Map<String, String> namespaces;
    private int events;

    /** An intake of a document read whole (its events are checked at once). */
    public static CaptureIntake of(EpcisDocuments.Capture document) {
        CaptureIntake intake = new CaptureIntake();
        intake.context(document.context());
        document.events().forEach(intake::accept);
        return intake;
    }

    /** The document's {@code @context} (null when it has none). */
    public void context(Object documentContext) {
        context = documentContext;
        namespaces = EpcisDocuments.namespaces(documentContext);
        contextRead = true;
        waiting.forEach(w -> check(w.index(), w.event()));
        waiting.clear();
    }

    /** The next event of the document. */
    public void accept(Map<String, Object> event) {
        int index = events++;
        if (contextRead) {
            check(index, event);
        } else {
            waiting.add(new Waiting(index, event));
        }
    }

    /** The whole document was read: events still waiting for a context have none. */
    public CaptureIntake finish() {
        if (!contextRead) {
            context(null);
        }
        return this;
    }

    /** How many events the document has so far. */
    public int events() {
        return events;
    }

    List<CapturedEvent> valid() {
        return valid;
    }

    List<CaptureError> errors() {
        return errors;
    }

    private void check(int index, Map<String, Object> event) {
        List<EpcisEvents.Problem> problems = EpcisEvents.problems(event);
        if (problems.isEmpty()) {
            valid.add(CapturedEvent.of(index, event, context, namespaces));
            return;
        }
        Object id = event.get("eventID");
        for (EpcisEvents.Problem p : problems) {
            errors.add(new CaptureError(index, id instanceof String s ? s : null, p.field(), p.detail()));
        }
    }
}
