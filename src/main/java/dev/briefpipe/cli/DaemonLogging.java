package dev.briefpipe.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's logging: INFO to a file rolled daily (and at 20 MB), 30 days kept, and to stdout for
 * the daemon (systemd's journal, a container's log).
 */
final class DaemonLogging {
    private DaemonLogging() {}

    static void start(Path file, boolean debug, boolean toStdout) {
        LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = lc.getLogger(Logger.ROOT_LOGGER_NAME);
        String pattern = CommandLineLogging.FILE_PATTERN;

        RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
        rolling.setContext(lc);
        rolling.setName("daemon-file");
        rolling.setFile(file.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(lc);
        policy.setParent(rolling);
        policy.setFileNamePattern(file.toString().replaceFirst("\\.log$", "") + "-%d{yyyy-MM-dd}.%i.log.gz");
        policy.setMaxFileSize(FileSize.valueOf("20MB"));
        policy.setMaxHistory(30);
        policy.start();
        rolling.setRollingPolicy(policy);
        rolling.setEncoder(CommandLineLogging.encoder(lc, pattern));
        rolling.start();

        root.detachAndStopAllAppenders();
        if (toStdout) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(lc);
            console.setName("daemon-stdout");
            console.setEncoder(CommandLineLogging.encoder(lc, pattern));
            console.start();
            root.addAppender(console);
        }
        root.addAppender(rolling);
        root.setLevel(Level.WARN);
        lc.getLogger("dev.briefpipe").setLevel(debug ? Level.DEBUG : Level.INFO);
        lc.getLogger("org.quartz").setLevel(Level.INFO);
    }
}
