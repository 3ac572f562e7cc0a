package org.plateautrace.store;

import org.flywaydb.core.Flyway;

/** Brings the schema up to date with the plain-SQL Flyway migrations in {@code db/migration}. Blocking. */
public final class Migrations {
    private Migrations() {
    }

    public static int migrate(DatabaseSettings settings) {
        return Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
