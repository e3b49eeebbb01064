package dev.briefpipe.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Weekends, Korea's public holidays (computed each year, see {@link KoreanHolidays}) and the one-off days
 * the config lists (elections, a temporary holiday) are not working days; a fire on one moves on.
 */
public final class WorkingDays {
    private final Set<LocalDate> listed;
    private final Map<Integer, Set<LocalDate>> computed = new HashMap<>();

    /** @param listed the config's one-off days, as YYYY-MM-DD */
    public WorkingDays(Iterable<String> listed) {
        this.listed = StreamSupport.stream(listed.spliterator(), false)
                .map(LocalDate::parse)
                .collect(Collectors.toSet());
    }

    public boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY
                && d.getDayOfWeek() != DayOfWeek.SUNDAY
                && !listed.contains(d)
                && !computed.computeIfAbsent(d.getYear(), KoreanHolidays::of).contains(d);
    }

    /** The same local time on the first working day at or after {@code t}. */
    public ZonedDateTime onOrAfter(ZonedDateTime t) {
        ZonedDateTime d = t;
        while (!isWorkingDay(d.toLocalDate())) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Whether {@code d} is past the last year whose computed holidays were checked against the official ones. */
    public static boolean beyondVouched(LocalDate d) {
        return d.getYear() > KoreanHolidays.VOUCHED_THROUGH;
    }
}
