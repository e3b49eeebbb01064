package dev.briefpipe.config;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Checks how a brief runs and looks: its style, its schedule's zone and period, its delivery's header texts. */
final class RunConfigChecker {
    private final ConfigProblems problems;

    RunConfigChecker(ConfigProblems problems) {
        this.problems = problems;
    }

    void check(BriefConfig brief) {
        checkScheduleAndDelivery(brief);
        checkStyle(brief);
    }

    private void checkStyle(BriefConfig brief) {
        StyleConfig st = brief.style();
        st.colors().forEach((name, value) -> {
            if (value == null || !value.matches("#[0-9A-Fa-f]{6}")) {
                problems.add("/style/colors/" + name, "bad-colour", name, String.valueOf(value));
            }
        });
        int total = st.footer().indexOf("{pages}");
        if (total >= 0 && total + "{pages}".length() != st.footer().length()) {
            problems.add("/style/footer", "footer-total-last", st.footer());
        }
    }

    private void checkScheduleAndDelivery(BriefConfig brief) {
        BriefConfig.ScheduleConfig s = brief.schedule();
        if (s != null && !java.util.Set.of("current", "previous").contains(s.period())) {
            problems.add("/schedule/period", "bad-period-mode", s.period());
        }
        if (s != null && s.zone() != null) {
            try {
                ZoneId.of(s.zone());
            } catch (DateTimeException e) {
                problems.add("/schedule/zone", "bad-zone", s.zone());
            }
        }
        BriefConfig.DeliveryConfig d = brief.delivery();
        if (d == null) {
            return;
        }
        for (String[] t : new String[][] {{"subject", d.subject()}, {"attachment", d.attachment()}}) {
            if (t[1].indexOf('\r') >= 0 || t[1].indexOf('\n') >= 0) {
                problems.add("/delivery/" + t[0], "line-break", t[0]);
            }
        }
    }
}
