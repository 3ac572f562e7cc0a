package org.plateautrace.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import}: harvests (CSV), cold-chain readings (CSV) or an EPCIS 2.0 JSON document, into a server or a database. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import harvest registrations (CSV), cold-chain logger readings (CSV) or an EPCIS 2.0 JSON document, "
                + "through a running server (--server) or directly into the database. Each refused row is reported with "
                + "its line number and the good rows are stored, or nothing at all with --atomic. Safe to run twice: what an "
                + "earlier run stored is reported as already there and not stored again. "
                + "Exit code 0 when every row is stored or already there, 2 when some were refused, 1 on error.",
        footer = {"", "CSV templates: config/templates/harvests.csv and config/templates/readings.csv (UTF-8, header row)."})
public final class ImportCommand implements Callable<Integer> {
    static final int REFUSED = 2;
    static final int ERROR = 1;

    /** What a file holds. */
    enum Kind { harvests, readings, epcis }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV or EPCIS JSON(-LD) file.")
    Path file;

    @Option(names = "--kind", description = "harvests, readings or epcis (default: .json/.jsonld is EPCIS; a CSV by its header: "
            + "lot_code means harvests, time and shipment_id or site_id means readings).")
    Kind kind;

    @Option(names = "--atomic", description = "All or nothing: when any row is refused, store none.")
    boolean atomic;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Kind what = kind != null ? kind : detect(file);
            try (Target to = target.open()) {
                ImportReport report = new ImportReport(what.name(), atomic);
                switch (what) {
                    case harvests -> new HarvestImport(to, report).run(csv(file), atomic, err);
                    case readings -> new ReadingImport(to, report).run(csv(file), atomic, err);
                    case epcis -> new EpcisImport(to, report).run(file, atomic, err);
                }
                report.print(out, err);
                return report.hasErrors() ? REFUSED : 0;
            }
        } catch (Exception e) { // a refused connection, a missing file, a bad token: nothing more to do
            err.println("import failed: " + e.getMessage());
            err.flush();
            return ERROR;
        }
    }

    static Kind detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".json") || name.endsWith(".jsonld")) {
            return Kind.epcis;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            header = header == null ? "" : header.replace("\uFEFF", "");
            if (header.contains("lot_code")) {
                return Kind.harvests;
            }
            if (header.contains("time") && (header.contains("shipment_id") || header.contains("site_id"))) {
                return Kind.readings;
            }
        }
        throw new IllegalArgumentException(file + ": cannot tell what it holds from its header; give --kind");
    }

    private static CsvFile.Table csv(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CsvFile.read(in);
        }
    }
}
