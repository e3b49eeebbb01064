package dev.briefpipe.cli;

import dev.briefpipe.config.ConfigException;
import dev.briefpipe.config.ConfigProblem;
import dev.briefpipe.run.DataInvalidException;
import dev.briefpipe.render.pdf.FontNotFoundException;
import dev.briefpipe.render.pdf.GlyphMissingException;
import dev.briefpipe.render.pdf.MissingGlyph;
import dev.briefpipe.export.report.TextReportWriter;
import dev.briefpipe.publish.WorkbookBusyException;
import dev.briefpipe.load.WorkbookReadException;
import java.io.PrintWriter;

/**
 * Turns what went wrong into one clear message on stderr and an exit code. Stack traces only with
 * {@code --debug}.
 */
final class ErrorReporter {
  private static final int SHOWN_FINDINGS = 20;
  private final CliContext ctx;

  ErrorReporter(CliContext ctx) {
    this.ctx = ctx;
  }

  int report(Exception e) {
    PrintWriter err = ctx.err();
    int code;
    if (e instanceof ConfigException c) {
      err.println(ctx.msg("cli.config-problems", c.problems().size()));
      for (ConfigProblem p : c.problems()) {
        err.println("  " + p.file() + (p.line() > 0 ? ":" + p.line() : "") + ": "
            + ctx.msg("config." + p.key(), p.argArray()));
        err.println("    " + ctx.msg("cli.fix", ctx.msg("config." + p.key() + ".fix", p.argArray())));
      }
      code = ExitCodes.USAGE;
    } else if (e instanceof UsageException u) {
      err.println(ctx.msg(u.key(), u.args()));
      code = ExitCodes.USAGE;
    } else if (e instanceof WorkbookReadException w) {
      err.println(ctx.msg("workbook." + w.reason(), w.file(), w.detail()));
      code = ExitCodes.USAGE;
    } else if (e instanceof DataInvalidException d) {
      new TextReportWriter(ctx.messages(), false, SHOWN_FINDINGS).write(d.report(), err);
      err.println(ctx.msg("cli.build-invalid"));
      code = ExitCodes.INVALID_DATA;
    } else if (e instanceof GlyphMissingException g) {
      for (MissingGlyph m : g.missing()) {
        err.println(ctx.msg("cli.glyph-missing", new String(Character.toChars(m.codePoint())), m.codePointLabel(),
            m.source() == null ? "config" : m.source().toString()));
      }
      err.println(ctx.msg("cli.build-invalid"));
      code = ExitCodes.INVALID_DATA;
    } else if (e instanceof FontNotFoundException f) {
      err.println(f.file() == null ? ctx.msg("cli.font-missing", String.join(", ", f.searched()))
          : ctx.msg("cli.font-unusable", f.file(), f.getMessage()));
      code = ExitCodes.USAGE;
    } else if (e instanceof WorkbookBusyException b) {
      err.println(ctx.msg("summary." + b.reason(), b.file(), b.lockFile() == null ? "" : b.lockFile().getFileName()));
      code = ExitCodes.RUNTIME;
    } else if (e instanceof dev.briefpipe.deliver.DeliveryException d) {
      err.println(ctx.msg("send.error", d.getMessage()));
      code = ExitCodes.RUNTIME;
    } else if (e instanceof dev.briefpipe.store.StoreException
        || e instanceof org.flywaydb.core.api.FlywayException
        || e instanceof com.zaxxer.hikari.pool.HikariPool.PoolInitializationException) {
      err.println(ctx.msg("store.error", e.getMessage()));
      code = ExitCodes.RUNTIME;
    } else {
      err.println(ctx.msg("cli.unexpected", e.toString()));
      code = ExitCodes.RUNTIME;
    }
    if (ctx.debug()) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
