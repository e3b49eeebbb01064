package dev.briefpipe.cli;

import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.schedule.BriefScheduler;
import java.text.SimpleDateFormat;
import java.util.Date;
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
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss z");
        try (BriefService service = BriefService.open(settings, ProgressListener.NONE)) {
            BriefScheduler scheduler = new BriefScheduler(settings, service);
            try {
                scheduler.sync();
                ctx.out().println(ctx.msg("jobs.header"));
                for (BriefScheduler.JobView j : scheduler.jobs()) {
                    for (BriefScheduler.TriggerView t : j.triggers()) {
                        ctx.out()
                                .printf(
                                        "%-14s %-16s %-30s %-25s %-25s %s%n",
                                        j.brief(),
                                        t.name(),
                                        t.schedule(),
                                        fmt(f, t.next()),
                                        fmt(f, t.previous()),
                                        t.state());
                    }
                }
            } finally {
                scheduler.shutdown(false);
            }
        }
        ctx.out().flush();
        return ExitCode.OK.code();
    }

    private static String fmt(SimpleDateFormat f, Date d) {
        return d == null ? "-" : f.format(d);
    }
}
