package org.plateautrace.store.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.plateautrace.store.DatabaseSettings;
import org.plateautrace.store.Migrations;
import org.plateautrace.store.TestDatabase;
import org.plateautrace.store.scan.ScanRecorder.NewScan;
import org.plateautrace.store.scan.ScanRecorder.Resolution;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanRecorderTest {
    private final Vertx vertx = Vertx.vertx();
    private DatabaseSettings db;
    private Pool pool;
    private ScanRecorder recorder;
    private long lot;

    @BeforeAll
    void database() throws Exception {
        db = TestDatabase.fresh();
        Migrations.migrate(db);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO party (kind, name, credit_code, county) VALUES ('cooperative', '米林合作社', '93540400MA6T000001', '米林')");
            s.execute("INSERT INTO site (party_id, kind, name, county) VALUES (1, 'farm_base', '茶园', '米林')");
            s.execute("INSERT INTO product (party_id, gtin, name_zh, name_en, commodity, unit) "
                    + "VALUES (1, '26901234000017', '林芝红茶', 'Nyingchi black tea', 'tea', 'kg')");
            try (ResultSet rs = s.executeQuery("INSERT INTO lot (party_id, product_id, site_id, lot_code, quantity, unit, harvested_at, "
                    + "harvest_utc_offset) VALUES (1, 1, 1, 'T1', 10, 'kg', now(), '+08:00') RETURNING id")) {
                rs.next();
                lot = rs.getLong(1);
            }
        }
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(db.connectOptions()).using(vertx).build();
        recorder = new ScanRecorder(pool, Duration.ofHours(6));
    }

    @AfterAll
    void close() {
        vertx.close().await();
    }

    @Test
    void scansArrivingTogetherAreAllRecordedAndEachCodeCountsEveryScanOnce() throws Exception {
        List<Resolution> answers = onOneEventLoop(40, i -> new NewScan(lot, "26901234000017", i % 4 == 0 ? "PACK0000000" + (i % 8) : null,
                i % 2 == 0 ? "Xizang" : null, new byte[] {(byte) i}, "mobile"));
        Set<Long> lotLevelCounts = new TreeSet<>();
        for (int i = 0; i < answers.size(); i++) {
            if (i % 4 != 0) {
                lotLevelCounts.add(answers.get(i).scans());
            }
        }
        assertEquals(30, lotLevelCounts.size(), "30 scans of the lot-level code, each answered with its own count");
        assertEquals(30L, ((TreeSet<Long>) lotLevelCounts).last());
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM scan WHERE serial IS DISTINCT FROM 'PACKDISTANT1'")) {
            rs.next();
            assertEquals(40, rs.getLong(1));
        }
    }

    @Test
    void twoRegionsInQuickSuccessionAreRememberedAsADistantPair() throws Exception {
        List<Resolution> answers = onOneEventLoop(3, i -> new NewScan(lot, "26901234000017", "PACKDISTANT1",
                new String[] {"Guangdong", null, "Xizang"}[i], new byte[] {1}, "mobile"));
        assertFalse(answers.get(1).distantFrom() != null, "a scan without a region compares with nothing");
        assertEquals("Guangdong", answers.get(2).distantFrom());
        assertEquals("Xizang", answers.get(2).distantTo());
        assertEquals("Guangdong", answers.get(2).first().region());
        assertEquals(3, answers.get(2).scans());
    }

    private List<Resolution> onOneEventLoop(int count, java.util.function.IntFunction<NewScan> scan) throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<List<Future<Resolution>>> sent = new CompletableFuture<>();
        context.runOnContext(v -> {
            List<Future<Resolution>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(recorder.record(scan.apply(i)));
            }
            sent.complete(futures);
        });
        List<Resolution> answers = new ArrayList<>();
        for (Future<Resolution> future : sent.get()) {
            answers.add(future.await());
        }
        return answers;
    }
}
