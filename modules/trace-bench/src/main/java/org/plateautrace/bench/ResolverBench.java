package org.plateautrace.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plateautrace.model.codes.Gs1CheckDigit;
import org.plateautrace.model.registry.CreditCode;
import org.plateautrace.server.PlateauServer;
import org.plateautrace.server.ServerConfig;
import org.plateautrace.store.DatabaseSettings;

/**
 * Throughput and latency of the GS1 Digital Link resolver ({@code GET /01/{gtin}/10/{lot}/21/{serial}}),
 * beside its baseline in the same run:
 * <ol>
 *   <li>the JSON resolver ({@code Accept: application/json}) at saturation, N connections, random pack codes;</li>
 *   <li>the HTML resolver (browser Accept) the same way;</li>
 *   <li>baseline: a minimal Vert.x HTTP server (one verticle per event loop, same Vert.x instance) with a pg-client
 *       pool of the same size doing ONE primary-key lookup per request on the same database (TechEmpower
 *       "single query" shape);</li>
 *   <li>the JSON resolver at half its saturation rate (wrk with a per-connection think time calibrated so the
 *       achieved rate is about half), p50/p99 there.</li>
 * </ol>
 * One realistic chain (harvest, shipping, receiving, processing, 1,000 pack codes, packing, a logged cold-chain
 * shipment, receiving, sale) is built through the HTTP API, as in SupplyChainWalkTest. The load generator is
 * {@code wrk} (must be on the PATH) on the same machine. Options: {@code --connections N} (16),
 * {@code --seconds N} (20), {@code --codes N} (1,000), {@code --ratio-only} (only the JSON resolver and the baseline
 * at saturation, for quick comparisons).
 */
public final class ResolverBench {
    private static final String ADMIN = "bench-admin-token";
    private static final String JSON_ACCEPT = "application/json";
    private static final String HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final int SERVER_PORT = 18094;
    private static final int BASELINE_PORT = 18095;
    /** Per-client resolver rate limit, set far above what one load generator (one address) sends in a minute. */
    private static final int RESOLVER_LIMIT = 100_000_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base = "http://localhost:" + SERVER_PORT;
    private final SecureRandom random = new SecureRandom();
    /** The embedded PostgreSQL's postmaster (its CPU and its children's is the database's share), or 0 for all postgres processes. */
    private long postmaster;

    public static void main(String[] args) throws Exception {
        int connections = intOption(args, "--connections", 16);
        int seconds = intOption(args, "--seconds", 20);
        int codes = intOption(args, "--codes", 1000);
        boolean ratioOnly = java.util.Arrays.asList(args).contains("--ratio-only");
        Path dataDir = Files.createTempDirectory("plateau-resolver-bench");
        String dbUrl = System.getenv("PLATEAU_BENCH_DB_URL");
        Vertx vertx = Vertx.vertx();
        PlateauServer server = PlateauServer.start(vertx, new ServerConfig(SERVER_PORT, dataDir, dbUrl, null, ADMIN, false, 16, null,
                RESOLVER_LIMIT))
                .await();
        Pool baselinePool = null;
        try {
            ResolverBench bench = new ResolverBench();
            baselinePool = bench.run(vertx, server.databaseSettings(), dataDir, connections, seconds, codes, ratioOnly);
        } finally {
            if (baselinePool != null) {
                baselinePool.close().await();
            }
            server.stop().await();
            vertx.close().await();
        }
    }

    private Pool run(Vertx vertx, DatabaseSettings db, Path dir, int connections, int seconds, int codeCount, boolean ratioOnly)
            throws Exception {
        System.out.println("## Resolver benchmark, " + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores (" + cpuModel() + "), " + memory() + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + postgresVersion(db) + " (fsync " + scalar(db, "SHOW fsync")
                + ", synchronous_commit " + scalar(db, "SHOW synchronous_commit") + "), " + wrkVersion());
        System.out.println();
        System.out.println("Server, embedded PostgreSQL, baseline and the load generator (wrk) all share this machine. "
                + "Server: " + VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE + " HTTP verticles (one per event loop), pg pool 16. "
                + "Resolver per-client rate limit raised to " + RESOLVER_LIMIT + "/min (all load comes from one address). wrk: 2 threads, " + connections + " connections, " + seconds + " s measured after a warm-up.");
        System.out.println();

        Path pidFile = dir.resolve("postgres").resolve("postmaster.pid");
        postmaster = Files.exists(pidFile) ? Long.parseLong(Files.readAllLines(pidFile).get(0).trim()) : 0;
        List<String> paths = buildChain(codeCount);
        Path pathsFile = dir.resolve("paths.txt");
        Files.write(pathsFile, paths);
        checkResolver(paths.get(0));

        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(16).setShared(false)).connectingTo(db.connectOptions())
                .using(vertx).build();
        long[] lotIds = lotIds(db);
        vertx.deployVerticle(() -> new SingleQueryVerticle(pool, lotIds),
                new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE)).await();
        check("http://localhost:" + BASELINE_PORT + "/db", JSON_ACCEPT);
        Files.write(dir.resolve("db.txt"), List.of("/db"));

