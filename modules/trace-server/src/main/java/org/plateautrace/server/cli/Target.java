package org.plateautrace.server.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * Where the import and export commands read and write: a running server through its HTTP API, or a
 * database directly through the same service layer. Both answer as the API does (status and JSON body),
 * so the commands do not care which one they talk to. Calls block the calling (command-line) thread.
 */
interface Target extends AutoCloseable {
    /** {@code POST /api/v1/lots} with {@code {"lots": [...]}}: all or nothing. */
    Answer registerLots(JsonArray harvests);

    /** {@code GET /api/v1/lots?lotCode=}: the caller's visible lots with that code. */
    Answer lotsWithCode(String lotCode);

    /** {@code GET /api/v1/lots/{id}}. */
    Answer lot(long id);

    /** {@code POST /api/v1/events} with one event or {@code {"events": [...]}}. */
    Answer recordEvents(JsonObject body);

    /** {@code POST /epcis/capture} of a document file, then its job once finished (rollback when atomic, else proceed). */
    Answer capture(Path document, boolean atomic);

    /** One page of {@code GET /epcis/events}: {@code {"events": [...], "next": <opaque or null>}}. */
    Answer events(ExportFilter filter, String next);

    @Override
    void close();
}
