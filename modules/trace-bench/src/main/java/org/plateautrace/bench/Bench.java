package org.plateautrace.bench;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plateautrace.model.codes.Gs1CheckDigit;
import org.plateautrace.model.codes.Serial;
import org.plateautrace.model.registry.CreditCode;
import org.plateautrace.qr.ErrorCorrection;
import org.plateautrace.qr.QrCodes;
import org.plateautrace.server.PlateauServer;
import org.plateautrace.server.ServerConfig;
import org.plateautrace.store.DatabaseSettings;
import org.postgresql.PGConnection;

/**
 * Repeatable benchmarks of the codes issue, each beside its baseline in the same run:
 * <ol>
 *   <li>issuing 100,000 pack codes for one lot through the HTTP API, against the database's own bulk
 *       write rate (COPY of 100,000 rows into a table with the same keys);</li>
 *   <li>QR PNG renders per second of {@link QrCodes#png} against raw ZXing encoding plus PNG writing of
 *       the same string, interleaved round by round.</li>
 * </ol>
 * The server runs in this JVM on an embedded PostgreSQL in a temporary directory (or on
 * {@code PLATEAU_BENCH_DB_URL}). Prints a Markdown table for docs/benchmarks.md.
 */
public final class Bench {
    private static final String ADMIN = "bench-admin-token";
    private static final int CODES = 100_000;
    private static final int ROUNDS = 5;
    private static final String LINK = "https://trace.example.cn/01/02000001000038/10/TEA-260502-K7QM/21/7KQ3M9XW2HPLD";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private Bench(int port) {
        this.base = "http://localhost:" + port;
    }

    public static void main(String[] args) throws Exception {
        int port = 18090;
        Path dataDir = Files.createTempDirectory("plateau-bench");
        String dbUrl = System.getenv("PLATEAU_BENCH_DB_URL");
        Vertx vertx = Vertx.vertx();
        PlateauServer server = PlateauServer.start(vertx, new ServerConfig(port, dataDir, dbUrl, null, ADMIN, false, 16, null, 100_000)).await();
        try {
            Bench bench = new Bench(port);
            System.out.println("## Codes benchmark, " + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            System.out.println();
            bench.issuing(server.databaseSettings());
            System.out.println();
            qrRendering();
        } finally {
            server.stop().await();
            vertx.close().await();
        }
    }

    private void issuing(DatabaseSettings db) throws Exception {
        JsonObject party = post("/api/v1/parties", ADMIN, new JsonObject().put("kind", "cooperative").put("name", "基准测试合作社")
                .put("creditCode", creditCode()).put("county", "波密县"));
        String token = party.getString("token");
        long site = post("/api/v1/sites", token, new JsonObject().put("kind", "farm_base").put("name", "易贡茶园")
                .put("county", "波密县")).getLong("id");
        long product = post("/api/v1/products", token, new JsonObject().put("gtin", gtin())
                .put("name", new JsonObject().put("zh", "易贡红茶").put("en", "Yigong black tea")).put("commodity", "tea")
                .put("unit", "kg")).getLong("id");
        List<Double> api = new ArrayList<>();
        for (int round = -2; round < ROUNDS; round++) {   // two warm-up rounds
            long lot = post("/api/v1/lots", token, new JsonObject().put("productId", product).put("siteId", site)
                    .put("quantity", new JsonObject().put("value", 1000).put("unit", "kg"))
                    .put("harvestedAt", "2026-05-02T08:00:00+08:00")
                    .put("attributes", new JsonObject().put("gardenPlot", "A-1").put("teaType", "black")
                            .put("pickingGrade", "one_bud_one_leaf"))).getLong("id");
            long start = System.nanoTime();
            JsonObject batch = post("/api/v1/lots/" + lot + "/codes", token, new JsonObject().put("count", CODES));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (batch.getInteger("count") != CODES) {
                throw new IllegalStateException("batch answered " + batch);
            }
            if (round >= 0) {
                api.add(seconds);
            }
        }
        List<Double> copy = copyBaseline(db);
        System.out.println("| issue 100,000 pack codes | median s | min s | max s |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| POST /api/v1/lots/{id}/codes (serials, checks, 2 inserts, answer) | %.2f | %.2f | %.2f |%n",
                median(api), Collections.min(api), Collections.max(api));
        System.out.printf("| baseline: COPY of 100,000 rows into a table with the same keys | %.2f | %.2f | %.2f |%n",
                median(copy), Collections.min(copy), Collections.max(copy));
    }

    /** The database's own bulk write rate: COPY of the same number of rows into a table shaped like trace_code. */
    private static List<Double> copyBaseline(DatabaseSettings db) throws Exception {
        List<Double> times = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_code (gtin char(14), serial varchar(20), batch_id bigint, seq integer, "
                    + "lot_id bigint, PRIMARY KEY (gtin, serial))");
            s.execute("CREATE UNIQUE INDEX IF NOT EXISTS bench_code_batch_seq ON bench_code (batch_id, seq)");
            s.execute("CREATE INDEX IF NOT EXISTS bench_code_lot ON bench_code (lot_id)");
            for (int round = -2; round < ROUNDS; round++) {
                StringBuilder rows = new StringBuilder(CODES * 48);
                for (int i = 1; i <= CODES; i++) {
                    rows.append("02000001000038\t").append(Serial.generate(random).value()).append('\t').append(round + 10)
                            .append('\t').append(i).append('\t').append(round + 10).append('\n');
                }
                long start = System.nanoTime();
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_code FROM STDIN",
                        new java.io.StringReader(rows.toString()));
                if (round >= 0) {
                    times.add((System.nanoTime() - start) / 1e9);
                }
            }
            s.execute("DROP TABLE bench_code");
        }
        return times;
    }

    private static void qrRendering() throws Exception {
        Callable<byte[]> ours = () -> QrCodes.png(LINK, 512, ErrorCorrection.M);
        QRCodeWriter writer = new QRCodeWriter();
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4);
        Callable<byte[]> raw = () -> {
            BitMatrix matrix = writer.encode(LINK, BarcodeFormat.QR_CODE, 512, 512, hints);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "png", out);
            return out.toByteArray();
        };
        List<Double> oursRates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        for (int round = -2; round < ROUNDS; round++) {
            double a = rate(ours);
            double b = rate(raw);
            if (round >= 0) {
                oursRates.add(a);
                rawRates.add(b);
            }
        }
        System.out.println("| QR PNG 512 px, ECC M, one thread | median renders/s | min | max |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| QrCodes.png (trace-qr) | %.0f | %.0f | %.0f |%n", median(oursRates), Collections.min(oursRates), Collections.max(oursRates));
        System.out.printf("| baseline: ZXing QRCodeWriter + MatrixToImageWriter PNG | %.0f | %.0f | %.0f |%n",
                median(rawRates), Collections.min(rawRates), Collections.max(rawRates));
        System.out.printf("%nratio of medians (ours / baseline): %.2f%n", median(oursRates) / median(rawRates));
    }

    /** Renders per second over about two seconds. */
    private static double rate(Callable<byte[]> render) throws Exception {
        long end = System.nanoTime() + 2_000_000_000L;
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            if (render.call().length == 0) {
                throw new IllegalStateException("empty image");
            }
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
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

    private static String creditCode() {
        String first17 = "93540424MA6TB" + String.format("%04d", new SecureRandom().nextInt(10_000));
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static String gtin() {
        String first12 = "20000098" + String.format("%04d", new SecureRandom().nextInt(10_000));
        return first12 + Gs1CheckDigit.compute(first12);
    }
}
