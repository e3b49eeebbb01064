package dev.briefpipe.cli;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.model.Period;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every brief command takes: where the config is, which brief, which workbook. */
final class BriefOptions {
    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config")
    Path config;

    @Option(names = "--brief", paramLabel = "ID")
    String brief;

    @Option(names = "--workbook", paramLabel = "FILE")
    Path workbook;

    Settings load() {
        return Configs.load(config);
    }

    /** The chosen brief: --brief, or the only one there is. */
    BriefConfig brief(Settings settings) {
        return choose(settings, brief);
    }

    /** The brief named {@code brief}, or the only one there is when it is null. */
    static BriefConfig choose(Settings settings, String brief) {
        if (brief == null) {
            if (settings.briefIds().size() == 1) {
                return settings.briefs().values().iterator().next();
            }
            throw new UsageException("cli.brief-required", String.join(", ", settings.briefIds()));
        }
        return settings.findBrief(brief)
                .orElseThrow(
                        () -> new UsageException("cli.brief-unknown", brief, String.join(", ", settings.briefIds())));
    }

    /** A period the user typed ("2025-03"); a usage error in their words when it is not one. */
    static Period period(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cli.bad-period", text);
        }
    }

    /** The period typed, or the one a build now reports on (this month, or the last with {@code period: previous}). */
    static Period periodOr(String text, BriefConfig brief) {
        return text == null ? brief.periodAt(java.time.Instant.now()) : period(text);
    }

    Path workbook(Settings settings, BriefConfig b) {
        return workbook != null ? workbook.toAbsolutePath().normalize() : settings.workbookOf(b);
    }
}
