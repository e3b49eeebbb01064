package dev.briefpipe.schedule;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.RunOutcome;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.PersistJobDataAfterExecution;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fire of a brief's schedule. Works out the period and the kind of fire (on time, caught up
 * after downtime, a retry, a move to the next working day), lets {@link BriefService} run it, and
 * when the data is not ready, the PDF not approved or the mail failed, schedules a retry until the
 * brief's deadline, then marks the period missed (and tells its owners, again later should the mail
 * server be down then). Quartz runs one brief's job only once at a time.
 */
@DisallowConcurrentExecution
@PersistJobDataAfterExecution
public final class BriefJob implements Job {
    static final String BRIEF = "brief";
    /** Job data of a one-off fire (a retry, a move): the period it reports on… */
    public static final String PERIOD = "period";
    /** …its kind of fire… */
    public static final String KIND = "kind";
    /** …and the fire it goes back to, whose deadline it keeps. */
    public static final String ORIGIN = "origin";

    private static final Logger log = LoggerFactory.getLogger(BriefJob.class);
    private final Settings settings;
    private final BriefService service;
    private final long misfireMillis;

    BriefJob(Settings settings, BriefService service) {
        this.settings = settings;
        this.service = service;
        this.misfireMillis = settings.app().scheduler().misfireMillis();
    }