        double perResolution = statementsPerResolution(db, paths);

        long flushesBefore = walFlushes(db);
        long scansBefore = Long.parseLong(scalar(db, "SELECT count(*) FROM scan"));
        Result json = load("JSON", base, pathsFile, JSON_ACCEPT, connections, 10, seconds, 0, dir);
        Thread.sleep(1500);   // backends report their I/O statistics at most once a second
        double flushesPerScan = (walFlushes(db) - flushesBefore) / (double) (Long.parseLong(scalar(db, "SELECT count(*) FROM scan")) - scansBefore);
        Result html = ratioOnly ? null : load("HTML", base, pathsFile, HTML_ACCEPT, connections, 5, seconds, 0, dir);
        Result baseline = load("baseline", "http://localhost:" + BASELINE_PORT, dir.resolve("db.txt"), JSON_ACCEPT, connections, 5,
                seconds, 0, dir);
        if (ratioOnly) {
            json.print("resolver, Accept: application/json (story JSON), saturation");
            baseline.print("baseline, saturation");
            System.out.printf("WAL flushes per recorded scan: %.3f; ratio JSON resolver / baseline requests/s: %.3f%n", flushesPerScan,
                    json.rps / baseline.rps);
            return pool;
        }

        // Half of the JSON saturation rate: a per-connection think time (wrk delay()), calibrated twice on 5 s runs.
        double target = json.rps / 2;
        double delay = connections * 1000.0 / target - json.p50;
        for (int i = 0; i < 2; i++) {
            Result probe = load("calibration", base, pathsFile, JSON_ACCEPT, connections, 0, 5, Math.max(0, Math.round(delay)), dir);
            double latency = connections * 1000.0 / probe.rps - Math.max(0, Math.round(delay));   // cycle time minus think time
            delay = connections * 1000.0 / target - Math.max(0, latency);
        }
        long think = Math.max(0, Math.round(delay));
        Result half = load("JSON at half rate", base, pathsFile, JSON_ACCEPT, connections, 0, seconds, think, dir);

        System.out.println("| GET /01/{gtin}/10/{lot}/21/{serial}, random of " + String.format("%,d", paths.size())
                + " pack codes, " + connections + " connections, " + seconds + " s | requests/s | p50 ms | p99 ms | max ms | "
                + "answer KB | non-2xx / socket errors | CPU JVM / postgres / other, % of 2 cores |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        json.print("resolver, Accept: application/json (story JSON), saturation");
        html.print("resolver, browser Accept (consumer page HTML), saturation");
        baseline.print("baseline: minimal Vert.x server + pg pool, ONE `SELECT id, lot_code FROM lot WHERE id = $1`, saturation");
        half.print(String.format("resolver JSON at about half its saturation rate (target %.0f rps; %d ms think time per connection)",
                target, think));
        System.out.println();
        System.out.printf("statements per JSON resolution (pg_stat_database xact_commit delta over 200 sequential resolutions): %.1f%n",
                perResolution);
        System.out.printf("WAL flushes (fsyncs) per recorded scan, JSON warm-up and saturation runs: %.3f%n", flushesPerScan);
        System.out.printf("ratio JSON resolver / baseline requests/s: %.3f (goal >= 0.5: %s)%n", json.rps / baseline.rps,
                json.rps / baseline.rps >= 0.5 ? "met" : "missed");
        System.out.printf("JSON resolver p99 at half load: %.1f ms at %.0f rps (goal < 20 ms: %s)%n", half.p99, half.rps,
                half.p99 < 20 ? "met" : "missed");
        System.out.printf("scan rows recorded during the run: %s%n", scalar(db, "SELECT count(*) FROM scan"));
        return pool;
    }

