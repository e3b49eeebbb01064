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
     * Tells a daemon at its start that the mail server's password is missing from its environment (a
     * service's EnvironmentFile left out, say), which would otherwise show only when the month's brief
     * fails to go out.
     */
    static void tellMissingSecrets(Settings settings, CliContext ctx) {
        var mail = settings.app().mail();
        if (!mail.host().isBlank() && !mail.user().isBlank() && System.getenv(mail.passwordEnv()) == null) {
            ctx.err().println(ctx.msg("mail.no-password-env", mail.user(), mail.passwordEnv()));
            ctx.err().flush();
        }
    }
}
