package dev.briefpipe.cli;

import dev.briefpipe.config.Settings;
import dev.briefpipe.console.ConsoleServer;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.model.Role;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.schedule.BriefScheduler;
import dev.briefpipe.store.Users;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code serve}: the web console and its JSON API until SIGTERM or Ctrl-C, on 127.0.0.1 unless told
 * otherwise; with {@code --scheduler}, the scheduler too, in the same process. The first admin comes
 * from {@code BRIEFPIPE_ADMIN_USER} / {@code BRIEFPIPE_ADMIN_PASSWORD} when there is no user yet.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false)
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    Main main;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config")
    Path config;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1")
    String bind;

    @Option(names = "--scheduler")
    boolean withScheduler;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UsageException("serve.bad-port", String.valueOf(port));
        }
        ConsoleServer.checkFree(bind, port);
        Settings settings = Configs.load(config);
        CliContext ctx = main.context(settings);
        DaemonLogging.start(settings.resolve(settings.app().state()).resolve("logs/briefpipe.log"), main.debug, true);
        BriefService service = BriefService.open(settings, ProgressListener.NONE);
        Users users = new Users(service.database().dataSource());
        firstAdmin(users, ctx);
        BriefScheduler scheduler = new BriefScheduler(settings, service);
        scheduler.sync();
        ConsoleServer server = new ConsoleServer(settings, service, scheduler);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("stopping the console");
                            server.close();
                            scheduler.shutdown(true);
                            service.close();
                            stopped.countDown();
                        },
                        "briefpipe-shutdown"));
        int bound = server.start(bind, port);
        if (withScheduler) {
            scheduler.start();
        }
        ctx.out()
                .println(ctx.msg(
                        "serve.started",
                        "http://" + bind + ":" + bound + settings.app().consolePath() + "/",
                        withScheduler ? ctx.msg("serve.with-scheduler") : ""));
        if (users.list().isEmpty()) {
            ctx.err().println(ctx.msg("serve.no-users"));
        }
        if (!java.net.InetAddress.getByName(bind).isLoopbackAddress()) {
            ctx.err().println(ctx.msg("serve.not-loopback", bind)); // reached without TLS from elsewhere
        }
        Configs.tellDaemonMistakes(settings, ctx);
        ctx.out().flush();
        stopped.await();
        return ExitCode.OK.code();
    }

    /** The first admin, from the environment, when the console has no user yet. */
    private static void firstAdmin(Users users, CliContext ctx) {
        String name = System.getenv("BRIEFPIPE_ADMIN_USER");
        String password = System.getenv("BRIEFPIPE_ADMIN_PASSWORD");
        if (name == null || password == null || !users.list().isEmpty()) {
            return;
        }
        if (password.length() < Users.MIN_PASSWORD) {
            ctx.err().println(ctx.msg("users.short", Users.MIN_PASSWORD));
            return;
        }
        users.add(name, Role.ADMIN, password.toCharArray());
        log.info("first admin {} created from BRIEFPIPE_ADMIN_USER", name);
    }
}
