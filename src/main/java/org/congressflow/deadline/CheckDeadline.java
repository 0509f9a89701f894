package org.congressflow.deadline;

import static org.congressflow.deadline.DeadlineVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.DueDates;
import org.congressflow.deadline.DeadlineSchedule.Alarm;
import org.springframework.stereotype.Component;

/**
 * Deadline watch: what the alarm that just fired means now (a reminder, the escalation, or nothing because the
 * deadline moved) and when the next alarm is due. An escalation marks the congress overdue.
 */
@Component("checkDeadline")
class CheckDeadline implements JavaDelegate {

  private final Deadlines deadlines;

  CheckDeadline(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var policy = deadlines.policy(Deadlines.campaignOf(execution));
    Date due = (Date) execution.getVariable(CONGRESS_DUE);
    var now = ClockUtil.getCurrentTime().toInstant();
    var schedule = new DeadlineSchedule(DueDates.today(due), policy);
    Alarm alarm = schedule.alarmAt(now);
    execution.setVariable(ALARM, alarm.kind());
    execution.setVariable(REMINDER_LEAD_DAYS, alarm.leadDays());
    if (alarm.kind().equals(Alarm.OVERDUE)) {
      execution.setVariable(OVERDUE, true);
      execution.setVariable(DAYS_OVERDUE, DeadlineMails.daysSince(due));
      execution.setVariable(ESCALATIONS, ((Number) execution.getVariable(ESCALATIONS)).intValue() + 1);
      execution.setVariable(ESCALATION_DUE, DueDates.endOf(
          new DeadlineCalendar(policy).plus(DueDates.today(ClockUtil.getCurrentTime()), policy.repeatDays())));
    } else {
      execution.setVariable(NEXT_ALARM_AT, Date.from(schedule.nextAlarmAfter(now)));
    }
  }
}
