package org.plateautrace.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.plateautrace.bench.TraceDataGenerator.DataSet;
import org.plateautrace.bench.TraceDataGenerator.Registry;
import org.plateautrace.model.codes.Gs1CheckDigit;
import org.plateautrace.model.registry.CreditCode;
import org.plateautrace.server.PlateauServer;
import org.plateautrace.server.ServerConfig;
import org.plateautrace.store.DatabaseSettings;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Benchmarks of the events issue, each beside its baseline in the same run:
 * <ol>
 *   <li>capture rate: events per second recorded through {@code POST /api/v1/events} in batches of
 *       1,000 sale events, against COPY of the very rows the API wrote (event, event_quantity, event_party)
 *       into the same tables (with their keys, indexes, foreign keys and triggers), ids, eventIDs and seqs
 *       moved out of the way, in batches of the same size, interleaved round by round; the copies are
 *       rolled back after timing so the hash chain stays whole (the COPY statements are timed, not the
 *       rollback);</li>
 *   <li>trace latency: {@code GET /api/v1/lots/{id}/trace} backward from random top-level lots and
 *       forward from random harvest lots of a generated data set of at least 1,000,000 events with six
 *       levels of transformation, against the same recursive query run over JDBC on the same lots.</li>
 * </ol>
 * The server runs in this JVM on an embedded PostgreSQL in a temporary directory (or on
 * {@code PLATEAU_BENCH_DB_URL}). Prints Markdown tables. Options: {@code --events N} (data-set size,
 * default 1,000,000), {@code --requests N} (trace requests per direction,  default 1,000),
 * {@code --only capture|trace}.
 */
public final class EventBench {
    private static final String ADMIN = "bench-admin-token";
    private static final int BATCH = 1_000;
    private static final int BATCHES_PER_ROUND = 10;
    private static final int ROUNDS = 5;
    private static final int WARM_UP_ROUNDS = 2;
    private static final int TRACE_WARM_UP = 200;
    private static final int WRK_WARM_UP_SECONDS = 5;
    private static final int WRK_SECONDS = 20;
    static final String EVENT_COLUMNS = "id, event_id, event_type, action, biz_step, disposition, event_time, "
            + "event_time_zone_offset, record_time, read_point, biz_location, party_id, ilmd, details, seq, content, prev_hash, hash";
    private static final String QUANTITY_COLUMNS = "event_pk, list, epc_class, quantity, uom, lot_id";
    private static final String PARTY_COLUMNS = "event_pk, list, type, id";
    /** Added to the ids and seqs of copied rows, so they do not collide with the rows they copy. */
    private static final long COPY_OFFSET = 1_000_000_000_000L;
    /** The queries of TraceRepository (BACKWARD / FORWARD), with JDBC placeholders. */
    private static final String BACKWARD = "WITH RECURSIVE edges(input_lot_id, output_lot_id, quantity, depth) AS ("
            + " SELECT input_lot_id, output_lot_id, quantity, 1 FROM lot_link WHERE output_lot_id = ?"
            + " UNION"
            + " SELECT k.input_lot_id, k.output_lot_id, k.quantity, e.depth + 1 FROM lot_link k"
            + " JOIN edges e ON k.output_lot_id = e.input_lot_id WHERE e.depth < 64)"
            + " SELECT DISTINCT input_lot_id, output_lot_id, quantity FROM edges";
    private static final String FORWARD = "WITH RECURSIVE edges(input_lot_id, output_lot_id, quantity, depth) AS ("
            + " SELECT input_lot_id, output_lot_id, quantity, 1 FROM lot_link WHERE input_lot_id = ?"
            + " UNION"
            + " SELECT k.input_lot_id, k.output_lot_id, k.quantity, e.depth + 1 FROM lot_link k"
            + " JOIN edges e ON k.input_lot_id = e.output_lot_id WHERE e.depth < 64)"
            + " SELECT DISTINCT input_lot_id, output_lot_id, quantity FROM edges";

