package dev.briefpipe.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.briefpipe.config.Settings;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.run.Version;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code briefpipe} command: global options, subcommands, language and exit codes. */
@Command(
        name = "briefpipe",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        resourceBundle = "dev.briefpipe.cli.usage",
        sortOptions = false)
public final class Main implements Runnable {
    @Option(names = "--lang", paramLabel = "ko|en", scope = ScopeType.INHERIT)
    String lang;

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT)
    boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT)
    boolean[] verbose = new boolean[0];

    @Option(names = "--debug", scope = ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean tty;
    private Messages messages;

    Main(PrintWriter out, PrintWriter err, boolean tty) {
        this.out = out;
        this.err = err;
        this.tty = tty;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err, terminal()));
    }

    /** Whether stdin and stdout are a terminal (on Java 17, the JVM's console is there only then). */
    @SuppressWarnings("SystemConsoleNull")
    private static boolean terminal() {
        return System.console() != null;
    }

    /** Runs briefpipe with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, boolean tty) {
        Messages.Lang lang = Language.early(args);
        Main main = new Main(out, err, tty);
        main.messages = Messages.of(lang);
        CommandLine cmd = new CommandLine(main);
        cmd.addSubcommand(new InitCommand());
        cmd.addSubcommand(new ValidateCommand());
        cmd.addSubcommand(new WatchCommand());
        cmd.addSubcommand(new BuildCommand());
        cmd.addSubcommand(new SendCommand());
        cmd.addSubcommand(new ScheduleCommand());
        cmd.addSubcommand(new JobsCommand());
        cmd.addSubcommand(new RunsCommand());
        cmd.addSubcommand(new CommandLine.HelpCommand());
        cmd.setResourceBundle(ResourceBundle.getBundle(
                "dev.briefpipe.cli.usage",
                lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionStrategy(pr -> {
            main.configureLogging();
            return new CommandLine.RunLast().execute(pr);
        });
        cmd.setExecutionExceptionHandler((e, c, pr) -> new ErrorReporter(main.context(null)).report(e));
        cmd.setParameterExceptionHandler(new UsageErrors(main.messages));
        return cmd.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    /** The shared context; the language is settled once config is loaded (--lang, env, config, default). */
    CliContext context(Settings settings) {
        if (settings != null && lang == null && System.getenv("BRIEFPIPE_LANG") == null) {
            messages = Messages.of(Language.fromConfig(settings.app().lang()));
        }
        boolean colour = tty && System.getenv("NO_COLOR") == null;
        return new CliContext(messages, out, err, colour, quiet, debug);
    }

    /** Progress on stderr ("[2/7] 검증…", and a bar for long stages), unless --quiet. */
    ProgressListener progress(CliContext ctx) {
        return ctx.quiet() ? ProgressListener.NONE : new ProgressBar(ctx, tty);
    }

    private void configureLogging() {
        Level level = debug || verbose.length > 1 ? Level.DEBUG : verbose.length == 1 ? Level.INFO : Level.WARN;
        ((Logger) LoggerFactory.getLogger("dev.briefpipe")).setLevel(level);
    }

    /** Supplies {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "briefpipe " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor", "") + ", "
                        + Locale.getDefault() + ")"
            };
        }
    }
}
