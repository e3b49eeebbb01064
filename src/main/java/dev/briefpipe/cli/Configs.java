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
}
