package dev.briefpipe.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Collectors;

/** Weekends and the configured public holidays are not working days; a fire on one moves on. */
public final class WorkingDays {
    private final Set<LocalDate> holidays;

    /** @param holidays dates as YYYY-MM-DD */
    public WorkingDays(Iterable<String> holidays) {
        java.util.List<String> list = new java.util.ArrayList<>();
        holidays.forEach(list::add);
        this.holidays = list.stream().map(LocalDate::parse).collect(Collectors.toSet());
    }

    public boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    /** The same local time on the first working day at or after {@code t}. */
    public ZonedDateTime onOrAfter(ZonedDateTime t) {
        ZonedDateTime d = t;
        while (!isWorkingDay(d.toLocalDate())) {
            d = d.plusDays(1);
        }
        return d;
    }
}
