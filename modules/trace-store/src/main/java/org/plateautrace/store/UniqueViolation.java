package org.plateautrace.store;

import io.vertx.pgclient.PgException;

/** Recognises PostgreSQL's unique_violation (SQLSTATE 23505) on a named constraint. */
public final class UniqueViolation {
    private UniqueViolation() {
    }

    public static boolean on(Throwable error, String constraint) {
        return error instanceof PgException pg && "23505".equals(pg.getSqlState())
                && constraint.equals(pg.getConstraint());
    }
}
