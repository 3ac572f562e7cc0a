package org.plateautrace.server;

import org.plateautrace.server.cli.ExportCommand;
import org.plateautrace.server.cli.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of plateau-trace.jar. */
@Command(name = "plateau-trace", mixinStandardHelpOptions = true, version = "Plateau Trace 0.1.0",
        description = "Farm-to-consumer traceability for the specialty products of the Tibetan plateau.",
        subcommands = {ServeCommand.class, VerifyLedgerCommand.class, ImportCommand.class, ExportCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