    // ---------------------------------------------------------------- data: one chain, as SupplyChainWalkTest

    private List<String> buildChain(int codeCount) throws Exception {
        JsonObject coop = party("cooperative");
        JsonObject processor = party("processor");
        JsonObject carrier = party("carrier");
        JsonObject retailer = party("retailer");
        String coopToken = coop.getString("token");
        String procToken = processor.getString("token");
        String carrierToken = carrier.getString("token");
        String retailToken = retailer.getString("token");
        long farm = site(coopToken, "farm_base");
        long plant = site(procToken, "processing_plant");
        long shop = site(retailToken, "shop");
        long raw = post("/api/v1/products", coopToken, new JsonObject().put("gtin", gtin())
                .put("name", new JsonObject().put("zh", "林芝红茶").put("en", "Nyingchi black tea"))
                .put("commodity", "tea").put("brand", "林芝茶叶").put("umbrellaBrand", "林芝源").put("unit", "kg")).getLong("id");
        long finished = post("/api/v1/products", procToken, new JsonObject().put("gtin", gtin())
                .put("name", new JsonObject().put("zh", "林芝加工品").put("en", "Nyingchi processed tea"))
                .put("commodity", "tea").put("brand", "林芝源").put("unit", "kg")).getLong("id");
        double harvestKg = 500;
        double productKg = 120;
        long harvest = post("/api/v1/lots", coopToken, new JsonObject().put("productId", raw).put("siteId", farm)
                .put("quantity", new JsonObject().put("value", harvestKg).put("unit", "kg"))
                .put("harvestedAt", "2026-05-02T08:00:00+08:00").put("attributes", new JsonObject().put("gardenPlot", "易贡茶园 3 号片区")
                        .put("teaType", "black").put("pickingGrade", "one_bud_one_leaf"))).getLong("id");
        long toPlant = post("/api/v1/events", coopToken, new JsonObject().put("type", "shipping").put("time", "2026-05-02T12:00:00+08:00")
                .put("lotId", harvest).put("quantity", new JsonObject().put("value", harvestKg).put("unit", "kg"))
                .put("fromSiteId", farm).put("toPartyId", processor.getLong("id")).put("toSiteId", plant)
                .put("carrierPartyId", carrier.getLong("id"))).getLong("shipmentId");
        post("/api/v1/events", procToken, new JsonObject().put("type", "receiving").put("time", "2026-05-02T18:00:00+08:00")
                .put("shipmentId", toPlant).put("siteId", plant));
        JsonObject processed = post("/api/v1/events", procToken, new JsonObject().put("type", "processing")
                .put("time", "2026-05-03T09:00:00+08:00").put("siteId", plant).put("process", "processing of tea")
                .put("steps", new JsonArray().add("packing"))
                .put("inputs", new JsonArray().add(new JsonObject().put("lotId", harvest)
                        .put("quantity", new JsonObject().put("value", harvestKg).put("unit", "kg"))))
                .put("outputs", new JsonArray().add(new JsonObject().put("productId", finished)
                        .put("quantity", new JsonObject().put("value", productKg).put("unit", "kg")))));
        long product = processed.getJsonArray("lots").getJsonObject(0).getLong("id");

        JsonObject batch = post("/api/v1/lots/" + product + "/codes", procToken, new JsonObject().put("count", codeCount));
        String csvLink = batch.getJsonObject("links").getString("csv");
        String csv = get(csvLink.startsWith("http") ? csvLink.substring(csvLink.indexOf("/api/")) : csvLink, procToken);
        List<String> links = csv.lines().skip(1).filter(l -> !l.isBlank()).map(line -> line.split(",")[1].trim()).toList();
        List<String> paths = links.stream().map(uri -> uri.substring(uri.indexOf("/01/"))).toList();
        if (paths.size() != codeCount) {
            throw new IllegalStateException("issued " + codeCount + " codes, the CSV lists " + paths.size());
        }

        long toShop = post("/api/v1/events", procToken, new JsonObject().put("type", "shipping").put("time", "2026-05-04T06:00:00+08:00")
                .put("lotId", product).put("quantity", new JsonObject().put("value", productKg / 2).put("unit", "kg"))
                .put("fromSiteId", plant).put("toPartyId", retailer.getLong("id")).put("toSiteId", shop)
                .put("carrierPartyId", carrier.getLong("id"))).getLong("shipmentId");
        String sscc17 = "006951234" + String.format("%08d", product);
        post("/api/v1/events", procToken, new JsonObject().put("type", "packing").put("time", "2026-05-04T05:00:00+08:00")
                .put("lotId", product).put("sscc", sscc17 + Gs1CheckDigit.compute(sscc17))
                .put("serials", new JsonArray(links.stream().limit(40).map(uri -> uri.substring(uri.lastIndexOf('/') + 1)).toList())));
        JsonArray readings = new JsonArray();
        for (int minute = 0; minute <= 6 * 60; minute += 10) {
            boolean hot = minute >= 60 && minute < 60 + 90;
            readings.add(new JsonObject().put("time", String.format("2026-05-04T%02d:%02d:00+08:00", 6 + minute / 60, minute % 60))
                    .put("measure", "temperature").put("value", hot ? 34 : 18).put("device", "LOG-7731"));
        }
        post("/api/v1/events", carrierToken, new JsonObject().put("type", "sensor_reporting").put("shipmentId", toShop)
                .put("readings", readings));
        post("/api/v1/events", retailToken, new JsonObject().put("type", "receiving").put("time", "2026-05-04T16:00:00+08:00")
                .put("shipmentId", toShop).put("siteId", shop));
        post("/api/v1/events", retailToken, new JsonObject().put("type", "sale").put("time", "2026-05-05T10:00:00+08:00")
                .put("lotId", product).put("quantity", new JsonObject().put("value", 1).put("unit", "kg"))
                .put("channel", "direct_store").put("siteId", shop));
        System.out.println("Data: one tea chain built through the HTTP API (harvest " + harvestKg + " kg, shipping to the plant, receiving, "
                + "processing into " + productKg + " kg, " + String.format("%,d", codeCount) + " pack codes, packing of 40 into an SSCC, "
                + "shipping to a shop with 37 temperature readings (90 min excursion), receiving, sale).");
        System.out.println();
        return paths;
    }

