package dev.briefpipe.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample project set up for scheduler and delivery tests: only the AI-hegemony brief, its own
 * state folder, recipients on separate test domains, a given SMTP port and cron, short retries.
 */
public final class ScheduledProject {
    public static final String TO = "board@to.test";
    public static final String CC = "deputy@cc.test";
    public static final String BCC = "archive@bcc.test";
    public static final String ANALYST = "analyst@analysts.test";
    public static final String OWNER = "owner@owners.test";
    public static final String APPROVER = "approver@approvers.test";

    private ScheduledProject() {}

    /**
     * @param smtpPort 0 for no SMTP (the outbox)
     * @param cron the brief's schedule
     */
    public static SampleProject create(Path dir, int smtpPort, String cron) throws IOException {
        return create(dir, smtpPort, cron, null);
    }

    /** @param databaseUrl a JDBC URL (PostgreSQL), or null for the embedded H2 database */
    public static SampleProject create(Path dir, int smtpPort, String cron, String databaseUrl) throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        Files.deleteIfExists(p.config().resolve("briefs/ai-chips.yaml"));
        String mail = smtpPort == 0 ? "" : """
        mail:
          host: 127.0.0.1
          port: %d
          security: none
          from: "briefpipe <briefpipe@test.local>"
          timeoutMillis: 3000
          retries: 4
          backoffMillis: 300
        """.formatted(smtpPort);
        Files.writeString(
                p.config().resolve("briefpipe.yaml"),
                """
        briefs: briefs
        output: output
        state: state
        scheduler:
          threads: 2
          misfireMillis: 1500
        holidays: []
        """ + mail + (databaseUrl == null ? "" : """
        database:
          url: "%s"
          user: %s
        """.formatted(databaseUrl, Postgres.USER)));
        p.editConfig("cron: \"0 0 9 1W * ?\"", "cron: \"" + cron + "\"");
        // Fires now, whatever day it is in Seoul.
        p.editConfig("workingDaysOnly: true", "workingDaysOnly: false");
        p.editConfig(
                "  to: [policy-board@example.org]\n  cc: []\n  bcc: []\n  analysts: [ai-brief-analysts@example.org]",
                "  to: [" + TO + "]\n  cc: [" + CC + "]\n  bcc: [" + BCC + "]\n  analysts: [" + ANALYST + "]");
        p.editConfig("owners: [ai-brief-owners@example.org]", "owners: [" + OWNER + "]");
        p.editConfig("approvers: [ai-brief-approvers@example.org]", "approvers: [" + APPROVER + "]");
        return p;
    }
}
