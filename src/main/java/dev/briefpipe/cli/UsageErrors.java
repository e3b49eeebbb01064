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
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = typed(u.getUnmatched().get(0), args);
            err.println(messages.get(word.startsWith("-") ? "usage.unknown-option" : "usage.unknown-argument", word));
            List<String> meant = option(cmd, word)
                    .map(List::of)
                    .orElseGet(() -> u.getSuggestions().stream()
                            .map(s ->
                                    s.startsWith("-") ? s : cmd.getCommandSpec().qualifiedName() + " " + s)
                            .toList());
            if (!meant.isEmpty()) {
                err.println(messages.get("usage.did-you-mean", String.join(", ", meant)));
            }
        } else {
            err.println(message(ex));
        }
        err.println(messages.get("usage.help", cmd.getCommandSpec().qualifiedName()));
        return ExitCode.USAGE.code();
    }

    /**
     * The word as it was typed: picocli reads {@code -version} as {@code -v} (--verbose) and tells of
     * {@code -ersion}, a word nobody typed.
     */
    private static String typed(String unmatched, String[] args) {
        if (unmatched.startsWith("-") && !unmatched.startsWith("--")) {
            for (String a : args) {
                if (a.startsWith("-")
                        && !a.startsWith("--")
                        && a.length() > unmatched.length()
                        && a.endsWith(unmatched.substring(1))) {
                    return a;
                }
            }
        }
        return unmatched;
    }

    /** The long option a word names without its two hyphens ({@code version}, {@code -debug}), if any. */
    private static java.util.Optional<String> option(CommandLine cmd, String word) {
        String bare = "--" + word.replaceFirst("^-+", "").split("=", 2)[0];
        return cmd.getCommandSpec().options().stream()
                .flatMap(o -> java.util.Arrays.stream(o.names()))
                .filter(n -> n.equals(bare) && !word.startsWith("--"))
                .findFirst();
    }

    private String message(ParameterException ex) {
        if (messages.lang() == Messages.Lang.EN) {
            return ex.getMessage();
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
