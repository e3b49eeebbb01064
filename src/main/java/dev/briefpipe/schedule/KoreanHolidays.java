package dev.briefpipe.schedule;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Korea's public holidays of a year, computed: the fixed ones, 설날, 부처님오신날 and 추석 from the Korean
 * lunar calendar (ICU4J's Dangi calendar), 제헌절 again from 2026 (the amended 공휴일에 관한 법률 makes
 * every national day a public holiday), and the substitute holidays (대체공휴일) by the rules in force
 * since 2023. One-off days (elections, a temporary holiday) are not computable: the config lists
 * them.
 */
public final class KoreanHolidays {
    /** The last year whose holidays were checked against the government's published calendar. */
    public static final int VOUCHED_THROUGH = 2030;

    private KoreanHolidays() {}

    /** The public holidays of {@code year}, substitute holidays included. */
    public static Set<LocalDate> of(int year) {
        Set<LocalDate> days = new TreeSet<>();
        List<LocalDate> anyDay = new ArrayList<>(); // substitute when on a Saturday, a Sunday or another holiday
        List<LocalDate> sundays = new ArrayList<>(); // 설날 and 추석: substitute when on a Sunday or another holiday
        LocalDate newYear = LocalDate.of(year, 1, 1);
        days.add(newYear);
        LocalDate seollal = lunar(year, 1, 1);
        sundays.addAll(List.of(seollal.minusDays(1), seollal, seollal.plusDays(1)));
        LocalDate chuseok = lunar(year, 8, 15);
        sundays.addAll(List.of(chuseok.minusDays(1), chuseok, chuseok.plusDays(1)));
        anyDay.add(LocalDate.of(year, Month.MARCH, 1)); // 삼일절
        anyDay.add(LocalDate.of(year, Month.MAY, 5)); // 어린이날
        anyDay.add(lunar(year, 4, 8)); // 부처님오신날
        days.add(LocalDate.of(year, Month.JUNE, 6)); // 현충일: no substitute
        if (year >= 2026) {
            anyDay.add(LocalDate.of(year, Month.JULY, 17)); // 제헌절, a public holiday again from 2026
        }
        anyDay.add(LocalDate.of(year, Month.AUGUST, 15)); // 광복절
        anyDay.add(LocalDate.of(year, Month.OCTOBER, 3)); // 개천절
        anyDay.add(LocalDate.of(year, Month.OCTOBER, 9)); // 한글날
        anyDay.add(LocalDate.of(year, Month.DECEMBER, 25)); // 성탄절
        List<LocalDate> all = new ArrayList<>(days);
        all.addAll(sundays);
        all.addAll(anyDay);
        days.addAll(all);
        // Each holiday that a weekend day (or another holiday) swallows gives back the next free weekday.
        for (LocalDate d : new TreeSet<>(all)) {
            boolean weekendRule = anyDay.contains(d);
            boolean sundayRule = sundays.contains(d);
            boolean lost = (weekendRule && weekend(d))
                    || (sundayRule && d.getDayOfWeek() == DayOfWeek.SUNDAY)
                    || ((weekendRule || sundayRule) && all.indexOf(d) != all.lastIndexOf(d));
            if (lost) {
                LocalDate next = d.plusDays(1);
                while (weekend(next) || days.contains(next)) {
                    next = next.plusDays(1);
                }
                days.add(next);
            }
        }
        return days;
    }

    /** The Gregorian date of a day of the Korean lunar calendar (month 1–12, not a leap month) in {@code year}. */
    static LocalDate lunar(int year, int month, int day) {
        TimeZone seoul = TimeZone.getTimeZone("Asia/Seoul");
        GregorianCalendar g = new GregorianCalendar(seoul);
        g.clear();
        // The lunar year that begins in this Gregorian year has begun by 1 March (설날 is in January or February).
        g.set(year, Calendar.MARCH, 1, 12, 0);
        Calendar dangi = Calendar.getInstance(seoul, new ULocale("ko_KR@calendar=dangi"));
        dangi.setTimeInMillis(g.getTimeInMillis());
        int lunarYear = dangi.get(Calendar.EXTENDED_YEAR);
        dangi.clear();
        dangi.set(Calendar.EXTENDED_YEAR, lunarYear);
        dangi.set(Calendar.MONTH, month - 1);
        dangi.set(Calendar.IS_LEAP_MONTH, 0);
        dangi.set(Calendar.DATE, day);
        dangi.set(Calendar.HOUR_OF_DAY, 12);
        g.setTimeInMillis(dangi.getTimeInMillis());
        return LocalDate.of(g.get(Calendar.YEAR), g.get(Calendar.MONTH) + 1, g.get(Calendar.DATE));
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
