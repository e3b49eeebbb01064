package dev.briefpipe.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/** Checks how a brief runs and looks: its style, its schedule and its delivery's addresses. */
final class RunConfigChecker {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
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
                problem("/style/colors/" + name, "bad-colour", name, String.valueOf(value));
            }
        });
        int total = st.footer().indexOf("{pages}");
        if (total >= 0 && total + "{pages}".length() != st.footer().length()) {
            problem("/style/footer", "footer-total-last", st.footer());
        }
    }

    private void checkScheduleAndDelivery(BriefConfig brief) {
        BriefConfig.ScheduleConfig s = brief.schedule();
        if (s != null && s.cron() != null) {
            try {
                CronExpression.validateExpression(s.cron());
            } catch (java.text.ParseException e) {
                problem("/schedule/cron", "bad-cron", s.cron(), e.getMessage());
            }
        }
        if (s != null && !java.util.Set.of("current", "previous").contains(s.period())) {
            problem("/schedule/period", "bad-period-mode", s.period());
        }
        if (s != null && s.zone() != null) {
            try {
                ZoneId.of(s.zone());
            } catch (DateTimeException e) {
                problem("/schedule/zone", "bad-zone", s.zone());
            }
        }
        BriefConfig.DeliveryConfig d = brief.delivery();
        if (d == null) {
            return;
        }
        for (String[] t : new String[][] {{"subject", d.subject()}, {"attachment", d.attachment()}}) {
            if (t[1].indexOf('\r') >= 0 || t[1].indexOf('\n') >= 0) {
                problem("/delivery/" + t[0], "line-break", t[0]);
            }
        }
        Map<String, List<String>> groups = Map.of("to", d.to(), "cc", d.cc(), "bcc", d.bcc(), "analysts", d.analysts());
        groups.forEach((g, list) -> {
            for (int i = 0; i < list.size(); i++) {
                String addr = list.get(i);
                if (!isAddress(addr)) {
                    problem("/delivery/" + g + "/" + i, "bad-email", String.valueOf(addr));
                }
            }
        });
    }

    /** One plain address (name@domain), strictly parsed; no display names, lists or line breaks. */
    private static boolean isAddress(String addr) {
        if (addr == null || !EMAIL.matcher(addr).matches()) {
            return false;
        }
        try {
            InternetAddress a = new InternetAddress(addr, true);
            return a.getAddress().equals(addr);
        } catch (AddressException e) {
            return false;
        }
    }

    private void problem(String pointer, String key, Object... args) {
        problems.add(pointer, key, args);
    }
}
