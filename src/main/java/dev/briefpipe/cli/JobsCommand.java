package dev.briefpipe.cli;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.schedule.BriefScheduler;
import dev.briefpipe.schedule.WorkingDays;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jobs}: each scheduled brief with its triggers and next fire times (the config is synced first). */
@Command(name = "jobs", mixinStandardHelpOptions = true, sortOptions = false)
final class JobsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config")
    java.nio.file.Path config;

    @Override
    public Integer call() throws Exception {
        Settings settings = Configs.load(config);
        CliContext ctx = main.context(settings);
        try (BriefService service = BriefService.open(settings, ProgressListener.NONE)) {
            BriefScheduler scheduler = new BriefScheduler(settings, service);
            try {
                scheduler.sync();
                TextTable table = new TextTable(ctx.msg("jobs.columns"));
                for (BriefScheduler.JobView j : scheduler.jobs()) {
                    BriefConfig brief = settings.findBrief(j.brief()).orElseThrow();
                    // Times in the brief's own zone, named; a fire on a weekend or holiday as it will run.
                    ZoneId zone = ZoneId.of(brief.schedule().zone());
                    if (j.triggers().isEmpty()) { // a cron whose every fire has gone by
                        table.add(
                                j.brief(),
                                ctx.messages().word("trigger", "cron"),
                                brief.schedule().cron() + " " + zone.getId(),
                                null,
                                null,
                                ctx.messages().word("job", "COMPLETE"));
                    }
                    for (BriefScheduler.TriggerView t : j.triggers()) {
                        ZonedDateTime next = t.effectiveNext();
                        table.add(
                                j.brief(),
                                t.named(ctx.messages()),
                                t.schedule() != null
                                        ? t.schedule()
                                        : t.deadline() == null
                                                ? ctx.msg("jobs.once")
                                                : ctx.msg(
                                                        "jobs.once-until",
                                                        TIME.format(t.deadline().atZone(zone))),
                                next == null ? null : TIME.format(next),
                                t.previous() == null
                                        ? null
                                        : TIME.format(t.previous().toInstant().atZone(zone)),
                                ctx.messages().word("job", t.state()));
                        if (next != null && WorkingDays.beyondVouched(next.toLocalDate())) {
                            ctx.err().println(ctx.msg("jobs.holidays-unvouched", j.brief(), next.toLocalDate()));
                        }
                    }
                }
                table.print(ctx.out());
            } finally {
                scheduler.shutdown(false);
            }
        }
        ctx.out().flush();
        return ExitCode.OK.code();
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
}
