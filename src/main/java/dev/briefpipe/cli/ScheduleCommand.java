package dev.briefpipe.cli;

import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.run.RunOutcome;
import dev.briefpipe.schedule.BriefScheduler;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedule}: the scheduler in the foreground until SIGTERM or Ctrl-C (a running build is let
 * finish), logging to stdout and a rolling file; {@code --once} runs every due brief once and exits,
 * logging to the file and saying one line a brief.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true, sortOptions = false)
final class ScheduleCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);

    @ParentCommand
    Main main;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config")
    Path config;

    @Option(names = "--once")
    boolean once;

    @Override
    public Integer call() throws Exception {
        Settings settings = Configs.load(config);
        CliContext ctx = main.context(settings);
        Path logFile = settings.app().scheduler().logFile().isBlank()
                ? settings.resolve(settings.app().state()).resolve("logs/briefpipe.log")
                : settings.resolve(settings.app().scheduler().logFile());
        // --once from cron or a timer says one line a brief; its log is in the file (on stdout too with -v).
        DaemonLogging.start(logFile, main.debug, !once || main.verbose.length > 0);
        Configs.tellDaemonMistakes(settings, ctx);
        BriefService service = BriefService.open(settings, ProgressListener.NONE);
        BriefScheduler scheduler = new BriefScheduler(settings, service);
        if (once) {
            try {
                scheduler.sync();
                Map<String, RunOutcome> outcomes = scheduler.runDueOnce();
                // One line a brief due: "ai-hegemony 2025-03: 발송 완료", and why when there is more to say;
                // with -q only a run that fell short, so that cron mails nothing while all is well.
                outcomes.forEach((run, o) -> {
                    if (!ctx.quiet() || o.status().fellShort()) {
                        ctx.out()
                                .println(run + ": "
                                        + ctx.messages()
                                                .word("status", o.status().id())
                                        + (o.detail().isEmpty()
                                                ? ""
                                                : " — " + ctx.messages().get(o.detail())));
                    }
                });
                return outcomes.values().stream().noneMatch(o -> o.status().fellShort())
                        ? ExitCode.OK.code()
                        : ExitCode.RUNTIME.code();
            } finally {
                scheduler.shutdown(false);
                service.close();
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    log.info("stopping: waiting for running jobs to finish");
                    scheduler.shutdown(true);
                    service.close();
                    log.info("stopped");
                    stopped.countDown();
                },
                "briefpipe-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        scheduler.sync();
        scheduler.start();
        log.info(
                "scheduler {} started on {} ({} job(s)); log file {}",
                scheduler.instanceId(),
                service.node(),
                scheduler.jobs().size(),
                logFile);
        stopped.await();
        return ExitCode.OK.code();
    }
}
