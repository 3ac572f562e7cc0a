package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * GS1's EPCIS 2.0 conformance kit, read where the project keeps it ({@code shared/epcis} above the
 * working directory, or {@code PLATEAU_EPCIS_DIR}): the normative JSON Schema and GS1's example documents.
 */
final class EpcisConformance {
    private static Schema schema;

    private EpcisConformance() {
    }

    static Path dir() {
        String configured = System.getenv("PLATEAU_EPCIS_DIR");
        if (configured != null) {
            Path dir = Path.of(configured);
            if (Files.exists(dir.resolve("EPCIS-JSON-Schema.json"))) {
                return dir;
            }
            throw new IllegalStateException("PLATEAU_EPCIS_DIR=" + configured + " holds no EPCIS-JSON-Schema.json");
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path dir = at.resolve("shared/epcis");
            if (Files.exists(dir.resolve("EPCIS-JSON-Schema.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("GS1's EPCIS conformance kit (shared/epcis/EPCIS-JSON-Schema.json) is not above "
                + Path.of("").toAbsolutePath() + "; set PLATEAU_EPCIS_DIR");
    }

    static synchronized Schema schema() {
        if (schema == null) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(read(dir().resolve("EPCIS-JSON-Schema.json")));
        }
        return schema;
    }

    /** What GS1's schema finds wrong with a document (empty when it validates). */
    static List<String> violations(String json) {
        return schema().validate(json, InputFormat.JSON).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    static void assertValid(String json) {
        List<String> violations = violations(json);
        assertEquals(List.of(), violations, "GS1's EPCIS JSON Schema refuses the document");
    }

    /** Every example document of GS1's, recursively, in a stable order. */
    static List<Path> examples() {
        try (Stream<Path> files = Files.walk(dir().resolve("examples"))) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".jsonld") || f.toString().endsWith(".json")).sorted().toList();
            assertTrue(found.size() > 40, "GS1's examples are all there: " + found.size());
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject json(Path file) {
        return new JsonObject(read(file));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