    /** The reads TraceService.describe makes after the walk (copied from TraceRepository, JDBC placeholders). */
    private static final String LOTS = "SELECT l.id, l.lot_code AS \"lotCode\", p.gtin, l.quantity, l.unit, l.origin, "
            + "to_char(l.harvested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS \"createdAt\", "
            + "l.recalled_at IS NOT NULL AS recalled, l.recall_reason AS \"recallReason\", l.attributes, "
            + "l.product_id AS \"productId\", l.party_id AS \"ownerId\", l.site_id AS \"siteId\" "
            + "FROM lot l JOIN product p ON p.id = l.product_id WHERE l.id = ANY(?) ORDER BY l.harvested_at, l.id";
    private static final String REFERENCES = "WITH l AS (SELECT product_id, party_id, site_id FROM lot WHERE id = ANY(?)) SELECT "
            + "(SELECT json_agg(json_build_object('id', p.id, 'name', json_build_object('zh', p.name_zh, 'en', p.name_en), "
            + "  'commodity', p.commodity, 'brand', p.brand)) FROM product p WHERE p.id IN (SELECT product_id FROM l)) AS products, "
            + "(SELECT json_agg(json_build_object('id', pa.id, 'name', pa.name, 'kind', pa.kind)) FROM party pa "
            + "  WHERE pa.id IN (SELECT party_id FROM l)) AS parties, "
            + "(SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind, 'county', s.county, "
            + "  'township', s.township)) FROM site s WHERE s.id IN (SELECT site_id FROM l)) AS sites";
    private static final String SHIPMENTS = "SELECT sh.id, sh.lot_id AS \"lotId\", sh.quantity, "
            + "json_build_object('id', f.id, 'name', f.name) AS \"from\", json_build_object('id', t.id, 'name', t.name) AS \"to\", "
            + "CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'name', c.name) END AS carrier, "
            + "sh.shipped_at AS \"shippedAt\", sh.received_at AS \"receivedAt\", pr.commodity, pr.cold_chain AS \"coldChain\" "
            + "FROM shipment sh JOIN party f ON f.id = sh.from_party_id JOIN party t ON t.id = sh.to_party_id "
            + "JOIN lot l ON l.id = sh.lot_id JOIN product pr ON pr.id = l.product_id "
            + "LEFT JOIN party c ON c.id = sh.carrier_party_id WHERE sh.lot_id = ANY(?) ORDER BY sh.shipped_at";
    private static final String READINGS = "SELECT shipment_id AS \"shipmentId\", time, measure, value, device FROM sensor_reading "
            + "WHERE shipment_id = ANY(?) ORDER BY shipment_id, time";
    private static final String HOLDERS = "SELECT h.lot_id AS \"lotId\", h.quantity, json_build_object('id', p.id, 'name', p.name, "
            + "'kind', p.kind, 'contact', p.contact) AS party, false AS \"inTransit\" FROM holding h JOIN party p ON p.id = h.party_id "
            + "WHERE h.lot_id = ANY(?) AND h.quantity > 0 "
            + "UNION ALL SELECT sh.lot_id, sh.quantity, json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, "
            + "'contact', p.contact), true FROM shipment sh JOIN party p ON p.id = sh.to_party_id "
            + "WHERE sh.lot_id = ANY(?) AND sh.received_at IS NULL";
    private static final String SALES = "SELECT q.lot_id AS \"lotId\", q.quantity, q.uom, e.event_time AS \"time\", "
            + "e.details->>'channel' AS channel, json_build_object('id', p.id, 'name', p.name) AS seller FROM event_quantity q "
            + "JOIN event e ON e.id = q.event_pk JOIN party p ON p.id = e.party_id WHERE q.lot_id = ANY(?) "
            + "AND e.biz_step = 'retail_selling' ORDER BY e.event_time";
    private static final String CODE_COUNTS = "SELECT lot_id AS \"lotId\", count(*) AS count FROM trace_code "
            + "WHERE lot_id = ANY(?) GROUP BY lot_id";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final DatabaseSettings db;
    private final SecureRandom random = new SecureRandom();

