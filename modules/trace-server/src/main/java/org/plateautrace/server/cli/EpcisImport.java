package org.plateautrace.server.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plateautrace.model.Invalid;
import org.plateautrace.service.epcis.EpcisService;
import org.plateautrace.web.epcis.EpcisDocumentReader;

/**
 * Imports an EPCIS 2.0 JSON document through the capture interface: each refused event is reported with
 * the line its object starts on; {@code --atomic} captures with {@code rollback} (any refused event stores
 * nothing), otherwise with {@code proceed}. Events are idempotent by eventID (or the GS1 event hash): a
 * second run stores nothing and counts them as already there.
 */
final class EpcisImport {
    private final Target target;
    private final ImportReport report;

    EpcisImport(Target target, ImportReport report) {
        this.target = target;
        this.report = report;
    }

    void run(Path file, boolean atomic, PrintWriter err) throws IOException {
        List<Integer> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            EpcisDocumentReader.outline(in, lines::add);
        } catch (Invalid e) {
            report.refused(new RowError(1, e.field(), e.detail()));
            return;
        }
        if (lines.size() > EpcisService.CAPTURE_LIMIT) {
            report.refused(new RowError(lines.get(EpcisService.CAPTURE_LIMIT), "epcisBody.eventList", "the document has " + lines.size()
                    + " events; at most " + EpcisService.CAPTURE_LIMIT + " are captured at once; split it"));
            return;
        }
        try (Progress progress = Progress.of("events", lines.size(), err)) {
            Answer job = target.capture(file, atomic);
            progress.step(lines.size());
            if (!job.ok()) {
                report.refused(new RowError(1, job.field(), job.detail()));
                return;
            }
            JsonObject body = job.body();
            report.stored(body.getInteger("stored", 0));
            report.already(body.getInteger("duplicates", 0));
            for (Object e : body.getJsonArray("errors", new JsonArray())) {
                JsonObject error = (JsonObject) e;
                int index = error.getInteger("index", -1);
                String id = error.getString("eventID");
                report.refused(new RowError(index >= 0 && index < lines.size() ? lines.get(index) : 1, error.getString("field"),
                        (index >= 0 ? "event " + index + (id == null ? "" : " (" + id + ")") + ": " : "") + error.getString("detail")));
            }
        }
    }
}
