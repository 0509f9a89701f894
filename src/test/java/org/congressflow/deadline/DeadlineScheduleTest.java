package org.congressflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.congressflow.campaign.CampaignDefinition.DeadlinePolicy;
import org.congressflow.campaign.DueDates;
import org.junit.jupiter.api.Test;

/** Reminder and escalation dates of a deadline, in calendar days and in working days around Tết 2020. */
class DeadlineScheduleTest {

  private static final List<LocalDate> TET_2020 = List.of(LocalDate.of(2020, 1, 23), LocalDate.of(2020, 1, 24),
      LocalDate.of(2020, 1, 25), LocalDate.of(2020, 1, 26), LocalDate.of(2020, 1, 27), LocalDate.of(2020, 1, 28),
      LocalDate.of(2020, 1, 29));
  private static final DeadlinePolicy CALENDAR_DAYS = new DeadlinePolicy(List.of(14, 3), 7, false, TET_2020, Map.of(), null);
  private static final DeadlinePolicy WORKING_DAYS = new DeadlinePolicy(List.of(14, 3), 7, true, TET_2020, Map.of(), null);

  @Test
  void calendarDaysCountEveryDayEvenTet() {
    var schedule = new DeadlineSchedule(LocalDate.of(2020, 2, 10), CALENDAR_DAYS);

    assertThat(day(schedule.reminderAt(14))).isEqualTo(LocalDate.of(2020, 1, 27));
    assertThat(day(schedule.reminderAt(3))).isEqualTo(LocalDate.of(2020, 2, 7));
  }

  @Test
  void workingDaysSkipWeekendsAndTheConfiguredTetHolidays() {
    var schedule = new DeadlineSchedule(LocalDate.of(2020, 2, 10), WORKING_DAYS);

    // 7 working days back to 30 Jan, then the Tết week is skipped, 7 more back to 14 Jan
    assertThat(day(schedule.reminderAt(14))).isEqualTo(LocalDate.of(2020, 1, 14));
    assertThat(day(schedule.reminderAt(3))).isEqualTo(LocalDate.of(2020, 2, 5));
    assertThat(new DeadlineCalendar(WORKING_DAYS).plus(LocalDate.of(2020, 1, 22), 1)).isEqualTo(LocalDate.of(2020, 1, 30));
  }

  @Test
  void alarmsComeInOrderAndTheEscalationAfterTheDeadlineDay() {
    var schedule = new DeadlineSchedule(LocalDate.of(2020, 3, 31), CALENDAR_DAYS);

    assertThat(schedule.alarmAt(at(2020, 3, 17, 6)).kind()).isEqualTo("none");
    assertThat(schedule.alarmAt(at(2020, 3, 17, 7))).isEqualTo(new DeadlineSchedule.Alarm("reminder", 14));
    assertThat(schedule.alarmAt(at(2020, 3, 28, 8))).isEqualTo(new DeadlineSchedule.Alarm("reminder", 3));
    assertThat(schedule.alarmAt(at(2020, 3, 31, 23)).kind()).as("the deadline day is still in time").isEqualTo("reminder");
    assertThat(schedule.alarmAt(at(2020, 4, 1, 0)).kind()).isEqualTo("overdue");
    assertThat(day(schedule.nextAlarmAfter(at(2020, 3, 17, 7)))).isEqualTo(LocalDate.of(2020, 3, 28));
    assertThat(schedule.nextAlarmAfter(at(2020, 3, 28, 7))).isEqualTo(schedule.overdueAt());
  }

  @Test
  void aCongressStartedLateSkipsTheRemindersItMissed() {
    var schedule = new DeadlineSchedule(LocalDate.of(2020, 3, 31), CALENDAR_DAYS);

    assertThat(day(schedule.firstAlarmFrom(at(2020, 3, 20, 9)))).isEqualTo(LocalDate.of(2020, 3, 28));
    assertThat(schedule.firstAlarmFrom(at(2020, 4, 5, 9))).isEqualTo(schedule.overdueAt());
  }

  private static java.time.Instant at(int year, int month, int day, int hour) {
    return LocalDateTime.of(year, month, day, hour, 0).atZone(DueDates.ZONE).toInstant();
  }

  private static LocalDate day(java.time.Instant instant) {
    return instant.atZone(DueDates.ZONE).toLocalDate();
  }
}