    private EventBench(int port, DatabaseSettings db) {
        this.base = "http://localhost:" + port;
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        long targetEvents = 1_000_000;
        int requests = 1_000;
        String only = "all";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--events" -> targetEvents = Long.parseLong(args[i + 1]);
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--only" -> only = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int port = 18091;
        Path dataDir = Files.createTempDirectory("plateau-event-bench");
        String dbUrl = System.getenv("PLATEAU_BENCH_DB_URL");
        Vertx vertx = Vertx.vertx();
        long started = System.nanoTime();
        PlateauServer server = PlateauServer.start(vertx, new ServerConfig(port, dataDir, dbUrl, null, ADMIN, false, 16, null, 100_000)).await();
        try {
            EventBench bench = new EventBench(port, server.databaseSettings());
            System.out.println("## Events benchmark, " + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                    + bench.scalar("SELECT split_part(version(), ' on ', 1)") + " (shared_buffers "
                    + bench.scalar("SHOW shared_buffers") + "), pool of 16 connections");
            System.out.println();
            if (!only.equals("trace")) {
                bench.capture();
                System.out.println();
            }
            if (!only.equals("capture")) {
                bench.trace(targetEvents, requests);
            }
            System.out.printf("%ntotal run time %.0f s%n", (System.nanoTime() - started) / 1e9);
        } finally {
            server.stop().await();
            vertx.close().await();
            deleteTree(dataDir);   // the embedded database of this run holds gigabytes
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    // ---------------------------------------------------------------- capture

    private void capture() throws Exception {
        JsonObject party = post("/api/v1/parties", ADMIN, new JsonObject().put("kind", "cooperative").put("name", "易贡茶叶基准合作社")
                .put("creditCode", creditCode("93540424MA6TC")).put("county", "波密县"));
        String token = party.getString("token");
        long site = post("/api/v1/sites", token, new JsonObject().put("kind", "farm_base").put("name", "易贡茶园")
                .put("county", "波密县")).getLong("id");
        long product = post("/api/v1/products", token, new JsonObject().put("gtin", gtin("20000097"))
                .put("name", new JsonObject().put("zh", "易贡红茶").put("en", "Yigong black tea")).put("commodity", "tea")
                .put("unit", "kg")).getLong("id");
        OffsetDateTime harvested = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(30).truncatedTo(ChronoUnit.SECONDS);
        long lot = post("/api/v1/lots", token, new JsonObject().put("productId", product).put("siteId", site)
                .put("quantity", new JsonObject().put("value", 1000).put("unit", "kg"))
                .put("harvestedAt", harvested.toString())
                .put("attributes", new JsonObject().put("gardenPlot", "A-1").put("teaType", "black")
                        .put("pickingGrade", "one_bud_one_leaf"))).getLong("id");
        OffsetDateTime firstSale = harvested.plusDays(1);
        String[] channels = {"direct_store", "supermarket", "ecommerce", "livestream"};
        int perRound = BATCH * BATCHES_PER_ROUND;
        List<Double> api = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        long sales = 0;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
                List<String> bodies = new ArrayList<>(BATCHES_PER_ROUND);
                for (int b = 0; b < BATCHES_PER_ROUND; b++) {
                    JsonArray events = new JsonArray();
                    for (int i = 0; i < BATCH; i++) {
                        events.add(new JsonObject().put("type", "sale").put("eventId", "urn:uuid:" + UUID.randomUUID())
                                .put("time", firstSale.plusSeconds(sales++).toString()).put("lotId", lot)
                                .put("quantity", new JsonObject().put("value", 0.001).put("unit", "kg"))
                                .put("channel", channels[i % channels.length]).put("siteId", site));
                    }
                    bodies.add(new JsonObject().put("events", events).encode());
                }
                long seqBefore = longScalar(s, "SELECT coalesce(max(seq), 0) FROM event");
                long start = System.nanoTime();
                for (String body : bodies) {
                    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                    if (response.statusCode() != 201 || new JsonObject(response.body()).getJsonArray("events").size() != BATCH) {
                        throw new IllegalStateException("POST /api/v1/events answered " + response.statusCode() + " "
                                + response.body().substring(0, Math.min(500, response.body().length())));
                    }
                }
                double apiSeconds = (System.nanoTime() - start) / 1e9;
                long seqAfter = longScalar(s, "SELECT max(seq) FROM event");
                if (seqAfter - seqBefore != perRound) {
                    throw new IllegalStateException("expected " + perRound + " new events, found " + (seqAfter - seqBefore));
                }
                double rawSeconds = copyRound(c, copy, seqBefore, seqAfter);
                if (round >= 0) {
                    api.add(perRound / apiSeconds);
                    raw.add(perRound / rawSeconds);
                }
            }
        }
        System.out.println("| capture sale events, batches of 1,000, " + ROUNDS + " rounds of " + String.format("%,d", perRound)
                + " events | median events/s | min | max |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| POST /api/v1/events {\"events\": [1,000 sales]} (parse, check holdings, chain, 3 batched inserts, answer) "
                + "| %,.0f | %,.0f | %,.0f |%n", median(api), Collections.min(api), Collections.max(api));
        System.out.printf("| baseline: COPY of the same event, event_quantity and event_party rows into the same tables, 1,000 events a batch "
                + "| %,.0f | %,.0f | %,.0f |%n", median(raw), Collections.min(raw), Collections.max(raw));
        System.out.printf("%nratio of medians (API / raw COPY): %.2f (goal at least 0.5)%n", median(api) / median(raw));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            System.out.printf("rows per API event: event %.0f B content (avg), %s event_quantity, %s event_party, plus one holding update per batch%n",
                    doubleScalar(s, "SELECT avg(length(content)) FROM event WHERE biz_step = 'retail_selling'"),
                    scalar(s, "SELECT round(count(*)::numeric / " + (perRound * (ROUNDS + WARM_UP_ROUNDS)) + ", 2) FROM event_quantity q "
                            + "JOIN event e ON e.id = q.event_pk WHERE e.biz_step = 'retail_selling'"),
                    scalar(s, "SELECT round(count(*)::numeric / " + (perRound * (ROUNDS + WARM_UP_ROUNDS)) + ", 2) FROM event_party p "
                            + "JOIN event e ON e.id = p.event_pk WHERE e.biz_step = 'retail_selling'"));
        }
    }

    /**
     * Exports the rows the API wrote for events seq in (from, to], then COPYs them into the same tables
     * in batches of 1,000 events (ids, eventIDs and seqs moved by {@link #COPY_OFFSET}) inside one
     * transaction that is rolled back afterwards; answers the seconds the COPY statements took.
     */
    private static double copyRound(Connection c, CopyManager copy, long from, long to) throws Exception {
        String where = " FROM event e WHERE e.seq > " + from + " AND e.seq <= " + to;
        List<String> events = lines(copy, "COPY (SELECT " + EVENT_COLUMNS + where + " ORDER BY seq) TO STDOUT");
        Map<String, StringBuilder> quantitiesOf = byEvent(lines(copy, "COPY (SELECT q.event_pk, q.list, q.epc_class, q.quantity, q.uom, "
                + "q.lot_id FROM event_quantity q WHERE q.event_pk IN (SELECT e.id" + where + ")) TO STDOUT"));
        Map<String, StringBuilder> partiesOf = byEvent(lines(copy, "COPY (SELECT p.event_pk, p.list, p.type, p.id FROM event_party p "
                + "WHERE p.event_pk IN (SELECT e.id" + where + ")) TO STDOUT"));
        List<String[]> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += BATCH) {
            StringBuilder eventRows = new StringBuilder();
            StringBuilder quantities = new StringBuilder();
            StringBuilder parties = new StringBuilder();
            for (String line : events.subList(i, Math.min(events.size(), i + BATCH))) {
                String id = line.substring(0, line.indexOf('\t'));
                eventRows.append(movedEvent(line)).append('\n');
                quantities.append(quantitiesOf.getOrDefault(id, new StringBuilder()));
                parties.append(partiesOf.getOrDefault(id, new StringBuilder()));
            }
            batches.add(new String[]{eventRows.toString(), quantities.toString(), parties.toString()});
        }
        c.setAutoCommit(false);
        long start = System.nanoTime();
        for (String[] batch : batches) {
            copy.copyIn("COPY event (" + EVENT_COLUMNS + ") FROM STDIN", new StringReader(batch[0]));
            copy.copyIn("COPY event_quantity (" + QUANTITY_COLUMNS + ") FROM STDIN", new StringReader(batch[1]));
            copy.copyIn("COPY event_party (" + PARTY_COLUMNS + ") FROM STDIN", new StringReader(batch[2]));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        c.rollback();
        c.setAutoCommit(true);
        return seconds;
    }

    static List<String> lines(CopyManager copy, String sql) throws Exception {
        StringWriter out = new StringWriter();
        copy.copyOut(sql, out);
        return out.toString().isEmpty() ? List.of() : List.of(out.toString().split("\n"));
    }

    /** An event row (in {@link #EVENT_COLUMNS} order) with its id, eventID and seq moved out of the way of the row it copies. */
    static String movedEvent(String line) {
        String[] f = line.split("\t", -1);
        f[0] = String.valueOf(Long.parseLong(f[0]) + COPY_OFFSET);
        f[1] = f[1] + "#copy";
        f[14] = String.valueOf(Long.parseLong(f[14]) + COPY_OFFSET);
        return String.join("\t", f);
    }

    /** Child rows grouped by their event_pk (the first column), with event_pk moved by {@link #COPY_OFFSET}. */
    static Map<String, StringBuilder> byEvent(List<String> rows) {
        Map<String, StringBuilder> byEvent = new LinkedHashMap<>();
        for (String row : rows) {
            String pk = row.substring(0, row.indexOf('\t'));
            byEvent.computeIfAbsent(pk, k -> new StringBuilder()).append(Long.parseLong(pk) + COPY_OFFSET)
                    .append(row.substring(row.indexOf('\t'))).append('\n');
        }
        return byEvent;
    }

    // ---------------------------------------------------------------- trace

    private void trace(long targetEvents, int requests) throws Exception {
        JsonObject owner = post("/api/v1/parties", ADMIN, new JsonObject().put("kind", "enterprise").put("name", "林芝易贡茶业基准有限公司")
                .put("creditCode", creditCode("91540402MA6TD")).put("county", "波密县"));
        String token = owner.getString("token");
        JsonObject retailer = post("/api/v1/parties", ADMIN, new JsonObject().put("kind", "retailer").put("name", "八一镇基准茶叶店")
                .put("creditCode", creditCode("92540402MA6TE")).put("county", "巴宜区"));
        long farm = post("/api/v1/sites", token, new JsonObject().put("kind", "farm_base").put("name", "易贡茶园")
                .put("county", "波密县")).getLong("id");
        long plant = post("/api/v1/sites", token, new JsonObject().put("kind", "processing_plant").put("name", "易贡茶厂")
                .put("county", "波密县")).getLong("id");
        long shop = post("/api/v1/sites", retailer.getString("token"), new JsonObject().put("kind", "shop").put("name", "八一镇门店")
                .put("county", "巴宜区")).getLong("id");
        JsonObject leaf = post("/api/v1/products", token, new JsonObject().put("gtin", gtin("20000096"))
                .put("name", new JsonObject().put("zh", "易贡茶鲜叶").put("en", "Yigong fresh tea leaf")).put("commodity", "tea")
                .put("unit", "kg"));
        JsonObject tea = post("/api/v1/products", token, new JsonObject().put("gtin", gtin("20000095"))
                .put("name", new JsonObject().put("zh", "易贡红茶").put("en", "Yigong black tea")).put("commodity", "tea")
                .put("unit", "kg"));
        Registry registry = new Registry(owner.getLong("id"), retailer.getLong("id"), farm, plant, shop, leaf.getLong("id"),
                leaf.getString("gtin"), tea.getLong("id"), tea.getString("gtin"));

        DataSet data;
        double vacuumSeconds;
        Map<String, String> sizes = new LinkedHashMap<>();
        data = TraceDataGenerator.generate(db, registry, targetEvents, 20261130L);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                // VACUUM (ANALYZE): statistics for the planner, and no autovacuum of the fresh rows during the measurement.
                for (String table : List.of("lot", "lot_link", "event", "event_quantity", "event_party", "holding", "shipment")) {
                    s.execute("VACUUM (ANALYZE) " + table);
                }
                vacuumSeconds = (System.nanoTime() - start) / 1e9;
                for (String table : List.of("lot", "lot_link", "event", "event_quantity", "event_party", "holding", "shipment")) {
                    sizes.put(table, scalar(s, "SELECT count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('" + table
                            + "')) FROM " + table));
                }
            }
        }
        System.out.printf("Trace data set (generated with COPY in %.0f s, then VACUUM (ANALYZE) in %.0f s): %,d trees of %d levels "
                        + "of transformation (each step combines 2 or 3 lots of the level below into one), %,d lots, %,d lot_link rows, "
                        + "%,d events, %,d event_quantity rows, %,d event_party rows, %,d holdings, %,d shipments.%n%n",
                data.copySeconds(), vacuumSeconds, data.trees(), TraceDataGenerator.LEVELS, data.lots(), data.links(), data.events(),
                data.quantities(), data.eventParties(), data.holdings(), data.shipments());
        System.out.println("generation phases (s): " + data.phases().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format("%.1f", e.getValue())).collect(java.util.stream.Collectors.joining(", ")));
        System.out.println();
        System.out.println("| table (whole database, incl. capture benchmark rows) | rows, size with indexes |");
        System.out.println("|---|---|");
        sizes.forEach((table, size) -> System.out.println("| " + table + " | " + size + " |"));
        System.out.println();

        Random pick = new Random(42);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Connection reads = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement backward = c.prepareStatement(BACKWARD);
             PreparedStatement forward = c.prepareStatement(FORWARD)) {
            // Check once that the API and the query agree on a trace.
            long sample = data.topLots().get(0);
            JsonObject answer = new JsonObject(get("/api/v1/lots/" + sample + "/trace?direction=backward", token).body());
            int lotsOverJdbc = lotsIn(backward, sample);
            if (answer.getJsonArray("lots").size() != lotsOverJdbc) {
                throw new IllegalStateException("trace of " + sample + ": API lists " + answer.getJsonArray("lots").size()
                        + " lots, the query reaches " + lotsOverJdbc);
            }
            Series back = traceSeries("backward", data.topLots(), pick, requests, token, backward, reads);
            Series fwd = traceSeries("forward", data.harvestLots(), pick, requests, token, forward, reads);
            System.out.println("| trace, single client, " + String.format("%,d", requests) + " requests per row after "
                    + TRACE_WARM_UP + " warm-up | p50 ms | p95 ms | max ms | lots per trace (mean / max) | answer KB (mean) |");
            System.out.println("|---|---|---|---|---|---|");
            back.print("GET /api/v1/lots/{id}/trace?direction=backward from a random level-6 lot", back.http);
            back.print("baseline: the backward recursive CTE over JDBC (prepared), same lots", back.jdbc);
            back.print("for reference: CTE + the describe reads of TraceService (lots, their products, parties and sites, shipments, readings) over JDBC, in sequence",
                    back.reads);
            fwd.print("GET /api/v1/lots/{id}/trace?direction=forward from a random harvest lot", fwd.http);
            fwd.print("baseline: the forward recursive CTE over JDBC (prepared), same lots", fwd.jdbc);
            fwd.print("for reference: CTE + the describe reads (lots, shipments, readings, holders, sales, codes) over JDBC, in sequence",
                    fwd.reads);
            WrkLatency backOverWrk = traceOverWrk("backward", data.topLots(), token);
            WrkLatency fwdOverWrk = traceOverWrk("forward", data.harvestLots(), token);
            if (backOverWrk != null) {
                System.out.println();
                System.out.println("| trace, measured by wrk from its own process (one connection, one request at a time, " + WRK_SECONDS
                        + " s after " + WRK_WARM_UP_SECONDS + " s of warm-up, random roots) | requests | p50 ms | p95 ms | max ms |");
                System.out.println("|---|---|---|---|---|");
                backOverWrk.print("GET /api/v1/lots/{id}/trace?direction=backward from a random level-6 lot");
                fwdOverWrk.print("GET /api/v1/lots/{id}/trace?direction=forward from a random harvest lot");
                System.out.printf("%ngoal p95 under 20 ms, measured by wrk: backward %s (%.1f ms), forward %s (%.1f ms)%n",
                        backOverWrk.p95() < 20 ? "met" : "missed", backOverWrk.p95(), fwdOverWrk.p95() < 20 ? "met" : "missed",
                        fwdOverWrk.p95());
            }
            System.out.printf("%ngoal p95 under 20 ms, measured by the benchmark's own client in the server's JVM: backward %s (%.1f ms), forward %s (%.1f ms)%n",
                    back.p95(back.http) < 20 ? "met" : "missed", back.p95(back.http),
                    fwd.p95(fwd.http) < 20 ? "met" : "missed", fwd.p95(fwd.http));
            if (back.p95(back.http) >= 20 || fwd.p95(fwd.http) >= 20) {
                explain(c, data.topLots(), pick, backward);
            }
        }
    }

    /** Trace latency as wrk measured it: requests made, p50, p95 and max in ms. */
    private record WrkLatency(long requests, double p50, double p95, double max) {
        void print(String label) {
            System.out.printf("| %s | %,d | %.1f | %.1f | %.1f |%n", label, requests, p50, p95, max);
        }
    }

    /**
     * Traces from random roots (other draws than the in-JVM series) requested by wrk, a load generator in its
     * own process, one at a time over one connection: the latency a client sees without sharing the server's
     * JVM (its heap, collector and threads). Null when wrk is not installed.
     */
    private WrkLatency traceOverWrk(String direction, List<Long> roots, String token) throws Exception {
        Path dir = Files.createTempDirectory("plateau-trace-wrk");
        Random pick = new Random(43);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            paths.add("/api/v1/lots/" + roots.get(pick.nextInt(roots.size())) + "/trace?direction=" + direction);
        }
        Path pathsFile = Files.write(dir.resolve("paths.txt"), paths);
        Path script = Files.writeString(dir.resolve("trace.lua"), """
                local paths = {}
                local token = ""
                local i = 0
                function init(args)
                  for line in io.lines(args[1]) do paths[#paths + 1] = line end
                  token = args[2]
                end
                function request()
                  i = i % #paths + 1
                  return wrk.format("GET", paths[i], {["Authorization"] = "Bearer " .. token})
                end
                function done(summary, latency, requests)
                  io.write(string.format("latency %d %.3f %.3f %.3f\\n", summary.requests, latency:percentile(50) / 1000,
                    latency:percentile(95) / 1000, latency.max / 1000))
                end
                """);
        try {
            wrk(script, pathsFile, token, WRK_WARM_UP_SECONDS);
            String[] figures = wrk(script, pathsFile, token, WRK_SECONDS).lines().filter(line -> line.startsWith("latency "))
                    .findFirst().orElseThrow().split(" ");
            return new WrkLatency(Long.parseLong(figures[1]), Double.parseDouble(figures[2]), Double.parseDouble(figures[3]),
                    Double.parseDouble(figures[4]));
        } catch (java.io.IOException noWrk) {
            System.out.println("(wrk is not installed: no trace latency measured from outside the JVM)");
            return null;
        } finally {
            deleteTree(dir);
        }
    }

    private String wrk(Path script, Path pathsFile, String token, int seconds) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t1", "-c1", "-d" + seconds + "s", "--timeout", "10s", "-s", script.toString(),
                base, "--", pathsFile.toString(), token).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || out.contains("non-2xx") || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }

    /** Latencies of one direction: HTTP and JDBC on the same lots, interleaved (alternating which goes first). */
    private final class Series {
        final List<Double> http = new ArrayList<>();
        final List<Double> jdbc = new ArrayList<>();
        final List<Double> reads = new ArrayList<>();
        final List<Integer> lots = new ArrayList<>();
        long bytes;

        void print(String label, List<Double> values) {
            boolean api = values == http;
            System.out.printf("| %s | %.1f | %.1f | %.1f | %.0f / %d | %s |%n", label, percentile(values, 50), percentile(values, 95),
                    Collections.max(values), lots.stream().mapToInt(Integer::intValue).average().orElse(0), Collections.max(lots),
                    api ? String.format("%.1f", bytes / 1024.0 / http.size()) : "-");
        }

        double p95(List<Double> values) {
            return percentile(values, 95);
        }
    }

    private Series traceSeries(String direction, List<Long> roots, Random pick, int requests, String token, PreparedStatement query,
                               Connection reads) throws Exception {
        boolean forward = direction.equals("forward");
        Series series = new Series();
        for (int i = -TRACE_WARM_UP; i < requests; i++) {
            long lot = roots.get(pick.nextInt(roots.size()));
            double httpMs = 0;
            double jdbcMs = 0;
            double readsMs = 0;
            long bytes = 0;
            Set<Long> lots = null;
            // the three measurements of one lot, in a rotating order
            for (int step = 0; step < 3; step++) {
                int which = (i + step) % 3;
                long t0 = System.nanoTime();
                if (which == 0) {
                    bytes = traceOverHttp(lot, direction, token);
                    httpMs = (System.nanoTime() - t0) / 1e6;
                } else if (which == 1) {
                    lots = walk(query, lot);
                    jdbcMs = (System.nanoTime() - t0) / 1e6;
                } else {
                    describe(reads, walk(query, lot), forward);
                    readsMs = (System.nanoTime() - t0) / 1e6;
                }
            }
            if (i >= 0) {
                series.http.add(httpMs);
                series.jdbc.add(jdbcMs);
                series.reads.add(readsMs);
                series.lots.add(lots.size());
                series.bytes += bytes;
            }
        }
        return series;
    }

    private long traceOverHttp(long lot, String direction, String token) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/lots/" + lot + "/trace?direction="
                + direction)).header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("trace of lot " + lot + " answered " + response.statusCode() + " " + new String(response.body()));
        }
        return response.body().length;
    }

    /** Runs the recursive query, reads every row; answers the lots it reaches (with the root). */
    private static Set<Long> walk(PreparedStatement query, long lot) throws SQLException {
        Set<Long> lots = new HashSet<>();
        lots.add(lot);
        query.setLong(1, lot);
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                lots.add(rs.getLong(1));
                lots.add(rs.getLong(2));
                rs.getBigDecimal(3);
            }
        }
        return lots;
    }

    private static int lotsIn(PreparedStatement query, long lot) throws SQLException {
        return walk(query, lot).size();
    }

    /** The reads the service makes to describe a walked graph, one after another on one connection. */
    private static void describe(Connection c, Set<Long> lots, boolean forward) throws SQLException {
        java.sql.Array ids = c.createArrayOf("bigint", lots.toArray());
        readAll(c, LOTS, ids);
        readAll(c, REFERENCES, ids);
        List<Long> shipments = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SHIPMENTS)) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    shipments.add(rs.getLong(1));
                    for (int i = 2; i <= columns; i++) {
                        rs.getString(i);
                    }
                }
            }
        }
        readAll(c, READINGS, c.createArrayOf("bigint", shipments.toArray()));
        if (forward) {
            readAll(c, HOLDERS, ids, ids);
            readAll(c, SALES, ids);
            readAll(c, CODE_COUNTS, ids);
        }
    }

    private static void readAll(Connection c, String sql, java.sql.Array... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setArray(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getString(i);
                    }
                }
            }
        }
    }

    /** EXPLAIN ANALYZE of the walk and of the largest describe read (the lots) for one random top-level lot. */
    private static void explain(Connection c, List<Long> tops, Random pick, PreparedStatement backward) throws SQLException {
        long lot = tops.get(pick.nextInt(tops.size()));
        Set<Long> lots = walk(backward, lot);
        System.out.println("\nEXPLAIN (ANALYZE, BUFFERS) of the backward walk from lot " + lot + " (" + lots.size() + " lots):\n```");
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + BACKWARD)) {
            s.setLong(1, lot);
            printPlan(s);
        }
        System.out.println("```\n\nEXPLAIN (ANALYZE, BUFFERS) of the lots read of TraceRepository for those " + lots.size() + " lots:\n```");
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + LOTS)) {
            s.setArray(1, c.createArrayOf("bigint", lots.toArray()));
            printPlan(s);
        }
        System.out.println("```");
    }

    private static void printPlan(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                System.out.println(rs.getString(1));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private String scalar(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
            return scalar(s, sql);
        }
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long longScalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double doubleScalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private JsonObject post(String path, String token, JsonObject body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
        }
        return new JsonObject(response.body());
    }

    private String creditCode(String prefix13) {
        String first17 = prefix13 + String.format("%04d", random.nextInt(10_000));
        return first17 + CreditCode.checkCharacter(first17);
    }

    private String gtin(String prefix8) {
        String first12 = prefix8 + String.format("%04d", random.nextInt(10_000));
        return first12 + Gs1CheckDigit.compute(first12);
    }
}
