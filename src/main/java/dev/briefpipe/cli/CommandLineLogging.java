package dev.briefpipe.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import dev.briefpipe.deliver.Deliverer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Logging for command-line runs, set up in code (found by logback through its service file): briefpipe's
 * own warnings and errors on stderr, stdout left to reports; {@code -v} and {@code -vv} raise briefpipe's
 * loggers. The libraries' logs (POI's about a broken file, say) go to the log file in the state folder,
 * and to the terminal only with {@code -vv}. A line the command tells its reader itself, in their language
 * (marked {@link Deliverer#REPORTED_MARKER}), is kept off the terminal unless {@code -v}. The daemon sets up its own (see {@link DaemonLogging}). An
 * operator's own logback file, given with {@code -Dlogback.configurationFile=FILE}, still takes over.
 */
public final class CommandLineLogging extends ContextAwareBase implements Configurator {
    private static final String FILE = "briefpipe-file";
    private static volatile boolean librariesOnTerminal;
    private static volatile boolean reportedOnTerminal;

    @Override
    public ExecutionStatus configure(LoggerContext lc) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(lc);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder(lc, "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n"));
        stderr.addFilter(new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent e) {
                if (!reportedOnTerminal
                        && e.getMarkerList() != null
                        && e.getMarkerList().stream().anyMatch(m -> m.getName().equals(Deliverer.REPORTED_MARKER))) {
                    return FilterReply.DENY; // the command tells it in the reader's words
                }
                return librariesOnTerminal || e.getLoggerName().startsWith("dev.briefpipe")
                        ? FilterReply.NEUTRAL
                        : FilterReply.DENY;
            }
        });
        stderr.start();
        Logger root = lc.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        lc.getLogger("dev.briefpipe").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets briefpipe's level ({@code -v}: info, {@code -vv} or {@code --debug}: debug; libraries shown too with -vv). */
    static void verbosity(int verbose, boolean debug) {
        librariesOnTerminal = verbose > 1;
        reportedOnTerminal = verbose > 0 || debug;
        Level level = debug || verbose > 1 ? Level.DEBUG : verbose == 1 ? Level.INFO : Level.WARN;
        ((Logger) LoggerFactory.getLogger("dev.briefpipe")).setLevel(level);
    }

    /** Sends every log, the libraries' included, to {@code file} too (the state folder's log), once per file. */
    static synchronized void toFile(Path file) {
        if (System.getProperty("logback.configurationFile") != null
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext lc)) {
            return;
        }
        Logger root = lc.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(FILE) instanceof FileAppender<ILoggingEvent> f
                && file.toString().equals(f.getFile())) {
            return;
        }
        root.detachAppender(FILE);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return; // a read-only state folder: no log file, the run goes on
        }
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(lc);
        appender.setName(FILE);
        appender.setFile(file.toString());
        appender.setEncoder(encoder(lc, FILE_PATTERN));
        appender.start();
        root.addAppender(appender);
    }

    /**
     * A log file's line: the date and the zone offset, so a line read beside the run tables (which name
     * their zone) or on another machine says when it was written (the console's run excerpts read it).
     */
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS xxx} %-5level [%thread] %logger{0} - %msg%n";

    /** A started UTF-8 encoder with this pattern (the daemon's logging uses it too). */
    static PatternLayoutEncoder encoder(LoggerContext lc, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(lc);
        encoder.setPattern(pattern);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
