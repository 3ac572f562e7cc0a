package org.plateautrace.server.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.epcis.EpcisDocuments;
import org.plateautrace.model.lots.LotCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: the events a party may see (of one lot, in a time range) as an EPCIS 2.0 document. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write an EPCIS 2.0 JSON-LD document (an EPCISDocument, valid against GS1's schema) of the events the "
                + "token's party may see: its own and those on lots it held (a regulator's token: all). --lot keeps the events "
                + "naming that lot; --from/--to keep those whose eventTime is in [from, to). Pages through the events, so "
                + "large exports stream. Exit code 0 when written, 1 on error.")
public final class ExportCommand implements Callable<Integer> {
    private static final JsonFactory JSON = new JsonFactory();

    @Spec
    CommandSpec spec;

    @Option(names = "--lot", paramLabel = "ID", description = "Only events naming this lot (its id, as in /api/v1/lots/{id}).")
    Long lot;

    @Option(names = "--from", paramLabel = "TIME", description = "Events at or after this time (2026-05-01T00:00:00+08:00, or a date: 00:00 UTC).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Events before this time (same forms as --from).")
    String to;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of to standard output.")
    Path output;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (Target source = target.open()) {
            ExportFilter filter = new ExportFilter(lot == null ? null : lotClass(source, lot), time("--from", from), time("--to", to));
            int count;
            if (output == null) {
                count = write(source, filter, spec.commandLine().getOut());
            } else {
                try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    count = write(source, filter, file);
                }
            }
            err.println("exported " + count + " events" + (output == null ? "" : " to " + output));
            err.flush();
            return 0;
        } catch (Exception e) {
            err.println("export failed: " + e.getMessage());
            err.flush();
            return ImportCommand.ERROR;
        }
    }

    /** Streams an EPCISDocument, one page of events at a time; answers how many events it holds. */
    private static int write(Target source, ExportFilter filter, Writer out) throws IOException {
        int count = 0;
        JsonGenerator json = JSON.createGenerator(out);
        json.writeStartObject();
        json.writeFieldName("@context");
        json.writeRawValue(Json.encode(EpcisDocuments.context()));
        json.writeStringField("type", "EPCISDocument");
        json.writeStringField("schemaVersion", "2.0");
        json.writeStringField("creationDate", Instant.now().toString());
        json.writeObjectFieldStart("epcisBody");
        json.writeArrayFieldStart("eventList");
        String next = null;
        do {
            Answer page = source.events(filter, next);
            if (!page.ok()) {
                throw new IllegalStateException(page.detail());
            }
            for (Object event : page.body().getJsonArray("events")) {
                json.writeRawValue(Json.encode(event));
                count++;
            }
            next = page.body().getString("next");
        } while (next != null);
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
        out.write(System.lineSeparator());
        out.flush();
        return count;
    }

    /** The EPC class our events name the lot by: its canonical Digital Link. */
    private static String lotClass(Target source, long id) {
        Answer found = source.lot(id);
        if (!found.ok()) {
            throw new IllegalArgumentException("--lot " + id + ": " + found.detail());
        }
        return DigitalLink.forLot(DigitalLink.CANONICAL_BASE, Gtin.parse(found.body().getString("gtin")),
                new LotCode(found.body().getString("lotCode")));
    }

    private static OffsetDateTime time(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " " + value + ": must be a date (2026-05-01) or a date and time with offset");
        }
    }
}
