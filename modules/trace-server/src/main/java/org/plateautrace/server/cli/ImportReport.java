package org.plateautrace.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What an import did: rows stored, rows already there from an earlier run, rows refused (with their lines). */
final class ImportReport {
    private final String what;
    private final boolean atomic;
    private final List<RowError> errors = new ArrayList<>();
    private int stored;
    private int already;

    ImportReport(String what, boolean atomic) {
        this.what = what;
        this.atomic = atomic;
    }

    void stored(int count) {
        stored += count;
    }

    void already(int count) {
        already += count;
    }

    void refused(RowError error) {
        errors.add(error);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    int storedCount() {
        return stored;
    }

    /** Every refusal on the error stream, then one summary line. */
    void print(PrintWriter out, PrintWriter err) {
        errors.sort(Comparator.comparingInt(RowError::line));
        errors.forEach(e -> err.println(e));
        err.flush();
        StringBuilder summary = new StringBuilder(what).append(": ").append(stored).append(" stored, ").append(already)
                .append(" already there (stored by an earlier run), ").append(errors.stream().mapToInt(RowError::line).distinct().count())
                .append(" refused");
        if (atomic && !errors.isEmpty()) {
            summary.append("; --atomic: nothing was stored");
        }
        out.println(summary);
        out.flush();
    }
}
