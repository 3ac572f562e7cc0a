package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code plateau-trace import} and {@code export}, against a running server and directly into its database. */
class ImportCommandTest extends ServerTest {
    private static final AtomicInteger CODES = new AtomicInteger();
    private static final String HEADER = "lot_code,product_id,site_id,harvested_at,quantity,unit,attr.gardenPlot,attr.teaType,attr.pickingGrade";

    @TempDir
    Path dir;

    private Fixtures.Party coop;
    private Fixtures.Party processor;
    private long garden;
    private long plant;
    private long tea;

    @BeforeAll
    void registry() {
        coop = fixtures.party("cooperative");
        processor = fixtures.party("processor");
        garden = fixtures.site(coop);
        plant = fixtures.site(processor, "processing_plant");
        tea = fixtures.product(coop, "tea", "kg");
    }

    /** What one run of the command line printed, and its exit code. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nout: " + out + "\nerr: " + err;
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run viaServer(String command, Path file, String token, String... more) {
        List<String> args = new ArrayList<>(List.of(command, file.toString(), "--server", "http://localhost:" + server.config.port(),
                "--token", token));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Run direct(String command, Path file, String token, String... more) {
        List<String> args = new ArrayList<>(List.of(command, file.toString(), "--db-url", server.config.dbUrl(), "--token", token));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Path file(String name, String... lines) {
        try {
            return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String code() {
        return "IMP-" + CODES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
    }

    private String harvestRow(String lotCode, String harvestedAt, String teaType) {
        return lotCode + "," + tea + "," + garden + "," + harvestedAt + ",120.5,kg,\"易贡茶园 3 号片区, 东坡\"," + teaType + ",one_bud_one_leaf";
    }

    private int lotsWithCode(String lotCode) {
        Api.Response found = api.get("/api/v1/lots?lotCode=" + lotCode, coop.token());
        assertEquals(200, found.status(), found.body());
        return found.items().size();
    }

    @Test
    void importsHarvestsThroughTheServerAndASecondRunStoresNothingTwice() {
        String a = code();
        String b = code();
        Path csv = file("harvests.csv", HEADER, harvestRow(a, "2026-05-02T08:00:00+08:00", "black"),
                harvestRow(b, "2026-05-03T08:00:00+08:00", "green"));
        Run first = viaServer("import", csv, coop.token());
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().contains("harvests: 2 stored, 0 already there"), first.toString());
        assertTrue(first.err().contains("harvests: 2/2"), "plain progress lines when not on a terminal: " + first);

        Run second = viaServer("import", csv, coop.token());
        assertEquals(0, second.exit(), second.toString());
        assertTrue(second.out().contains("harvests: 0 stored, 2 already there"), second.toString());
        assertEquals(1, lotsWithCode(a));
        assertEquals(1, lotsWithCode(b));
        JsonObject lot = api.get("/api/v1/lots?lotCode=" + a, coop.token()).items().getJsonObject(0);
        assertEquals("易贡茶园 3 号片区, 东坡", lot.getJsonObject("attributes").getString("gardenPlot"), "a quoted cell keeps its comma");
    }

    @Test
    void reportsEachBadRowWithItsLineNumberAndStoresTheRest() {
        String good1 = code();
        String good2 = code();
        String taken = code();
        assertEquals(0, viaServer("import", file("taken.csv", HEADER, harvestRow(taken, "2026-05-01T08:00:00+08:00", "black")),
                coop.token()).exit());
        Path csv = file("mixed.csv", HEADER,
                harvestRow(good1, "2026-05-02T08:00:00+08:00", "black"),
                harvestRow(code(), "the second of May", "black"),
                harvestRow(good2, "2026-05-04T08:00:00+08:00", "green"),
                harvestRow(code(), "2026-05-05T08:00:00+08:00", "purple"),
                harvestRow(taken, "2026-05-06T08:00:00+08:00", "black"));
        Run run = viaServer("import", csv, coop.token());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("line 3, harvested_at: must be a date and time with offset"), run.toString());
        assertTrue(run.err().contains("line 5, attr.teaType: must be one of"), "the server's refusal, named by CSV column: " + run);
        assertTrue(run.err().contains("line 6, lot_code: lot code " + taken + " is already registered"), run.toString());
        assertTrue(run.out().contains("harvests: 2 stored, 0 already there (stored by an earlier run), 3 refused"), run.toString());
        assertEquals(1, lotsWithCode(good1));
        assertEquals(1, lotsWithCode(good2));
        assertEquals(1, lotsWithCode(taken));
    }

    @Test
    void atomicHarvestImportStoresNothingAndReportsEveryRowTheServerRefuses() {
        String good = code();
        String otherPartysSite = String.join(",", code(), String.valueOf(tea), String.valueOf(plant),
                "2026-05-04T08:00:00+08:00,120.5,kg,易贡茶园,black,one_bud_one_leaf");
        Path csv = file("atomic.csv", HEADER, harvestRow(good, "2026-05-02T08:00:00+08:00", "black"),
                harvestRow(code(), "2026-05-03T08:00:00+08:00", "purple"), otherPartysSite,
                harvestRow(good, "2026-05-05T08:00:00+08:00", "black"));
        for (Run run : List.of(viaServer("import", csv, coop.token(), "--atomic"), direct("import", csv, coop.token(), "--atomic"))) {
            assertEquals(2, run.exit(), run.toString());
            assertTrue(run.err().contains("line 3, attr.teaType"), "refused in the one transaction, named by line: " + run);
            assertTrue(run.err().contains("line 4, site_id"), "a second refused row is reported by the same answer: " + run);
            assertTrue(run.err().contains("line 5, lot_code: lot code " + good + " is also given by line 2"),
                    "a lot code given twice in the file: " + run);
            assertFalse(run.err().contains("line 2,"), run.toString());
            assertTrue(run.out().contains("3 refused") && run.out().contains("--atomic: nothing was stored"), run.toString());
            assertEquals(0, lotsWithCode(good));
        }
    }

    @Test
    void importsHarvestsDirectlyIntoTheDatabaseThroughTheServices() {
        String a = code();
        Path csv = file("direct.csv", HEADER, harvestRow(a, "2026-05-02T08:00:00+08:00", "black"),
                harvestRow(code(), "2026-05-03T08:00:00+08:00", "purple"));
        Run first = direct("import", csv, coop.token());
        assertEquals(2, first.exit(), first.toString());
        assertTrue(first.err().contains("line 3, attr.teaType"), first.toString());
        assertTrue(first.out().contains("harvests: 1 stored"), first.toString());
        assertEquals(1, lotsWithCode(a), "the server sees what was imported into its database");

        Run second = direct("import", csv, coop.token());
        assertTrue(second.out().contains("harvests: 0 stored, 1 already there"), second.toString());
        Run badToken = direct("import", csv, "not-a-token");
        assertEquals(1, badToken.exit(), badToken.toString());
    }

    private long shipment() {
        String lotCode = code();
        assertEquals(0, viaServer("import", file("lot.csv", HEADER, harvestRow(lotCode, "2026-05-02T08:00:00+08:00", "black")),
                coop.token()).exit());
        long lot = api.get("/api/v1/lots?lotCode=" + lotCode, coop.token()).items().getJsonObject(0).getLong("id");
        return fixtures.event(coop, new JsonObject().put("type", "shipping").put("time", "2026-05-09T07:00:00+08:00").put("lotId", lot)
                .put("quantity", new JsonObject().put("value", 100).put("unit", "kg")).put("fromSiteId", garden)
                .put("toPartyId", processor.id()).put("toSiteId", plant)).getLong("shipmentId");
    }

    @Test
    void importsColdChainReadingsOnceAndReportsBadRowsByLine() {
        long shipment = shipment();
        Path csv = file("readings.csv", "shipment_id,time,measure,value,device",
                shipment + ",2026-05-09T08:00:00+08:00,temperature,12.5,LOG-7731",
                shipment + ",2026-05-09T09:00:00+08:00,temperature,warm,LOG-7731",
                shipment + ",2026-05-09T10:00:00+08:00,temperature,14.0,LOG-7731",
                shipment + ",2026-05-09T10:00:00+08:00,relative_humidity,58,LOG-7731");
        Run first = viaServer("import", csv, coop.token());
        assertEquals(2, first.exit(), first.toString());
        assertTrue(first.err().contains("line 3, value: must be a number"), first.toString());
        assertTrue(first.out().contains("readings: 3 stored"), first.toString());

        Run second = direct("import", csv, coop.token());
        assertTrue(second.out().contains("readings: 0 stored, 3 already there"), "the same events again are duplicates: " + second);

        Path unknown = file("unknown.csv", "shipment_id,time,value", "999999,2026-05-09T08:00:00+08:00,4.0",
                "999999,2026-05-09T09:00:00+08:00,4.5");
        Run refused = viaServer("import", unknown, coop.token());
        assertTrue(refused.err().contains("line 2, shipment_id: no such shipment") && refused.err().contains("line 3, shipment_id"),
                refused.toString());
    }

    @Test
    void atomicReadingImportStoresNothingWhenOneRowIsBad() {
        long shipment = shipment();
        String good = shipment + ",2026-05-09T08:00:00+08:00,temperature,3.5,LOG-1";
        Run atomic = viaServer("import", file("atomic-readings.csv", "shipment_id,time,measure,value,device", good,
                shipment + ",2026-05-09T09:00:00+08:00,pressure,3.5,LOG-1"), coop.token(), "--atomic");
        assertEquals(2, atomic.exit(), atomic.toString());
        assertTrue(atomic.err().contains("line 3, measure: unknown measure"), atomic.toString());
        Run afterwards = viaServer("import", file("good-readings.csv", "shipment_id,time,measure,value,device", good), coop.token());
        assertTrue(afterwards.out().contains("readings: 1 stored, 0 already there"), "the atomic run stored nothing: " + afterwards);
    }

    private static String pretty(JsonObject document) {
        return document.encodePrettily();
    }

    @Test
    void importsAnEpcisDocumentReportingRefusedEventsByLineAndIsIdempotent() {
        String prefix = "urn:uuid:7c1d0e2f-0000-4000-8000-" + String.format("%012d", CODES.incrementAndGet());
        JsonObject document = EpcisCaptureTest.document(EpcisCaptureTest.event(prefix.substring(0, prefix.length() - 1) + "1", "OBSERVE"),
                EpcisCaptureTest.event(prefix.substring(0, prefix.length() - 1) + "2", "UPDATE"),
                EpcisCaptureTest.event(prefix.substring(0, prefix.length() - 1) + "3", "ADD"));
        String text = pretty(document);
        Path json = file("events.jsonld", text);
        int badLine = lineOfNthEvent(text, 1);

        Run atomic = viaServer("import", json, company().token(), "--atomic");
        assertEquals(2, atomic.exit(), atomic.toString());
        assertTrue(atomic.err().contains("line " + badLine + ", action"), atomic.toString());
        assertTrue(atomic.out().contains("epcis: 0 stored"), atomic.toString());

        Run first = viaServer("import", json, company().token());
        assertEquals(2, first.exit(), first.toString());
        assertTrue(first.err().contains("line " + badLine + ", action: event 1"), first.toString());
        assertTrue(first.out().contains("epcis: 2 stored, 0 already there"), first.toString());

        Run second = direct("import", json, company().token());
        assertTrue(second.out().contains("epcis: 0 stored, 2 already there"), second.toString());
    }

    private Fixtures.Party company;

    private Fixtures.Party company() {
        if (company == null) {
            company = fixtures.party("enterprise");
        }
        return company;
    }

    /** The line the n-th event object of a pretty-printed document starts on. */
    private static int lineOfNthEvent(String text, int n) {
        String[] lines = text.split("\n");
        int seen = -1;
        boolean inList = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("\"eventList\"")) {
                inList = true;
                if (lines[i].trim().endsWith("[ {")) {
                    seen++;
                    if (seen == n) {
                        return i + 1;
                    }
                }
                continue;
            }
            if (inList && (lines[i].trim().equals("}, {") || lines[i].trim().equals("{"))) {
                seen++;
                if (seen == n) {
                    return i + 1;
                }
            }
        }
        throw new AssertionError("no event " + n + " in\n" + text);
    }

    @Test
    void exportsALotAsAnEpcisDocumentValidAgainstGs1Schema() throws IOException {
        long shipment = shipment();
        assertTrue(shipment > 0);
        JsonArray lots = api.get("/api/v1/lots?limit=500", coop.token()).items();
        long lot = lots.getJsonObject(0).getLong("id");
        Path out = dir.resolve("lot.jsonld");
        Run exported = run("export", "--lot", Long.toString(lot), "-o", out.toString(), "--server",
                "http://localhost:" + server.config.port(), "--token", coop.token());
        assertEquals(0, exported.exit(), exported.toString());
        String text = Files.readString(out);
        EpcisConformance.assertValid(text);
        JsonArray events = new JsonObject(text).getJsonObject("epcisBody").getJsonArray("eventList");
        assertEquals(List.of("commissioning", "shipping"), events.stream().map(e -> ((JsonObject) e).getString("bizStep")).toList(),
                "the lot's harvest and its shipping, nothing of other lots: " + text);

        Run range = run("export", "--from", "2026-05-08", "--to", "2026-05-10", "--db-url", server.config.dbUrl(), "--token", coop.token());
        assertEquals(0, range.exit(), range.toString());
        EpcisConformance.assertValid(range.out());
        JsonArray inRange = new JsonObject(range.out()).getJsonObject("epcisBody").getJsonArray("eventList");
        Instant from = Instant.parse("2026-05-08T00:00:00Z");
        Instant to = Instant.parse("2026-05-10T00:00:00Z");
        assertTrue(inRange.size() >= 1 && inRange.stream().map(e -> OffsetDateTime.parse(((JsonObject) e).getString("eventTime")).toInstant())
                .allMatch(t -> !t.isBefore(from) && t.isBefore(to)), range.out());
    }
}
