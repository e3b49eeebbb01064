package dev.briefpipe.schedule;

import dev.briefpipe.config.BriefCheck;
import dev.briefpipe.config.BriefConfig;
import java.text.ParseException;
import org.quartz.CronExpression;

/** A brief's cron expression, as Quartz reads it. */
public final class ScheduleCheck implements BriefCheck {
    @Override
    public void check(BriefConfig brief, Problems problems) {
        BriefConfig.ScheduleConfig s = brief.schedule();
        if (s != null && s.cron() != null) {
            try {
                CronExpression.validateExpression(s.cron());
            } catch (ParseException e) {
                problems.add("/schedule/cron", "bad-cron", s.cron(), e.getMessage());
            }
        }
    }
}