    @Override
    public void execute(JobExecutionContext ctx) throws JobExecutionException {
        JobDataMap data = ctx.getMergedJobDataMap();
        String id = data.getString(BRIEF);
        BriefConfig brief = settings.findBrief(id).orElse(null);
        if (brief == null || brief.schedule() == null) {
            log.warn("no scheduled brief {} in config; fire ignored", id);
            return;
        }
        ZoneId zone = ZoneId.of(brief.schedule().zone());
        Instant scheduled = ctx.getScheduledFireTime().toInstant();
        log.info("{}: fire of {} on {}", id, scheduled, ctx.getScheduler() == null ? "?" : instance(ctx));
        List<Path> edited = settings.files().changed();
        if (!edited.isEmpty()) {
            log.warn(
                    "{}: the config changed since this process started ({}); this fire runs with the config as it"
                            + " was read then: restart briefpipe to apply the change",
                    id,
                    edited);
        }
        Instant origin = data.containsKey(ORIGIN) ? Instant.ofEpochMilli(data.getLong(ORIGIN)) : scheduled;
        RunTrigger kind = data.containsKey(KIND) ? RunTrigger.of(data.getString(KIND)) : RunTrigger.CRON;
        if (ctx.isRecovering()) {
            // A node died while running this fire; Quartz's recovery trigger carries the original fire time.
            String original =
                    data.getString(org.quartz.Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            if (original != null) {
                scheduled = Instant.ofEpochMilli(Long.parseLong(original));
                origin = data.containsKey(ORIGIN) ? origin : scheduled;
            }
            log.warn("{}: recovering the fire of {} left unfinished by a stopped node", id, scheduled);
            kind = RunTrigger.RECOVERY;
        } else if (!data.containsKey(KIND)) {
            Optional<Instant> missed = missedFire(ctx, zone);
            if (missed.isPresent()) {
                // Quartz's "fire once now" after a misfire reports now as the scheduled time; the fire it
                // stands for is the latest one the cron expression allowed.
                kind = RunTrigger.CATCH_UP;
                origin = missed.get();
            } else if (ctx.getFireTime().toInstant().toEpochMilli() - scheduled.toEpochMilli() > misfireMillis) {
                kind = RunTrigger.CATCH_UP;
            }
        }
        Period period = data.containsKey(PERIOD) ? Period.parse(data.getString(PERIOD)) : brief.periodAt(origin);
        try {
            if (kind == RunTrigger.DEADLINE) {
                tellOwners(ctx, brief, period, origin);
                return;
            }
            if (brief.schedule().workingDaysOnly() && (kind == RunTrigger.CRON || kind == RunTrigger.CATCH_UP)) {
                ZonedDateTime at = scheduled.atZone(zone);
                ZonedDateTime working = new WorkingDays(settings.app().holidays()).onOrAfter(at);
                if (!working.equals(at) && working.toInstant().isAfter(Instant.now())) {
                    log.info("{} {}: {} is not a working day; moved to {}", id, period, at.toLocalDate(), working);
                    later(ctx, "moved-" + period, working.toInstant(), period, kind, origin);
                    return;
                }
            }
            RunOutcome outcome = service.runScheduled(brief, period, kind, scheduled, deadline(brief, origin));
            if (outcome.triedAgain()) {
                retryOrGiveUp(ctx, brief, period, origin, outcome.status());
            }
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
    }

    /** @param last how the period's run ended: invalid data, awaiting approval, or failed */
    private void retryOrGiveUp(
            JobExecutionContext ctx, BriefConfig brief, Period period, Instant origin, RunStatus last)
            throws SchedulerException {
        Instant next = Instant.now().plus(Duration.ofMinutes(brief.schedule().retryMinutes()));
        Instant deadline = deadline(brief, origin);
        if (next.isBefore(deadline)) {
            log.info("{} {}: {}; retry at {} (deadline {})", brief.id(), period, last, next, deadline);
            later(ctx, "retry-" + period, next, period, RunTrigger.RETRY, origin);
            if (remindNow(Instant.now(), deadline, brief.schedule().deadlineDays())) {
                if (last == RunStatus.AWAITING_APPROVAL) {
                    service.remindOfApproval(brief, period, deadline);
                } else if (last == RunStatus.INVALID_DATA) {
                    service.remindAnalysts(brief, period, "notice.overdue", deadline);
                } // the owners heard of a failure when it happened
            }
        } else {
            log.error("{} {}: still {} at the deadline {}; the period is missed", brief.id(), period, last, deadline);
            if (!service.markMissed(brief, period, deadline, last)) { // the mail server down: tell them later
                later(ctx, "missed-" + period, next, period, RunTrigger.DEADLINE, origin);
            }
        }
    }

    /**
     * A missed period's letter to the owners, tried again while it has not reached them all (the mail
     * server down at the deadline), every retry interval for as many days as the deadline gave.
     */
    private void tellOwners(JobExecutionContext ctx, BriefConfig brief, Period period, Instant origin)
            throws SchedulerException {
        Instant next = Instant.now().plus(Duration.ofMinutes(brief.schedule().retryMinutes()));
        Instant until = deadline(brief, origin)
                .plus(Duration.ofDays(Math.max(1, brief.schedule().deadlineDays())));
        if (!service.toldMissed(brief, period) && next.isBefore(until)) {
            log.warn(
                    "{} {}: the owners have not all been told the period was missed; again at {}",
                    brief.id(),
                    period,
                    next);
            later(ctx, "missed-" + period, next, period, RunTrigger.DEADLINE, origin);
        }
    }

    /** When a period is missed that waits on the retries of a fire (the origin of its retries). */
    static Instant deadline(BriefConfig brief, Instant origin) {
        return origin.plus(Duration.ofDays(brief.schedule().deadlineDays()));
    }

    /**
     * Whether those a waiting period waits on (approvers, or analysts to mend its workbook) are reminded
     * now: in the last day before the deadline (the last half of a shorter wait).
     */
    static boolean remindNow(Instant now, Instant deadline, int deadlineDays) {
        Duration lead = Duration.ofHours(Math.min(24, 12L * deadlineDays));
        return !lead.isZero() && !now.plus(lead).isBefore(deadline);
    }

    /** Schedules a one-off fire of this brief's job (replacing an earlier one of the same name). */
    private static void later(
            JobExecutionContext ctx, String name, Instant at, Period period, RunTrigger kind, Instant origin)
            throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey(name, ctx.getJobDetail().getKey().getName());
        Trigger t = TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(ctx.getJobDetail())
                .startAt(Date.from(at))
                .usingJobData(PERIOD, period.toString())
                .usingJobData(KIND, kind.id())
                .usingJobData(ORIGIN, origin.toEpochMilli())
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        if (ctx.getScheduler().checkExists(key)) {
            ctx.getScheduler().rescheduleJob(key, t);
        } else {
            ctx.getScheduler().scheduleJob(t);
        }
    }

    /** For a cron fire at a time its expression does not allow (a misfire fired now): the missed fire. */
    private static Optional<Instant> missedFire(JobExecutionContext ctx, ZoneId zone) {
        if (!(ctx.getTrigger() instanceof CronTrigger cron)) {
            return Optional.empty();
        }
        try {
            CronExpression c = new CronExpression(cron.getCronExpression());
            c.setTimeZone(cron.getTimeZone());
            if (c.isSatisfiedBy(ctx.getScheduledFireTime())) {
                return Optional.empty();
            }
            return lastFire(
                    cron.getCronExpression(), zone, ctx.getScheduledFireTime().toInstant());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The latest fire of a cron expression at or before {@code now}, looking back a minute, an hour, a
     * day, 40 days and 400 days in turn (so a per-second schedule is not walked for a year).
     */
    static Optional<Instant> lastFire(String cron, ZoneId zone, Instant now) throws ParseException {
        CronExpression c = new CronExpression(cron);
        c.setTimeZone(TimeZone.getTimeZone(zone));
        for (long window : new long[] {60, 3600, 86_400, 40 * 86_400L, 400 * 86_400L}) {
            Date t = c.getNextValidTimeAfter(Date.from(now.minusSeconds(window)));
            Date last = null;
            while (t != null && !t.toInstant().isAfter(now)) {
                last = t;
                t = c.getNextValidTimeAfter(t);
            }
            if (last != null) {
                return Optional.of(last.toInstant());
            }
        }
        return Optional.empty();
    }

    private static String instance(JobExecutionContext ctx) {
        try {
            return ctx.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "?";
        }
    }
}
