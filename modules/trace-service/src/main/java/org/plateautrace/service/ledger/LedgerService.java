package org.plateautrace.service.ledger;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.plateautrace.model.ledger.ChainCheck.Verdict;
import org.plateautrace.service.Refusal.Denied;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.store.ledger.LedgerRepository;

/** Tamper evidence: verifies the hash chain over every stored event. */
public final class LedgerService {
    private final LedgerRepository ledger;

    public LedgerService(Pool pool) {
        this.ledger = new LedgerRepository(pool);
    }

    /** For the administrator or a regulator only; it reads every event of every party. */
    public Future<Verdict> verify(Caller caller) {
        if (!caller.readsAll()) {
            throw new Denied(null, "only the platform administrator or a regulator may verify the ledger");
        }
        return verify();
    }

    /** Without a caller: for the command line, which has the database itself. */
    public Future<Verdict> verify() {
        return ledger.verify();
    }
}
