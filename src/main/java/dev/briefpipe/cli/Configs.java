package dev.briefpipe.cli;

import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.DeliveryCheck;
import dev.briefpipe.schedule.ScheduleCheck;
import java.nio.file.Path;
import java.util.List;

/** The config as every command loads it: the config package's checks and those of schedule and mail. */
final class Configs {
    private Configs() {}

    static Settings load(Path dir) {
        return new ConfigLoader(List.of(new ScheduleCheck(), new DeliveryCheck())).load(dir);
    }

    /**
     * Tells a daemon ({@code schedule}, {@code serve}) at its start what would otherwise show only at the
     * month's fire: the mail server's password missing from its environment (a service's EnvironmentFile
     * left out), or approval requests that would carry no link to the console.
     */
    static void tellDaemonMistakes(Settings settings, CliContext ctx) {
        var mail = settings.app().mail();
        if (!mail.host().isBlank() && !mail.user().isBlank() && System.getenv(mail.passwordEnv()) == null) {
            ctx.err().println(ctx.msg("mail.no-password-env", mail.user(), mail.passwordEnv()));
        }
        if (settings.app().consoleUrl().isEmpty()
                && settings.briefs().values().stream()
                        .anyMatch(b -> b.delivery().approvalRequired())) {
            ctx.err()
                    .println(
                            ctx.msg("serve.no-console-url", settings.configDir().resolve(ConfigLoader.APP_FILE)));
        }
        ctx.err().flush();
    }
}
