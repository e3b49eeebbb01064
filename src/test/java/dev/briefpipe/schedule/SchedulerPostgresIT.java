package dev.briefpipe.schedule;

import dev.briefpipe.testing.Postgres;
import org.junit.jupiter.api.BeforeEach;

/** The same scheduler suite on PostgreSQL, a fresh database per test. */
class SchedulerPostgresIT extends SchedulerSuite {
    private Postgres pg;

    @BeforeEach
    void database() {
        pg = Postgres.freshDatabase();
    }

    @Override
    protected String databaseUrl() {
        return pg.url();
    }

    @Override
    protected void dropDatabase() {
        if (pg != null) {
            pg.close();
        }
    }
}
