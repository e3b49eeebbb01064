package dev.briefpipe.schedule;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.StoreException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.RunOutcome;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * briefpipe's scheduler: one durable, recoverable job per scheduled brief in the group "briefs",
 * with a cron trigger in the brief's time zone that, when missed while no node was running, fires
 * once as soon as one is. Triggers are kept across restarts; only a changed cron or zone replaces
 * one, so a missed fire is never lost to a restart.
 */
public final class BriefScheduler implements AutoCloseable {
    public static final String GROUP = "briefs";
    private static final Logger log = LoggerFactory.getLogger(BriefScheduler.class);
    private final Settings settings;
    private final BriefService service;
    private final Scheduler scheduler;

    public BriefScheduler(Settings settings, BriefService service) throws SchedulerException {
        this.settings = settings;
        this.service = service;
        this.scheduler = QuartzSchedulers.create(settings.app().scheduler(), service.database());
        this.scheduler.setJobFactory((bundle, s) -> new BriefJob(settings, service));
    }

    /** This node's id in the scheduler (Quartz's instance id). */
    public String instanceId() throws SchedulerException {
        return scheduler.getSchedulerInstanceId();
    }

    public Scheduler quartz() {
        return scheduler;
    }

    /** Brings jobs and cron triggers in line with the config; removes jobs of briefs no longer scheduled. */
    public void sync() throws SchedulerException {
        List<String> wanted = new ArrayList<>();
        for (BriefConfig b : settings.briefs().values()) {
            if (b.schedule() == null || b.schedule().cron() == null) {
                continue;
            }
            wanted.add(b.id());
            JobDetail job = JobBuilder.newJob(BriefJob.class)
                    .withIdentity(b.id(), GROUP)
                    .usingJobData(BriefJob.BRIEF, b.id())
                    .storeDurably()
                    .requestRecovery(true)
                    .withDescription(b.title())
                    .build();
            scheduler.addJob(job, true, true);
            TriggerKey key = TriggerKey.triggerKey("cron", b.id());
            Trigger existing = scheduler.getTrigger(key);
            TimeZone zone = TimeZone.getTimeZone(b.schedule().zone());
            if (sameSchedule(existing, b, zone)) {
                continue;
            }
            Trigger t = TriggerBuilder.newTrigger()
                    .withIdentity(key)
                    .forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(b.schedule().cron())
                            .inTimeZone(zone)
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            if (t.getFireTimeAfter(Date.from(Instant.now())) == null) { // a cron of a year gone by: Quartz refuses it
                scheduler.unscheduleJob(key);
                log.warn(
                        "{}: \"{}\" fires no more; nothing scheduled",
                        b.id(),
                        b.schedule().cron());
                continue;
            }
            if (existing == null) {
                try {
                    scheduler.scheduleJob(t);
                } catch (org.quartz.ObjectAlreadyExistsException e) {
                    // Another node of the cluster, starting at the same moment, stored it first.
                    if (sameSchedule(scheduler.getTrigger(key), b, zone)) {
                        continue;
                    }
                    scheduler.rescheduleJob(key, t);
                }
            } else {
                scheduler.rescheduleJob(key, t);
            }
            ZonedDateTime next = effective(b.id(), t.getNextFireTime(), true);
            log.info("{}: scheduled \"{}\" ({}), next {}", b.id(), b.schedule().cron(), zone.getID(), next);
        }
        for (JobKey k : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(k.getName())) {
                scheduler.deleteJob(k);
                log.info("{}: no longer scheduled; job removed", k.getName());
            }
        }
    }

    private static boolean sameSchedule(Trigger t, BriefConfig b, TimeZone zone) {
        return t instanceof CronTrigger c
                && c.getCronExpression().equals(b.schedule().cron())
                && c.getTimeZone().getID().equals(zone.getID());
    }

    /** Holds a brief's triggers without deleting them ({@code pause}), or lets them fire again. */
    public void pause(String brief, boolean pause) {
        try {
            if (pause) {
                scheduler.pauseJob(JobKey.jobKey(brief, GROUP));
            } else {
                scheduler.resumeJob(JobKey.jobKey(brief, GROUP));
            }
        } catch (SchedulerException e) {
            throw new StoreException(Phrase.of(pause ? "store.pause" : "store.resume", brief), e);
        }
    }

    public void start() throws SchedulerException {
        scheduler.start();
    }

    /** A job and its triggers, for {@code jobs}. */
    public record JobView(String brief, String title, List<TriggerView> triggers) {}

    /**
     * One trigger: name, kind of fire ({@code cron}, or a one-off's: retry, …), the cron expression and zone
     * (null for a one-off), a one-off's period and deadline, next and previous fire, and the next fire as it
     * will run (in the brief's zone; a cron fire moved past a weekend or holiday if on working days only).
     */
    public record TriggerView(
            String name,
            String kind,
            String schedule,
            String period,
            Instant deadline,
            Date next,
            Date previous,
            String state,
            ZonedDateTime effectiveNext) {
        /** In the reader's words: 예약, or a one-off fire's kind and period (재시도 2025-03). */
        public String named(Messages words) {
            return words.word("trigger", kind) + (period == null ? "" : " " + period);
        }
    }

    public List<JobView> jobs() {
        try {
            return jobViews();
        } catch (SchedulerException e) {
            throw new StoreException(Phrase.of("store.jobs-read"), e);
        }
    }

    /** A brief's triggers: its monthly one ({@code cron}) and any one-off fire (a retry, a move). */
    public List<TriggerView> triggers(String brief) {
        return jobs().stream()
                .filter(j -> j.brief().equals(brief))
                .flatMap(j -> j.triggers().stream())
                .toList();
    }

    /** The soonest of a brief's fires: its monthly one, or a retry (or a fire moved to a working day) before it. */
    public static Optional<TriggerView> soonest(List<TriggerView> triggers) {
        return triggers.stream()
                .filter(t -> t.effectiveNext() != null)
                .min(java.util.Comparator.comparing(TriggerView::effectiveNext));
    }

    /**
     * When a period waiting on its retries (for valid data or an approval) is missed: the deadline of its
     * pending retry; empty when none waits.
     */
    public Optional<Instant> deadline(BriefConfig brief, Period period) {
        try {
            return deadline(brief, scheduler.getTrigger(TriggerKey.triggerKey("retry-" + period, brief.id())));
        } catch (SchedulerException e) {
            return Optional.empty(); // the scheduler's tables cannot be read: no deadline is known
        }
    }

    /** A one-off fire's deadline, its origin's; none for the cron trigger or a brief gone from the config. */
    private static Optional<Instant> deadline(BriefConfig brief, Trigger t) {
        return t == null
                        || brief == null
                        || brief.schedule() == null
                        || !t.getJobDataMap().containsKey(BriefJob.ORIGIN)
                ? Optional.empty()
                : Optional.of(BriefJob.deadline(
                        brief, Instant.ofEpochMilli(t.getJobDataMap().getLong(BriefJob.ORIGIN))));
    }

    private List<JobView> jobViews() throws SchedulerException {
        List<JobView> out = new ArrayList<>();
        for (JobKey k : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            List<TriggerView> ts = new ArrayList<>();
            BriefConfig brief = settings.findBrief(k.getName()).orElse(null);
            for (Trigger t : scheduler.getTriggersOfJob(k)) {
                ts.add(new TriggerView(
                        t.getKey().getName(),
                        t instanceof CronTrigger ? "cron" : t.getJobDataMap().getString(BriefJob.KIND),
                        t instanceof CronTrigger c
                                ? c.getCronExpression() + " " + c.getTimeZone().getID()
                                : null,
                        t.getJobDataMap().getString(BriefJob.PERIOD),
                        deadline(brief, t).orElse(null),
                        t.getNextFireTime(),
                        t.getPreviousFireTime(),
                        scheduler.getTriggerState(t.getKey()).name(),
                        effective(k.getName(), t.getNextFireTime(), t instanceof CronTrigger)));
            }
            out.add(new JobView(k.getName(), scheduler.getJobDetail(k).getDescription(), ts));
        }
        return out;
    }

    /** When a fire will run: a cron fire (only) moves past a weekend or holiday, as the job moves it. */
    private ZonedDateTime effective(String brief, Date next, boolean cron) {
        BriefConfig b = settings.findBrief(brief).orElse(null);
        if (next == null || b == null) {
            return null;
        }
        ZonedDateTime at = next.toInstant().atZone(b.zone());
        return cron && b.schedule() != null && b.schedule().workingDaysOnly()
                ? new WorkingDays(settings.app().holidays()).onOrAfter(at)
                : at;
    }

    /**
     * {@code schedule --once}: for each scheduled brief, runs its latest due fire (on a weekend or holiday,
     * due the next working day) now, unless its period was delivered or the fire's run did its part; a
     * period still short of it at its deadline is recorded missed.
     */
    public Map<String, RunOutcome> runDueOnce() throws ParseException {
        Map<String, RunOutcome> out = new LinkedHashMap<>();
        for (BriefConfig b : settings.briefs().values()) {
            if (b.schedule() == null || b.schedule().cron() == null) {
                continue;
            }
            ZoneId zone = ZoneId.of(b.schedule().zone());
            Optional<Instant> fire = BriefJob.lastFire(b.schedule().cron(), zone, Instant.now());
            if (fire.isEmpty()) {
                continue;
            }
            ZonedDateTime due = effective(b.id(), Date.from(fire.get()), true);
            if (due.toInstant().isAfter(Instant.now())) {
                log.info("{}: the fire of {} moves to {}; not due yet", b.id(), fire.get(), due);
                continue;
            }
            Period period = b.periodAt(fire.get());
            out.put(
                    b.id() + " " + period,
                    service.runScheduled(b, period, RunTrigger.ONCE, fire.get(), BriefJob.deadline(b, fire.get())));
        }
        return out;
    }

    /** Stops the scheduler; {@code waitForJobs} lets a running build finish first. */
    public void shutdown(boolean waitForJobs) {
        try {
            scheduler.shutdown(waitForJobs);
        } catch (SchedulerException e) {
            log.warn("scheduler shutdown: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        shutdown(true);
    }
}
