package dev.briefpipe.cli;

import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.store.RunHistory;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code runs}: the run history, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, sortOptions = false)
final class RunsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    @ParentCommand
    Main main;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config")
    java.nio.file.Path config;

    @Option(names = "--brief", paramLabel = "ID")
    String brief;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
        UsageErrors.atLeast("--limit", limit, 1);
        Settings settings = Configs.load(config);
        CliContext ctx = main.context(settings);
        try (BriefService service = BriefService.open(settings, dev.briefpipe.run.ProgressListener.NONE)) {
            service.markInterrupted();
            List<RunHistory.Shown> runs = service.runs().shown(brief, limit);
            TextTable table = new TextTable(ctx.msg("runs.columns"));
            for (RunHistory.Shown shown : runs) {
                RunHistory.Run r = shown.run();
                // Each run's times in its brief's zone, with the zone's name beside them.
                ZoneId zone = settings.findBrief(r.brief()).map(b -> b.zone()).orElse(ZoneId.systemDefault());
                table.add(
                        r.id(),
                        r.brief(),
                        r.period(),
                        shown.trigger(ctx.messages()),
                        ctx.messages().word("status", r.status().id()),
                        TIME.format(shown.since().atZone(zone)),
                        r.finished() == null ? null : TIME.format(r.finished().atZone(zone)),
                        r.findings(),
                        r.node(),
                        Objects.toString(r.error(ctx.messages()), ""));
            }
            table.print(ctx.out());
            if (runs.isEmpty()) {
                ctx.out().println(ctx.msg("runs.none"));
            }
            ctx.out().flush();
            return ExitCode.OK.code();
        }
    }
}
