package dev.briefpipe.cli;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.export.template.TemplateWriter;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code init}: writes an empty template workbook from a brief's schema, by default where the brief's
 * config says its workbook is. Never replaces a file.
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false)
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config")
    Path config;

    @Option(names = "--brief", paramLabel = "ID")
    String brief;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "init.out")
    Path out;

    @Override
    public Integer call() throws Exception {
        Settings settings = Configs.load(config);
        CliContext ctx = main.context(settings);
        BriefConfig b = BriefOptions.choose(settings, brief);
        Path target =
                (out == null ? settings.workbookOf(b) : out).toAbsolutePath().normalize();
        if (!target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new UsageException("cli.init-not-xlsx", target);
        }
        if (Files.exists(target)) {
            throw new UsageException("cli.init-exists", target);
        }
        // The template is the brief's analysts' for months: its help is in the brief's language, as its PDF.
        AtomicFiles.write(target, new TemplateWriter(Messages.forLocale(b.locale())).write(b));
        ctx.out().println(ctx.msg("cli.init-written", target, b.sheets().size()));
        return ExitCode.OK.code();
    }
}
