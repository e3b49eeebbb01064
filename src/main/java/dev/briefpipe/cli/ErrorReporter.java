package dev.briefpipe.cli;

import dev.briefpipe.export.report.TextReportWriter;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.Failure;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Turns what stopped a command into its sentences on stderr and its exit code: a {@link Failure}
 * carries both; a file the operating system refused is named with why (exit 3); anything else is
 * unexpected (exit 3). Stack traces only with {@code --debug}.
 */
final class ErrorReporter {
    private static final int SHOWN_FINDINGS = 20;
    private final CliContext ctx;

    ErrorReporter(CliContext ctx) {
        this.ctx = ctx;
    }

    int report(Exception e) {
        PrintWriter err = ctx.err();
        ExitCode code;
        if (e instanceof Failure f) {
            if (f instanceof DataInvalidException d) {
                new TextReportWriter(ctx.messages(), false, SHOWN_FINDINGS).write(d.report(), err);
            }
            f.explain().forEach(line -> err.println(ctx.messages().get(line)));
            code = f.exitCode();
        } else if ((e instanceof UncheckedIOException u ? u.getCause() : e) instanceof FileSystemException fs
                && fs.getFile() != null) {
            err.println(ctx.msg("cli.file-problem", shown(Path.of(fs.getFile())), why(fs)));
            code = ExitCode.RUNTIME;
        } else {
            // A library's own words stay for --debug (below), as for every other failure.
            err.println(ctx.msg("cli.unexpected"));
            code = ExitCode.RUNTIME;
        }
        if (ctx.debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    /** A file the operating system refused, as the user named it: a temporary file by its folder. */
    private static Path shown(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp") && file.getParent() != null ? file.getParent() : file;
    }

    /** Why, in the reader's words for the common cases, else as the operating system put it. */
    private String why(FileSystemException e) {
        String reason = String.valueOf(e.getReason());
        boolean fileInTheWay = e instanceof NotDirectoryException
                || reason.contains("Not a directory")
                // a folder was to be made where a file is
                || (e instanceof FileAlreadyExistsException && Files.isRegularFile(Path.of(e.getFile())));
        if (e instanceof NoSuchFileException) {
            return ctx.msg("cli.file.missing");
        } else if (e instanceof AccessDeniedException || reason.contains("Read-only")) {
            return ctx.msg("cli.file.denied");
        } else if (fileInTheWay) {
            return ctx.msg("cli.file.not-a-folder");
        } else if (e instanceof FileAlreadyExistsException) {
            return ctx.msg("cli.file.exists");
        } else if (reason.contains("No space left")) {
            return ctx.msg("cli.file.full");
        }
        return reason;
    }
}
