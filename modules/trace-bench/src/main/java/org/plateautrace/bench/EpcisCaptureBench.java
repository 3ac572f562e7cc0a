package org.plateautrace.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.plateautrace.model.registry.CreditCode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * EPCIS capture end to end (issue 7): a generated EPCIS 2.0 document of 10,000 events (shipping and
 * receiving ObjectEvents with EPCs, a quantity, read point, location, source and destination; every
 * fourth with a temperature sensor report) is POSTed to {@code /epcis/capture} (202), and its job polled
 * until it is done (streamed parse, check, hash chain, one transaction). Beside it, in the same run: COPY
 * of the very rows that capture wrote (event, event_epc, event_quantity, event_party, event_sensor_value)
 * into the same tables (keys, foreign keys and triggers; ids moved out of the way) in one transaction,
 * rolled back after timing so the hash chain stays whole. And the server's heap: the server runs alone in
 * a child JVM ({@link MeasuredServer}), so the heap measured is the server's only, not this load generator's
 * (document generation, HTTP client, COPY); used heap after full GCs before each capture, against the highest
 * used heap sampled during it and the highest heap left after any GC during it, both against the document's size.
 * Options: {@code --events N} (default 10,000), {@code --rounds N} (default 5, after one warm-up),
 * {@code --server-heap SIZE} (the server JVM's {@code -Xmx}, e.g. {@code 64m}; default the JVM's own).
 */
public final class EpcisCaptureBench {
    private static final String ADMIN = "bench-admin-token";
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final ServerLink server;

    private EpcisCaptureBench(int port, String jdbcUrl, String user, String password, ServerLink server) {
        this.base = "http://localhost:" + port;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.server = server;
    }

    /** One capture measured. */
    private record Round(double captureSeconds, double acceptedSeconds, double copySeconds, long documentBytes, long heapBefore, long peakUsed, long peakLive) {
    }

