package dev.briefpipe.cli;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.DeliveryLedger;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.model.Period;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code deliveries}: every recipient of a period (by default the latest with a delivery) with its state,
 * the server's reply and the message id; {@code --mark-delivered ADDRESS} settles an unknown delivery of a
 * period named once the mail server's log shows it went.
 */
@Command(name = "deliveries", mixinStandardHelpOptions = true, sortOptions = false)
final class DeliveriesCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    @ParentCommand
    Main main;

    @Mixin
    BriefOptions options;

    @Option(names = "--period", paramLabel = "YYYY-MM")
    String period;

    @Option(names = "--mark-delivered", paramLabel = "ADDRESS")
    String markDelivered;

    @Override
    public Integer call() {
        Settings settings = options.load();
        CliContext ctx = main.context(settings);
        BriefConfig brief = options.brief(settings);
        if (markDelivered != null && period == null) {
            throw new UsageException("deliveries.mark-needs-period", markDelivered);
        }
        try (BriefService service = BriefService.open(settings, ProgressListener.NONE)) {
            Period p = period != null
                    ? BriefOptions.period(period)
                    : service.ledger().latest(brief.id()).orElse(null);
            if (p == null) {
                ctx.out().println(ctx.msg("deliveries.none-yet", brief.id()));
                ctx.out().flush();
                return ExitCode.OK.code();
            }
            if (period == null) {
                ctx.out().println(ctx.msg("deliveries.latest", brief.id(), p));
            }
            if (markDelivered != null) {
                String actor = System.getProperty("user.name", "operator");
                if (service.markDelivered(brief, p, markDelivered, actor).isEmpty()) {
                    throw new UsageException("deliveries.not-found", brief.id(), p, markDelivered);
                }
                ctx.out().println(ctx.msg("deliveries.marked", markDelivered, p, actor));
                ctx.out().flush();
                return ExitCode.OK.code();
            }
            List<DeliveryLedger.Entry> entries = service.ledger().list(brief.id(), p);
            if (entries.isEmpty()) {
                ctx.out().println(ctx.msg("deliveries.none", brief.id(), p));
            } else {
                TextTable table = new TextTable(ctx.msg("deliveries.columns"));
                ZoneId zone = brief.zone();
                for (DeliveryLedger.Entry e : entries) {
                    table.add(
                            e.recipient(),
                            e.kindIn(ctx.messages()),
                            e.stateIn(ctx.messages()),
                            e.attempts(),
                            TIME.format(e.updated().atZone(zone)),
                            e.messageId());
                    String reply = e.reply() != null ? e.reply() : e.lastError();
                    if (reply != null) {
                        table.add("", "", "", "", "", reply);
                    }
                }
                table.print(ctx.out());
            }
            ctx.out().flush();
            return ExitCode.OK.code();
        }
    }
}
