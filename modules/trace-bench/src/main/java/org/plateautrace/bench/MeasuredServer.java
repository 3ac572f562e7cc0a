package org.plateautrace.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.plateautrace.server.PlateauServer;
import org.plateautrace.server.ServerConfig;
import org.plateautrace.store.DatabaseSettings;

/**
 * A Plateau Trace server alone in its JVM, for benchmarks that measure the server's heap without counting
 * the load generator's: started by a benchmark as a child process ({@code java [-Xmx...] -cp ... MeasuredServer
 * PORT ADMIN_TOKEN}), it answers on standard output with lines starting {@code @bench}: {@code ready} with its
 * database, max heap and collectors; then, for each {@code watch} read on standard input, the heap used after
 * three full GCs, and for the {@code stop} that follows, the highest heap used during (sampled every 2 ms and
 * before every GC) and the highest heap any GC left behind (-1 if none ran). End of input stops it.
 */
public final class MeasuredServer {
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private MeasuredServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Files.createTempDirectory("plateau-measured-server");
        Vertx vertx = Vertx.vertx();
        PlateauServer server = PlateauServer.start(vertx, new ServerConfig(port, dataDir, System.getenv("PLATEAU_BENCH_DB_URL"), null,
                args[1], false, 16, null, 100_000)).await();
        try {
            DatabaseSettings db = server.databaseSettings();
            say("ready", db.jdbcUrl(), db.user(), db.password(), Runtime.getRuntime().maxMemory(),
                    ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            HeapWatch watch = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("watch")) {
                    watch = HeapWatch.start();
                    say("watching", watch.before);
                } else if (line.equals("stop") && watch != null) {
                    watch.stop();
                    say("heap", watch.before, watch.peakUsed.get(), watch.peakLive.get());
                }
            }
        } finally {
            server.stop().await();
            vertx.close().await();
            try (var paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static void say(Object... words) {
        StringBuilder line = new StringBuilder("@bench");
        for (Object word : words) {
            line.append('\t').append(word);
        }
        System.out.println(line);
        System.out.flush();
    }

    /**
     * Heap use while something runs: used heap after full GCs before it, the highest used heap seen
     * (sampled every 2 ms and before every GC), and the highest used heap any GC left behind (-1 if none ran).
     */
    private static final class HeapWatch {
        final long before;
        final AtomicLong peakUsed = new AtomicLong();
        final AtomicLong peakLive = new AtomicLong(-1);
        private final Thread sampler;
        private final NotificationListener listener;
        private volatile boolean running = true;

        private HeapWatch(long before) {
            this.before = before;
            peakUsed.set(before);
            listener = (notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                peakUsed.accumulateAndGet(sum(info.getMemoryUsageBeforeGc()), Math::max);
                peakLive.accumulateAndGet(sum(info.getMemoryUsageAfterGc()), Math::max);
            };
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
            }
            sampler = new Thread(() -> {
                while (running) {
                    peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
            }
            return new HeapWatch(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        void stop() throws Exception {
            running = false;
            sampler.join();
            Thread.sleep(200); // late GC notifications
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            }
        }

        /** Used bytes of the heap pools (G1's Eden, Survivor, Old Gen), leaving out non-heap pools such as Metaspace. */
        private static long sum(Map<String, MemoryUsage> pools) {
            return pools.entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        }
    }
}
