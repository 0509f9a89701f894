package org.congressflow.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Optional;
import org.congressflow.campaign.CampaignDefinition.DeadlinePolicy;
import org.congressflow.campaign.DueDates;

/**
 * The alarms of one deadline: a reminder at each lead time before it (at 07:00 on that day) and the escalation
 * when the deadline day is over. Pure: tested without the engine.
 */
public final class DeadlineSchedule {

  private static final LocalTime REMINDER_TIME = LocalTime.of(7, 0);

  /** What is due at a moment: nothing yet, a reminder (with its lead days), or the escalation. */
  public record Alarm(String kind, int leadDays) {
    public static final String NONE = "none";
    public static final String REMINDER = "reminder";
    public static final String OVERDUE = "overdue";
  }

  private final LocalDate due;
  private final DeadlinePolicy policy;
  private final DeadlineCalendar calendar;

  public DeadlineSchedule(LocalDate due, DeadlinePolicy policy) {
    this.due = due;
    this.policy = policy;
    this.calendar = new DeadlineCalendar(policy);
  }

  /** The first moment after the deadline day. */
  public Instant overdueAt() {
    return due.plusDays(1).atStartOfDay(DueDates.ZONE).toInstant();
  }

  public Instant reminderAt(int leadDays) {
    return calendar.minus(due, leadDays).atTime(REMINDER_TIME).atZone(DueDates.ZONE).toInstant();
  }

  /** The alarm at {@code now}: overdue, else the latest reminder already due, else none. */
  public Alarm alarmAt(Instant now) {
    if (!now.isBefore(overdueAt())) {
      return new Alarm(Alarm.OVERDUE, 0);
    }
    return policy.leadDays().stream()
        .filter(lead -> !reminderAt(lead).isAfter(now))
        .min(Comparator.naturalOrder())
        .map(lead -> new Alarm(Alarm.REMINDER, lead))
        .orElse(new Alarm(Alarm.NONE, 0));
  }

  /** The next moment after {@code now} at which an alarm is due (a reminder, or the escalation). */
  public Instant nextAlarmAfter(Instant now) {
    Optional<Instant> reminder = policy.leadDays().stream().map(this::reminderAt)
        .filter(at -> at.isAfter(now)).min(Comparator.naturalOrder());
    return reminder.orElse(overdueAt());
  }

  /** The first alarm from {@code now} on: a reminder still ahead, or (when all passed) the escalation. */
  public Instant firstAlarmFrom(Instant now) {
    return nextAlarmAfter(now.minusSeconds(1));
  }

  /** Follow-up date of the organisation's tasks: the first reminder. */
  public Instant followUp() {
    return policy.leadDays().stream().map(this::reminderAt).min(Comparator.naturalOrder()).orElse(overdueAt());
  }
}
