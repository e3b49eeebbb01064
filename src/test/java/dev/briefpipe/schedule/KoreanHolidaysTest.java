package dev.briefpipe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The computed holidays against the government's published calendars (one-off days aside). */
class KoreanHolidaysTest {
    private static Set<LocalDate> dates(String... days) {
        return Stream.of(days).map(LocalDate::parse).collect(Collectors.toSet());
    }

    @Test
    void theYearsPublishedSoFarComeOutAsPublished() {
        assertThat(KoreanHolidays.of(2024))
                .containsExactlyInAnyOrderElementsOf(dates(
                        "2024-01-01",
                        "2024-02-09",
                        "2024-02-10",
                        "2024-02-11",
                        "2024-02-12",
                        "2024-03-01",
                        "2024-05-05",
                        "2024-05-06",
                        "2024-05-15",
                        "2024-06-06",
                        "2024-08-15",
                        "2024-09-16",
                        "2024-09-17",
                        "2024-09-18",
                        "2024-10-03",
                        "2024-10-09",
                        "2024-12-25"));
        // 5 May: 어린이날 and 부처님오신날 on one day; 추석 on a Sunday (5 October).
        assertThat(KoreanHolidays.of(2025))
                .containsExactlyInAnyOrderElementsOf(dates(
                        "2025-01-01",
                        "2025-01-28",
                        "2025-01-29",
                        "2025-01-30",
                        "2025-03-01",
                        "2025-03-03",
                        "2025-05-05",
                        "2025-05-06",
                        "2025-06-06",
                        "2025-08-15",
                        "2025-10-03",
                        "2025-10-05",
                        "2025-10-06",
                        "2025-10-07",
                        "2025-10-08",
                        "2025-10-09",
                        "2025-12-25"));
        assertThat(KoreanHolidays.of(2026))
                .containsExactlyInAnyOrderElementsOf(dates(
                        "2026-01-01",
                        "2026-02-16",
                        "2026-02-17",
                        "2026-02-18",
                        "2026-03-01",
                        "2026-03-02",
                        "2026-05-05",
                        "2026-05-24",
                        "2026-05-25",
                        "2026-06-06",
                        "2026-07-17",
                        "2026-08-15",
                        "2026-08-17",
                        "2026-09-24",
                        "2026-09-25",
                        "2026-09-26",
                        "2026-10-03",
                        "2026-10-05",
                        "2026-10-09",
                        "2026-12-25"));
    }

    @Test
    void substituteDaysFollowTheRulesInForce() {
        Set<LocalDate> y2027 = KoreanHolidays.of(2027);
        // 설날 2027 ends on a Sunday; Saturday 17 July (제헌절), 9 October (한글날) and Christmas give
        // Mondays back.
        assertThat(y2027)
                .contains(
                        LocalDate.parse("2027-02-09"),
                        LocalDate.parse("2027-07-17"),
                        LocalDate.parse("2027-07-19"),
                        LocalDate.parse("2027-10-11"),
                        LocalDate.parse("2027-12-27"));
        // 제헌절 was a working day from 2008 to 2025.
        assertThat(KoreanHolidays.of(2025)).doesNotContain(LocalDate.parse("2025-07-17"));
        // 현충일 and 신정 never do.
        assertThat(KoreanHolidays.of(2022)).doesNotContain(LocalDate.parse("2022-06-07"));
    }

    @Test
    void newYearsDayOf2027IsNoLongerAWorkingDayAndTheFireMovesOn() {
        WorkingDays days = new WorkingDays(List.of());
        ZonedDateTime fire = ZonedDateTime.of(2027, 1, 1, 9, 0, 0, 0, ZoneId.of("Asia/Seoul"));
        assertThat(days.isWorkingDay(fire.toLocalDate())).isFalse();
        assertThat(days.onOrAfter(fire).toLocalDate()).isEqualTo(LocalDate.parse("2027-01-04"));
        assertThat(WorkingDays.beyondVouched(LocalDate.parse("2031-01-01"))).isTrue();
        assertThat(new WorkingDays(List.of("2026-06-03")).isWorkingDay(LocalDate.parse("2026-06-03")))
                .isFalse();
    }
}
