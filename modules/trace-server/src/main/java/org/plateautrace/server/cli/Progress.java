package org.plateautrace.server.cli;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of an import: a bar with rate and ETA on a terminal, plain lines (at most one every two
 * seconds, and the last) when the output is not a terminal, so logs and CI stay readable.
 */
interface Progress extends AutoCloseable {
    void step(long done);

    @Override
    void close();

    /** A bar when a terminal is attached, else lines on {@code err}. */
    static Progress of(String task, long total, PrintWriter err) {
        return System.console() != null ? new Bar(task, total) : new Lines(task, total, err);
    }

    /** me.tongfei progressbar on the terminal. */
    final class Bar implements Progress {
        private final ProgressBar bar;

        Bar(String task, long total) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .showSpeed().setUnit(" rows", 1).build();
        }

        @Override
        public void step(long done) {
            bar.stepBy(done);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** One line now and then: done/total, rate, ETA. */
    final class Lines implements Progress {
        private static final long EVERY_NANOS = Duration.ofSeconds(2).toNanos();
        private final String task;
        private final long total;
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private long done;
        private long lastPrinted;

        Lines(String task, long total, PrintWriter err) {
            this.task = task;
            this.total = total;
            this.err = err;
            this.lastPrinted = start;
        }

        @Override
        public void step(long count) {
            done += count;
            long now = System.nanoTime();
            if (now - lastPrinted >= EVERY_NANOS) {
                print(now);
            }
        }

        @Override
        public void close() {
            print(System.nanoTime());
        }

        private void print(long now) {
            lastPrinted = now;
            double seconds = Math.max((now - start) / 1e9, 1e-3);
            double rate = done / seconds;
            String eta = done >= total ? "done" : rate <= 0 ? "ETA ?" : "ETA " + Math.round((total - done) / rate) + " s";
            err.printf("%s: %d/%d (%.0f/s, %s)%n", task, done, total, rate, eta);
            err.flush();
        }
    }
}