    private void checkResolver(String path) throws Exception {
        HttpResponse<String> json = check(base + path, JSON_ACCEPT);
        JsonObject story = new JsonObject(json.body());
        if (story.getJsonArray("timeline").size() < 5 || story.getJsonObject("coldChain").getJsonArray("shipments").isEmpty()) {
            throw new IllegalStateException("the story lacks the chain: " + json.body());
        }
        HttpResponse<String> html = check(base + path, HTML_ACCEPT);
        if (!html.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            throw new IllegalStateException("a browser Accept answered " + html.headers());
        }
        System.out.printf("One story: %d timeline steps, %d cold-chain shipments; JSON %.1f KB, HTML %.1f KB.%n%n",
                story.getJsonArray("timeline").size(), story.getJsonObject("coldChain").getJsonArray("shipments").size(),
                json.body().getBytes(StandardCharsets.UTF_8).length / 1024.0, html.body().getBytes(StandardCharsets.UTF_8).length / 1024.0);
    }

    private HttpResponse<String> check(String url, String accept) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /** Statements the server runs per JSON resolution: xact_commit delta of the database (each pg-client query autocommits). */
    private double statementsPerResolution(DatabaseSettings db, List<String> paths) throws Exception {
        int n = 200;
        Thread.sleep(1500);
        long before = Long.parseLong(scalar(db, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"));
        for (int i = 0; i < n; i++) {
            check(base + paths.get(i % paths.size()), JSON_ACCEPT);
        }
        Thread.sleep(1500);
        long after = Long.parseLong(scalar(db, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"));
        return (after - before - 1) / (double) n;   // minus the second reading's own transaction (approximately)
    }

    // ---------------------------------------------------------------- baseline

    /** TechEmpower "single query": one primary-key lookup per request, a small JSON answer. */
    private static final class SingleQueryVerticle extends AbstractVerticle {
        private final Pool pool;
        private final long[] ids;

        SingleQueryVerticle(Pool pool, long[] ids) {
            this.pool = pool;
            this.ids = ids;
        }

        @Override
        public void start(Promise<Void> started) {
            vertx.createHttpServer().requestHandler(request -> {
                long id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
                pool.preparedQuery("SELECT id, lot_code FROM lot WHERE id = $1").execute(Tuple.of(id)).onComplete(ar -> {
                    if (ar.failed()) {
                        request.response().setStatusCode(500).end(String.valueOf(ar.cause()));
                        return;
                    }
                    Row row = ar.result().iterator().next();
                    request.response().putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("id", row.getLong(0)).put("lotCode", row.getString(1)).encode());
                });
            }).listen(BASELINE_PORT).<Void>mapEmpty().onComplete(started);
        }
    }

    private static long[] lotIds(DatabaseSettings db) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM lot")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    // ---------------------------------------------------------------- wrk

    private record Result(double rps, double p50, double p99, double max, double kb, long non2xx, String socketErrors,
                          double jvmCpu, double pgCpu, double otherCpu) {
        void print(String label) {
            System.out.printf("| %s | %.0f | %.2f | %.2f | %.1f | %.1f | %d / %s | %.0f / %.0f / %.0f |%n", label, rps, p50, p99, max, kb,
                    non2xx, socketErrors, jvmCpu, pgCpu, otherCpu);
        }
    }

    private Result load(String name, String url, Path pathsFile, String accept, int connections, int warmUpSeconds, int seconds,
                        long thinkMs, Path dir) throws Exception {
        Path script = dir.resolve("rotate-" + thinkMs + ".lua");
        Files.writeString(script, """
                local paths = {}
                local accept = "application/json"
                function init(args)
                  for line in io.lines(args[1]) do paths[#paths + 1] = line end
                  accept = args[2]
                  local seed = 0
                  for c in tostring({}):gmatch("%x") do seed = (seed * 16 + tonumber(c, 16)) % 2147483647 end
                  math.randomseed(os.time() + seed)
                end
                function request()
                  return wrk.format("GET", paths[math.random(#paths)], {["Accept"] = accept,
                    ["Accept-Language"] = "zh-CN,zh;q=0.9,en;q=0.8",
                    ["User-Agent"] = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 Mobile Safari/537.36"})
                end
                """ + (thinkMs > 0 ? "function delay() return " + thinkMs + " end\n" : ""));
        if (warmUpSeconds > 0) {
            wrk(url, script, pathsFile, accept, connections, warmUpSeconds);
        }
        long[] cpuBefore = cpu();
        String out = wrk(url, script, pathsFile, accept, connections, seconds);
        long[] cpuAfter = cpu();
        double rps = number(out, "Requests/sec:\\s+([0-9.]+)");
        double kb = bytes(out) / 1024.0 / Math.max(1, number(out, "([0-9]+) requests in"));
        long non2xx = (long) numberOr(out, "Non-2xx or 3xx responses:\\s+([0-9]+)", 0);
        Matcher socket = Pattern.compile("Socket errors: ([^\\n]+)").matcher(out);
        String errors = socket.find() ? socket.group(1).trim() : "0";
        double ticks = 100.0;   // USER_HZ
        double wall = (cpuAfter[0] - cpuBefore[0]) / 1e9;
        double jvm = (cpuAfter[1] - cpuBefore[1]) / ticks / wall * 100 / 2;
        double pg = (cpuAfter[2] - cpuBefore[2]) / ticks / wall * 100 / 2;
        double busy = (cpuAfter[3] - cpuBefore[3]) / ticks / wall * 100 / Runtime.getRuntime().availableProcessors();
        Result result = new Result(rps, latency(out, "50%"), latency(out, "99%"), maxLatency(out), kb, non2xx, errors,
                jvm, pg, Math.max(0, busy - jvm - pg));
        if (!name.equals("calibration")) {
            System.err.println("wrk " + name + ":\n" + out);
        }
        return result;
    }

    private static String wrk(String url, Path script, Path pathsFile, String accept, int connections, int seconds) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "--timeout", "10s",
                "-s", script.toString(), url, "--", pathsFile.toString(), accept).redirectErrorStream(true).start();
        String out;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            out = String.join("\n", reader.lines().toList());
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }

    /** [wall ns, JVM ticks, postgres ticks (the benchmark's database only, when embedded), machine busy ticks] */
    private long[] cpu() throws Exception {
        long jvm = procTicks(Path.of("/proc/self/stat"));
        long pg = 0;
        try (var stream = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("[0-9]+"))) {
            for (Path p : stream) {
                try {
                    if (Files.readString(p.resolve("comm")).trim().startsWith("postgres") && ofTheBenchmark(p)) {
                        pg += procTicks(p.resolve("stat"));
                    }
                } catch (Exception gone) {
                    // the process ended meanwhile
                }
            }
        }
        String[] total = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < total.length; i++) {
            if (i != 4 && i != 5) {   // not idle, not iowait
                busy += Long.parseLong(total[i]);
            }
        }
        return new long[] {System.nanoTime(), jvm, pg, busy};
    }

    /** Whether a postgres process is the benchmark's database server or one of its backends (not another one on the machine). */
    private boolean ofTheBenchmark(Path process) throws Exception {
        if (postmaster == 0) {
            return true;
        }
        String text = Files.readString(process.resolve("stat"));
        long parent = Long.parseLong(text.substring(text.lastIndexOf(')') + 2).split(" ")[1]);
        return parent == postmaster || Long.parseLong(process.getFileName().toString()) == postmaster;
    }

    /** utime + stime (+ children's) of one process. */
    private static long procTicks(Path stat) throws Exception {
        String text = Files.readString(stat);
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static double latency(String out, String label) {
        Matcher m = Pattern.compile("\\n\\s*" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + label + " in wrk output:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    /** The Max column of wrk's "Latency avg stdev max" line. */
    private static double maxLatency(String out) {
        Matcher m = Pattern.compile("Latency\\s+[0-9.]+\\w+\\s+[0-9.]+\\w+\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return m.group(2).equals("us") ? v / 1000 : m.group(2).equals("s") ? v * 1000 : v;
    }

    private static double bytes(String out) {
        Matcher m = Pattern.compile("requests in [0-9.]+\\w+, ([0-9.]+)([KMG]?B) read").matcher(out);
        if (!m.find()) {
            return 0;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "KB" -> v * 1024;
            case "MB" -> v * 1024 * 1024;
            case "GB" -> v * 1024 * 1024 * 1024;
            default -> v;
        };
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double numberOr(String out, String regex, double otherwise) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }

    // ---------------------------------------------------------------- machine facts and helpers

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            return String.format(Locale.ROOT, "%.1f GB RAM", kb / 1024.0 / 1024.0);
        } catch (Exception e) {
            return "RAM unknown";
        }
    }

    private static String wrkVersion() {
        try {
            Process p = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("wrk");
            p.waitFor();
            return first.replaceAll("\\s*Copyright.*", "").trim();
        } catch (Exception e) {
            return "wrk (version unknown)";
        }
    }

    /** WAL flushes the server made so far (PostgreSQL 16+ counts them in pg_stat_io). */
    private static long walFlushes(DatabaseSettings db) throws Exception {
        return Long.parseLong(scalar(db, "SELECT coalesce(sum(fsyncs), 0) FROM pg_stat_io WHERE object = 'wal'"));
    }

    private static String postgresVersion(DatabaseSettings db) {
        try {
            return "PostgreSQL " + scalar(db, "SHOW server_version");
        } catch (Exception e) {
            return "PostgreSQL";
        }
    }

    private static String scalar(DatabaseSettings db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int intOption(String[] args, String name, int otherwise) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return otherwise;
    }

    private JsonObject party(String kind) throws Exception {
        String first17 = "93540424MA6TC" + String.format("%04d", random.nextInt(10_000));
        return post("/api/v1/parties", ADMIN, new JsonObject().put("kind", kind).put("name", "林芝基准 " + kind + " " + random.nextInt(100_000))
                .put("creditCode", first17 + CreditCode.checkCharacter(first17)).put("county", "波密县").put("township", "易贡乡"));
    }

    private long site(String token, String kind) throws Exception {
        return post("/api/v1/sites", token, new JsonObject().put("kind", kind).put("name", "易贡 " + kind).put("county", "波密县")
                .put("township", "易贡乡").put("latitude", 30.2).put("longitude", 94.9)).getLong("id");
    }

    private String gtin() {
        String first12 = "20000097" + String.format("%04d", random.nextInt(10_000));
        return first12 + Gs1CheckDigit.compute(first12);
    }

    private String get(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private JsonObject post(String path, String token, JsonObject body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
        }
        return new JsonObject(response.body());
    }
}
