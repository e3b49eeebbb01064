package dev.briefpipe.cli;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.model.Period;
import dev.briefpipe.run.BriefService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code send}: mails a period already built to the brief's recipients, each exactly once. */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false)
final class SendCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    BriefOptions options;

    @Option(names = "--period", paramLabel = "YYYY-MM", required = true)
    String period;

    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    @Option(names = "--resend")
    boolean resend;

    @Override
    public Integer call() throws Exception {
        Settings settings = options.load();
        CliContext ctx = main.context(settings);
        BriefConfig brief = options.brief(settings);
        Period p;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cli.bad-period", period);
        }
        Path outDir = out != null ? out.toAbsolutePath().normalize() : settings.outputDir();
        try (BriefService service = BriefService.open(settings, main.progress(ctx))) {
            Deliverer.Outcome o = service.send(brief, p, outDir, resend);
            o.sent().forEach(r -> ctx.out().println(ctx.msg("send.sent", r)));
            o.skipped().forEach(r -> ctx.out().println(ctx.msg("send.skipped", r)));
            o.unknown().forEach(r -> ctx.err().println(ctx.msg("send.unknown", r)));
            o.failed().forEach(r -> ctx.err().println(ctx.msg("send.failed", r)));
            ctx.out()
                    .println(ctx.msg(
                            "send.summary",
                            o.sent().size(),
                            o.skipped().size(),
                            o.failed().size(),
                            o.unknown().size()));
            ctx.out().flush();
            return o.allServed() ? ExitCode.OK.code() : ExitCode.RUNTIME.code();
        }
    }
}
