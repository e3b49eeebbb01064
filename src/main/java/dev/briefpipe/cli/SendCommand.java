package dev.briefpipe.cli;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.deliver.MimeFactory;
import dev.briefpipe.deliver.Resend;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.model.Period;
import dev.briefpipe.run.BriefService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code send}: mails a period already built to the brief's recipients, each exactly once. With
 * {@code --resend}, mails again only the recipients named, or those whose delivery is unknown, or those
 * that failed. Without a mail server, writes the messages to the outbox, a dry run recorded apart.
 */
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

    @Option(names = "--to", paramLabel = "ADDRESS", split = ",")
    List<String> to;

    @Option(names = "--test")
    boolean test;

    @Option(names = "--unknown")
    boolean unknown;

    @Option(names = "--failed")
    boolean failed;

    @Option(names = "--correction")
    boolean correction;

    @Override
    public Integer call() throws Exception {
        Settings settings = options.load();
        CliContext ctx = main.context(settings);
        BriefConfig brief = options.brief(settings);
        Period p = BriefOptions.period(period);
        Path outDir = out != null ? out.toAbsolutePath().normalize() : settings.outputDir();
        if (test) {
            return test(ctx, settings, brief, p, outDir);
        }
        if (correction && (resend || unknown || failed || to != null)) {
            throw new UsageException("send.correction-alone");
        }
        Resend which = correction ? Resend.NONE : resend(brief);
        try (BriefService service = BriefService.open(settings, main.progress(ctx))) {
            Deliverer.Outcome o;
            if (correction) {
                Optional<Deliverer.Outcome> corrected =
                        service.correct(brief, p, options.workbook(settings, brief), outDir);
                if (corrected.isEmpty()) {
                    ctx.out().println(ctx.msg("correction.nothing", brief.id(), p));
                    ctx.out().flush();
                    return ExitCode.OK.code();
                }
                o = corrected.get();
            } else {
                o = service.send(brief, p, outDir, which);
            }
            String sentKey = o.dryRun() ? "send.outbox" : "send.sent";
            o.sent().forEach(r -> ctx.out().println(ctx.msg(sentKey, r)));
            String skippedKey = o.dryRun() ? "send.outbox-skipped" : "send.skipped";
            o.skipped().forEach(r -> ctx.out().println(ctx.msg(skippedKey, r)));
            o.unsent().forEach(r -> ctx.out().println(ctx.msg("send.unsent", r)));
            o.unknown().forEach(r -> ctx.err().println(notServed(ctx, o, r, "send.unknown")));
            o.failed().forEach(r -> ctx.err().println(notServed(ctx, o, r, "send.failed")));
            ctx.err().flush();
            ctx.out()
                    .println(
                            o.dryRun()
                                    ? ctx.msg(
                                            "send.outbox-summary",
                                            o.sent().size(),
                                            outDir.resolve(brief.id())
                                                    .resolve(p.toString())
                                                    .resolve("outbox"))
                                    : ctx.msg(
                                            "send.summary",
                                            o.sent().size(),
                                            o.skipped().size(),
                                            o.failed().size(),
                                            o.unknown().size()));
            ctx.out().flush();
            return o.allServed() ? ExitCode.OK.code() : ExitCode.RUNTIME.code();
        }
    }

    /** {@code --test --to ADDRESS}: the readers' message to one address, outside the ledger. */
    private int test(CliContext ctx, Settings settings, BriefConfig brief, Period p, Path outDir) throws Exception {
        if (to == null || to.size() != 1 || resend || unknown || failed) {
            throw new UsageException("send.test-one");
        }
        try {
            MimeFactory.address(to.get(0));
        } catch (DeliveryException e) {
            throw new UsageException("send.bad-address", to.get(0));
        }
        try (BriefService service = BriefService.open(settings, main.progress(ctx))) {
            String reply = service.sendTest(brief, p, outDir, to.get(0));
            ctx.out()
                    .println(
                            settings.app().mail().host().isBlank()
                                    ? ctx.msg(
                                            "send.test-outbox",
                                            outDir.resolve(brief.id())
                                                    .resolve(p.toString())
                                                    .resolve("outbox")
                                                    .resolve("test"))
                                    : ctx.msg("send.test-sent", to.get(0), reply));
            ctx.out().flush();
            return ExitCode.OK.code();
        }
    }

    /** What --resend takes: exactly one of the named recipients, the unknown ones, the failed ones. */
    private Resend resend(BriefConfig brief) {
        boolean listed = to != null && !to.isEmpty();
        int chosen = (listed ? 1 : 0) + (unknown ? 1 : 0) + (failed ? 1 : 0);
        if (!resend) {
            if (chosen > 0) {
                throw new UsageException("send.resend-which");
            }
            return Resend.NONE;
        }
        if (chosen == 0) {
            throw new UsageException("send.resend-which");
        }
        if (chosen > 1) {
            throw new UsageException("send.resend-one");
        }
        if (listed) {
            List<String> all = brief.readers();
            for (String r : to) {
                if (!brief.hasReader(r)) {
                    throw new UsageException("send.not-a-recipient", r, String.join(", ", all));
                }
            }
            return Resend.to(Set.copyOf(to));
        }
        return unknown ? Resend.unknown() : Resend.failed();
    }

    /** A recipient the send did not serve, with why when it knows ({@code key}, or {@code key-why}). */
    private static String notServed(CliContext ctx, Deliverer.Outcome o, String r, String key) {
        return o.why().containsKey(r) ? ctx.msg(key + "-why", r, o.why().get(r)) : ctx.msg(key, r);
    }
}
