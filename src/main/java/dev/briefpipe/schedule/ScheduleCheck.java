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
                // Quartz's English stays out of the sentence; the two usual slips are named.
                int fields = s.cron().trim().split("\\s+").length;
                String key = fields < 6 || fields > 7
                        ? "bad-cron-fields"
                        : String.valueOf(e.getMessage()).contains("day-of-week AND a day-of-month")
                                ? "bad-cron-days"
                                : "bad-cron";
                problems.add("/schedule/cron", key, s.cron(), fields);
            }
        }
    }
}
