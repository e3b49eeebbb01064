package dev.briefpipe.cli;

import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.i18n.Messages;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot read, told in the user's language: what is wrong, the commands or
 * options meant when a word is close to one, and where the usage is. Exit code 2, as for any misuse.
 * picocli's own sentences are in English only; those it has no Korean for here are shown as they are.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    private final Messages messages;

    UsageErrors(Messages messages) {
        this.messages = messages;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(message(ex));
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            List<String> meant = u.getSuggestions().stream()
                    .map(s -> s.startsWith("-") ? s : cmd.getCommandSpec().qualifiedName() + " " + s)
                    .toList();
            err.println(messages.get("usage.did-you-mean", String.join(", ", meant)));
        }
        err.println(messages.get("usage.help", cmd.getCommandSpec().qualifiedName()));
        return ExitCode.USAGE.code();
    }

    private String message(ParameterException ex) {
        if (messages.lang() == Messages.Lang.EN) {
            return ex.getMessage();
        }
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> words = u.getUnmatched();
            String first = words.isEmpty() ? "" : words.get(0);
            return messages.get(first.startsWith("-") ? "usage.unknown-option" : "usage.unknown-argument", first);
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            List<ArgSpec> missing = m.getMissing();
            String names =
                    String.join(", ", missing.stream().map(UsageErrors::name).toList());
            return ex.getMessage().startsWith("Missing required parameter for option")
                    ? messages.get(
                            "usage.missing-value",
                            names,
                            missing.isEmpty() ? "" : missing.get(0).paramLabel())
                    : messages.get("usage.missing", names);
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return messages.get("usage.repeated", name(o.getOverwritten()));
        }
        if (ex.getCause() instanceof CommandLine.TypeConversionException && ex.getArgSpec() != null) {
            ArgSpec spec = ex.getArgSpec();
            Class<?> type = spec.type();
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return messages.get("usage.bad-integer", name(spec), ex.getValue());
            }
            if (spec.paramLabel().contains("|")) {
                return messages.get(
                        "usage.bad-choice",
                        name(spec),
                        ex.getValue(),
                        spec.paramLabel().replace("|", ", "));
            }
            return messages.get("usage.bad-value", name(spec), ex.getValue(), spec.paramLabel());
        }
        return messages.get("usage.other", ex.getMessage());
    }

    /** Refuses an option's number below {@code min} as a usage error. */
    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new UsageException("usage.at-least", option, String.valueOf(value), String.valueOf(min));
        }
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
    }
}
