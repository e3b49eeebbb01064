package dev.briefpipe.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.config.AppConfig;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseIT {
    private static final AppConfig.Database EMBEDDED = new AppConfig.Database(null, null, null, 2);

    @Test
    void manyOpeningANewEmbeddedDatabaseAtOnceAllGetOneWholeSchema(@TempDir Path dir) throws Exception {
        int threads = 6;
        for (int round = 0; round < 3; round++) {
            Path state = dir.resolve("state-" + round);
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Database>> opened = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                opened.add(pool.submit(() -> {
                    start.await();
                    return Database.open(EMBEDDED, state);
                }));
            }
            List<Database> dbs = new ArrayList<>();
            try {
                for (Future<Database> f : opened) {
                    dbs.add(f.get()); // a failed migration would throw here
                }
                try (Connection c = dbs.get(0).connection();
                        Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT COUNT(\"version\"), COUNT(DISTINCT \"version\"),"
                                + " SUM(CASE WHEN \"success\" THEN 0 ELSE 1 END) FROM \"bp_schema_history\"")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).as("migrations run").isEqualTo(Long.parseLong(Database.LATEST));
                    assertThat(rs.getLong(2)).as("each once").isEqualTo(Long.parseLong(Database.LATEST));
                    assertThat(rs.getLong(3)).as("failed migrations").isZero();
                }
            } finally {
                dbs.forEach(Database::close);
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aDatabaseAnEarlierVersionMadeIsBroughtUpToDateWhenOpened(@TempDir Path dir) throws Exception {
        // Made by the version before runs kept their errors as phrases (schema version 4).
        Flyway.configure()
                .dataSource("jdbc:h2:async:" + dir.toAbsolutePath().resolve("briefpipe"), "sa", "")
                .locations("classpath:db/migration/common")
                .javaMigrations(new QuartzTablesMigration(Database.Vendor.H2))
                .table("bp_schema_history")
                .target("4")
                .load()
                .migrate();
        try (Database db = Database.open(EMBEDDED, dir)) {
            RunHistory runs = new RunHistory(db.dataSource());
            long id = runs.start("ai-hegemony", Period.parse("2025-03"), RunTrigger.MANUAL, null, "n", Instant.now())
                    .orElseThrow();
            Messages ko = Messages.of(Messages.Lang.KO);
            runs.finish(id, RunStatus.FAILED, null, null, List.of(Phrase.of("run.interrupted")), ko, Instant.now());
            assertThat(runs.list(null, 1).get(0).error(Messages.of(Messages.Lang.EN)))
                    .startsWith("The process");
        }
    }
}
