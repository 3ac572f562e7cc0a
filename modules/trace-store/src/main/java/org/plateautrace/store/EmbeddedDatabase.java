package org.plateautrace.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server run from the binaries shipped in a Maven artifact, keeping its data under a
 * directory so a restart finds everything again. Starting and stopping block: call from a worker.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The system of record: a commit is answered only once it is flushed to disk. (The library starts
     * PostgreSQL with {@code fsync} and {@code synchronous_commit} off, made for throwaway test databases:
     * a crash of the machine could then lose or corrupt accepted data.)
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return start(dataDirectory, true);
    }

    /** A database the tests throw away: commits are not flushed to disk, which makes them faster. */
    public static EmbeddedDatabase startThrowaway(Path dataDirectory) {
        return start(dataDirectory, false);
    }

    private static EmbeddedDatabase start(Path dataDirectory, boolean durable) {
        String flush = durable ? "on" : "off";
        try {
            Files.createDirectories(dataDirectory);
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", flush)
                    .setServerConfig("synchronous_commit", flush)
                    .setServerConfig("shared_buffers", (durable ? sharedBuffersMegabytes() : 128) + "MB")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A quarter of the machine's memory for PostgreSQL's page cache, as its documentation advises for a
     * dedicated server, between its default of 128 MB and 4 GB: a trace reads hundreds of lots, and with
     * the default most of those pages are copied in from the kernel's cache on every request.
     */
    static long sharedBuffersMegabytes() {
        long machine = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return Math.max(128, Math.min(4096, machine / 4 / (1024 * 1024)));
    }

    public DatabaseSettings settings() {
        return new DatabaseSettings("localhost", postgres.getPort(), "postgres", "postgres", null);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
