package dev.briefpipe.cli;

import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.model.Role;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.store.Users;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code users add|passwd|role|list|remove}: the console's users. A password is read from
 * {@code BRIEFPIPE_PASSWORD}, else typed at the terminal (not echoed), else read from standard input;
 * never taken from the command line, where other users of the machine could see it.
 */
@Command(name = "users", mixinStandardHelpOptions = true, sortOptions = false)
final class UsersCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config")
    Path config;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "analyst")
    String role;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "add|passwd|role|list|remove", descriptionKey = "action")
    String action;

    @Parameters(index = "1", paramLabel = "NAME", arity = "0..1", descriptionKey = "name")
    String name;

    @Override
    public Integer call() throws Exception {
        Settings settings = Configs.load(config);
        CliContext ctx = main.context(settings);
        if (!action.equals("list") && (name == null || name.isBlank())) {
            throw new UsageException("users.name-needed", action);
        }
        try (BriefService service = BriefService.open(settings, ProgressListener.NONE)) {
            Users users = new Users(service.database().dataSource());
            switch (action) {
                case "list" -> {
                    TextTable table = new TextTable(ctx.msg("users.columns"));
                    DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
                            .withZone(ZoneId.systemDefault());
                    List<Users.User> all = users.list();
                    all.forEach(u -> table.add(
                            u.name(), ctx.messages().word("role", u.role().id()), time.format(u.created())));
                    table.print(ctx.out());
                    if (all.isEmpty()) {
                        ctx.out().println(ctx.msg("users.none"));
                    }
                }
                case "add" -> {
                    Role r = role();
                    if (!users.add(name, r, password(ctx))) {
                        throw new UsageException(
                                "users.exists", users.taken(name).orElse(name));
                    }
                    service.audit().record(System.getProperty("user.name"), "user-add", null, null, name, r.id());
                    ctx.out()
                            .println(ctx.msg("users.added", name, ctx.messages().word("role", r.id())));
                }
                case "passwd" -> {
                    if (!users.passwd(name, password(ctx))) {
                        throw new UsageException("users.unknown", name);
                    }
                    service.audit().record(System.getProperty("user.name"), "user-passwd", null, null, name, null);
                    ctx.out().println(ctx.msg("users.changed", name));
                }
                case "role" -> {
                    // Named, never the default: a forgotten --role must not make an admin an analyst.
                    if (!spec.commandLine().getParseResult().hasMatchedOption("--role")) {
                        throw new UsageException("users.role-needed", name);
                    }
                    Role r = role();
                    if (!users.role(name, r)) {
                        throw new UsageException("users.unknown", name);
                    }
                    service.audit().record(System.getProperty("user.name"), "user-role", null, null, name, r.id());
                    ctx.out()
                            .println(ctx.msg(
                                    "users.role-changed", name, ctx.messages().word("role", r.id())));
                }
                case "remove" -> {
                    if (!users.remove(name)) {
                        throw new UsageException("users.unknown", name);
                    }
                    service.audit().record(System.getProperty("user.name"), "user-remove", null, null, name, null);
                    ctx.out().println(ctx.msg("users.removed", name));
                }
                default -> throw new UsageException("users.action", action);
            }
            ctx.out().flush();
            return ExitCode.OK.code();
        }
    }

    private Role role() {
        try {
            return Role.of(role);
        } catch (IllegalArgumentException e) {
            throw new UsageException("users.role", role);
        }
    }

    @SuppressWarnings("SystemConsoleNull") // briefpipe runs on JDK 17, where null means no terminal
    private static char[] password(CliContext ctx) throws IOException {
        String env = System.getenv("BRIEFPIPE_PASSWORD");
        char[] p;
        if (env != null) {
            p = env.toCharArray();
        } else {
            Console console = System.console();
            if (console != null) {
                p = console.readPassword("%s", ctx.msg("users.prompt"));
            } else {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = in.readLine();
                p = line == null ? new char[0] : line.toCharArray();
            }
        }
        if (p == null || p.length < Users.MIN_PASSWORD) {
            if (p != null) {
                Arrays.fill(p, ' ');
            }
            throw new UsageException("users.short", Users.MIN_PASSWORD);
        }
        return p;
    }
}