    public static void main(String[] args) throws Exception {
        int events = 10_000;
        int rounds = 5;
        String serverHeap = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--server-heap" -> serverHeap = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int port = 18093;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (serverHeap != null) {
            command.add("-Xmx" + serverHeap);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MeasuredServer.class.getName(), String.valueOf(port), ADMIN));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (ServerLink link = new ServerLink(server)) {
            String[] ready = link.await("ready");
            EpcisCaptureBench bench = new EpcisCaptureBench(port, ready[1], ready[2], ready[3], link);
            System.out.println("## EPCIS capture benchmark, " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + "; server alone in its JVM, "
                    + (serverHeap == null ? "default" : "-Xmx" + serverHeap) + ", max heap " + Long.parseLong(ready[4]) / (1024 * 1024)
                    + " MiB, " + ready[5]);
            System.out.println();
            bench.run(events, rounds);
        }
    }

    private void run(int events, int rounds) throws Exception {
        JsonObject party = post("/api/v1/parties", ADMIN, new JsonObject().put("kind", "enterprise").put("name", "林芝高原鲜途冷链基准有限公司")
                .put("creditCode", creditCode()).put("county", "巴宜区"));
        String token = party.getString("token");
        List<Round> measured = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            for (int round = -1; round < rounds; round++) {
                byte[] document = document(events, round + 1).encode().getBytes(StandardCharsets.UTF_8);
                long seqBefore = longScalar(s, "SELECT coalesce(max(seq), 0) FROM event");
                server.send("watch");
                long heapBefore = Long.parseLong(server.await("watching")[1]);
                long start = System.nanoTime();
                double[] accepted = new double[1];
                JsonObject job = capture(token, document, () -> accepted[0] = (System.nanoTime() - start) / 1e9);
                double seconds = (System.nanoTime() - start) / 1e9;
                server.send("stop");
                String[] heap = server.await("heap");
                if (!job.getBoolean("success") || job.getInteger("stored") != events) {
                    throw new IllegalStateException("the capture did not store every event: " + job.encode().substring(0,
                            Math.min(2000, job.encode().length())));
                }
                long seqAfter = longScalar(s, "SELECT max(seq) FROM event");
                double copySeconds = copy(c, seqBefore, seqAfter);
                if (round >= 0) {
                    measured.add(new Round(seconds, accepted[0], copySeconds, document.length, heapBefore, Long.parseLong(heap[2]), Long.parseLong(heap[3])));
                }
            }
        }
        List<Double> capture = measured.stream().map(r -> events / r.captureSeconds()).toList();
        List<Double> copy = measured.stream().map(r -> events / r.copySeconds()).toList();
        long size = measured.get(0).documentBytes();
        System.out.printf("| capture of one %,d-event EPCIS document (%.1f MiB), %d rounds after a warm-up | median events/s | min | max |%n",
                events, size / 1048576.0, measured.size());
        System.out.println("|---|---|---|---|");
        System.out.printf("| POST /epcis/capture → 202, poll the job until done (body to a file, shape checked; then read, checked and stored "
                + "in chunks of 1,000, hash chain, one transaction) "
                + "| %,.0f | %,.0f | %,.0f |%n", median(capture), Collections.min(capture), Collections.max(capture));
        System.out.printf("| baseline: COPY of the same event, event_epc, event_quantity, event_party, event_sensor_value rows into the same tables, one "
                + "transaction | %,.0f | %,.0f | %,.0f |%n", median(copy), Collections.min(copy), Collections.max(copy));
        System.out.printf("%nratio of medians (capture / raw COPY): %.2f (goal at least 0.4); median time to the 202 (body received "
                + "into a file, its shape checked and its events counted): %.2f s of %.2f s%n%n", median(capture) / median(copy),
                median(measured.stream().map(Round::acceptedSeconds).toList()), median(measured.stream().map(Round::captureSeconds).toList()));
        System.out.println("| round | document | heap used after GC before | peak heap used during (sampled) | growth | growth / document "
                + "| peak live heap after a GC during | live growth / document |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < measured.size(); i++) {
            Round r = measured.get(i);
            long growth = r.peakUsed() - r.heapBefore();
            long live = r.peakLive() < 0 ? -1 : r.peakLive() - r.heapBefore();
            System.out.printf("| %d | %.1f MiB | %.1f MiB | %.1f MiB | %.1f MiB | %.1f × | %s | %s |%n", i + 1, mib(r.documentBytes()),
                    mib(r.heapBefore()), mib(r.peakUsed()), mib(growth), (double) growth / r.documentBytes(),
                    live < 0 ? "no GC during" : String.format("%.1f MiB", mib(r.peakLive())),
                    live < 0 ? "–" : String.format("%.1f ×", (double) live / r.documentBytes()));
        }
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    /** A document of {@code n} fresh events (new eventIDs each round, so nothing is a duplicate). */
    private static JsonObject document(int n, int round) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(20).truncatedTo(ChronoUnit.SECONDS);
        String lotClass = "https://id.gs1.org/01/02000001000038/10/TEA-2605" + String.format("%02d", round % 100) + "-K7QM";
        JsonArray list = new JsonArray();
        for (int i = 0; i < n; i++) {
            boolean shipping = i % 2 == 0;
            OffsetDateTime time = start.plusSeconds(i);
            JsonObject event = new JsonObject().put("type", "ObjectEvent").put("eventID", "urn:uuid:" + UUID.randomUUID())
                    .put("eventTime", TIME.format(time)).put("eventTimeZoneOffset", "+08:00").put("action", "OBSERVE")
                    .put("bizStep", shipping ? "shipping" : "receiving").put("disposition", shipping ? "in_transit" : "in_progress")
                    .put("epcList", new JsonArray().add("urn:epc:id:sgtin:0614141.107346." + (round * 1_000_000L + i * 2L))
                            .add("urn:epc:id:sgtin:0614141.107346." + (round * 1_000_000L + i * 2L + 1)))
                    .put("quantityList", new JsonArray().add(new JsonObject().put("epcClass", lotClass).put("quantity", 12.5).put("uom", "KGM")))
                    .put("readPoint", new JsonObject().put("id", "urn:epc:id:sgln:0614141.07346." + (i % 50)))
                    .put("bizLocation", new JsonObject().put("id", "urn:epc:id:sgln:0614141.07346.0"))
                    .put("sourceList", new JsonArray().add(new JsonObject().put("type", "owning_party").put("source", "urn:epc:id:pgln:0614141.00001")))
                    .put("destinationList", new JsonArray().add(new JsonObject().put("type", "owning_party")
                            .put("destination", "urn:epc:id:pgln:0614141.00002")));
            if (i % 4 == 0) {
                event.put("sensorElementList", new JsonArray().add(new JsonObject()
                        .put("sensorMetadata", new JsonObject().put("time", TIME.format(time)))
                        .put("sensorReport", new JsonArray().add(new JsonObject().put("type", "Temperature").put("value", 3.5 + (i % 7) / 10.0)
                                .put("uom", "CEL")))));
            }
            list.add(event);
        }
        return new JsonObject().put("@context", new JsonArray().add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"))
                .put("type", "EPCISDocument").put("schemaVersion", "2.0").put("creationDate", TIME.format(start))
                .put("epcisBody", new JsonObject().put("eventList", list));
    }

    private JsonObject capture(String token, byte[] document, Runnable onAccepted) throws Exception {
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/epcis/capture"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/ld+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST /epcis/capture answered " + accepted.statusCode() + " " + accepted.body());
        }
        onAccepted.run();
        String job = accepted.headers().firstValue("Location").orElseThrow();
        while (true) {
            HttpResponse<String> state = http.send(HttpRequest.newBuilder(URI.create(base + job)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonObject body = new JsonObject(state.body());
            if (!body.getBoolean("running")) {
                return body;
            }
            Thread.sleep(10);
        }
    }

    /**
     * COPYs out the rows of events seq in (from, to] and their child rows, then COPYs them into the same
     * tables (ids, eventIDs and seqs moved out of the way) in one transaction that is rolled back after
     * timing, so the hash chain stays whole; answers the seconds the COPY statements took.
     */
    private static double copy(Connection c, long from, long to) throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String events = "SELECT id FROM event WHERE seq > " + from + " AND seq <= " + to;
        List<String[]> tables = new ArrayList<>();
        StringBuilder eventRows = new StringBuilder();
        for (String line : EventBench.lines(copy, "COPY (SELECT " + EventBench.EVENT_COLUMNS + " FROM event WHERE seq > " + from
                + " AND seq <= " + to + " ORDER BY seq) TO STDOUT")) {
            eventRows.append(EventBench.movedEvent(line)).append('\n');
        }
        tables.add(new String[]{"event (" + EventBench.EVENT_COLUMNS + ")", eventRows.toString()});
        for (String child : List.of("event_epc", "event_quantity", "event_party", "event_sensor_value")) {
            StringBuilder rows = new StringBuilder();
            EventBench.byEvent(EventBench.lines(copy, "COPY (SELECT * FROM " + child + " WHERE event_pk IN (" + events + ")) TO STDOUT"))
                    .values().forEach(rows::append);
            tables.add(new String[]{child, rows.toString()});
        }
        c.setAutoCommit(false);
        long start = System.nanoTime();
        for (String[] table : tables) {
            copy.copyIn("COPY " + table[0] + " FROM STDIN", new StringReader(table[1]));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        c.rollback();
        c.setAutoCommit(true);
        return seconds;
    }

    /** The child JVM running the server: commands on its standard input, {@code @bench} answers on its standard output. */
    private static final class ServerLink implements AutoCloseable {
        private final Process process;
        private final BufferedReader answers;
        private final PrintWriter commands;

        ServerLink(Process process) {
            this.process = process;
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        }

        void send(String command) {
            commands.println(command);
        }

        /** The next answer of this kind (its words, tab-separated); the server's other output is passed on to standard error. */
        String[] await(String kind) throws IOException {
            for (String line = answers.readLine(); line != null; line = answers.readLine()) {
                String[] words = line.split("\t");
                if (words[0].equals("@bench") && words.length > 1 && words[1].equals(kind)) {
                    return java.util.Arrays.copyOfRange(words, 1, words.length);
                }
                System.err.println(line);
            }
            throw new IllegalStateException("the server exited (status " + process.onExit().join().exitValue() + ") before answering " + kind);
        }

        @Override
        public void close() throws InterruptedException {
            commands.close();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroy();
            }
        }
    }

    private JsonObject post(String path, String token, JsonObject body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return new JsonObject(response.body());
    }

    private static long longScalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String creditCode() {
        String first17 = "91540402MA6TE" + String.format("%04d", (int) (Math.random() * 10_000));
        return first17 + CreditCode.checkCharacter(first17);
    }

}
