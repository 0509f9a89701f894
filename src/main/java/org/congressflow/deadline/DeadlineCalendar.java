package org.congressflow.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.congressflow.campaign.CampaignDefinition.DeadlinePolicy;

/** Counts days the way the campaign file says: calendar days, or working days without weekends and holidays. */
public final class DeadlineCalendar {

  private final boolean workingDays;
  private final Set<LocalDate> holidays;

  public DeadlineCalendar(DeadlinePolicy policy) {
    this.workingDays = policy.countsWorkingDays();
    this.holidays = Set.copyOf(policy.holidayList());
  }

  /** The day {@code days} days (or working days) before {@code date}. */
  public LocalDate minus(LocalDate date, int days) {
    return move(date, days, -1);
  }

  /** The day {@code days} days (or working days) after {@code date}. */
  public LocalDate plus(LocalDate date, int days) {
    return move(date, days, 1);
  }

  public boolean isWorkingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(date);
  }

  private LocalDate move(LocalDate date, int days, int direction) {
    if (!workingDays) {
      return date.plusDays((long) days * direction);
    }
    LocalDate day = date;
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(direction);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }
}
