package org.plateautrace.service.epcis;

import java.util.List;
import java.util.Map;

/**
 * The events of one capture document, read one at a time by the capture job (blocking: on a worker), so
 * that a capture never holds its whole document: its {@code @context} and how many events it has are
 * known before the job starts (the document was read once to check its shape).
 */
public interface CaptureSource extends AutoCloseable {
    /** The document's {@code @context} (null when it has none). */
    Object context();

    /** How many events the document has. */
    int events();

    /** The next event (decimals exact), or null after the last. */
    Map<String, Object> next();

    /** The job is done with the document (called once, whatever the outcome). */
    @Override
    void close();

    /** Events already in memory (one event of {@code POST /epcis/events}). */
    static CaptureSource of(Object context, List<Map<String, Object>> events) {
        return new CaptureSource() {
            private int next;

            @Override
            public Object context() {
                return context;
            }

            @Override
            public int events() {
                return events.size();
            }

            @Override
            public Map<String, Object> next() {
                return next < events.size() ? events.get(next++) : null;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
