package org.plateautrace.server;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.plateautrace.model.ledger.ChainCheck.Verdict;
import org.plateautrace.service.ledger.LedgerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code verify-ledger}: checks the event hash chain of a database and tells whether it is intact. */
@Command(name = "verify-ledger", mixinStandardHelpOptions = true,
        description = "Verify the tamper-evident hash chain over every stored event: no event removed, "
                + "no content or column altered. Exit code 0 when intact, 3 when broken, 1 on error.",
        footer = {"", "The database is the embedded one under --data-dir (stop the server first: one PostgreSQL",
                "at a time owns a data directory) or the one at --db-url; PLATEAU_DATA_DIR and PLATEAU_DB_URL",
                "and the config file are read as by serve. Pending migrations are applied."})
final class VerifyLedgerCommand implements Callable<Integer> {
    static final int INTACT = 0;
    static final int ERROR = 1;
    static final int BROKEN = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions databaseOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CommandDatabase database = CommandDatabase.open(databaseOptions, 2)) {
            Verdict verdict = new LedgerService(database.pool()).verify().await();
            if (verdict.intact()) {
                out.println("ledger intact: " + verdict.checked() + " events checked");
                out.flush();
                return INTACT;
            }
            out.println("ledger BROKEN at event seq " + verdict.firstBadSeq() + " (" + verdict.firstBadEventId() + "): "
                    + verdict.reason());
            out.flush();
            return BROKEN;
        } catch (Exception e) { // Future.await() rethrows checked causes (e.g. ConnectException) unchecked
            err.println("ledger not verified: " + e.getMessage());
            err.flush();
            return ERROR;
        }
    }
}
