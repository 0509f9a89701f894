package org.congressflow.deadline;

import static org.congressflow.deadline.DeadlineVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.DueDates;
import org.congressflow.deadline.DeadlineSchedule.Alarm;
import org.congressflow.process.CongressParts;
import org.springframework.stereotype.Component;

/**
 * Deadline watch: what the alarm that just fired means now (a reminder, the escalation, or nothing because the
 * deadline moved) and when the next alarm is due. It reads the deadline of the congress that called the watch;
 * an escalation marks that congress overdue.
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
    DelegateExecution congress = CongressParts.congressOf(execution);
    Date due = (Date) congress.getVariable(CONGRESS_DUE);
    var now = ClockUtil.getCurrentTime().toInstant();
    var schedule = new DeadlineSchedule(DueDates.today(due), policy);
    Alarm alarm = schedule.alarmAt(now);
    execution.setVariable(ALARM, alarm.kind());
    execution.setVariable(REMINDER_LEAD_DAYS, alarm.leadDays());
    if (alarm.kind().equals(Alarm.OVERDUE)) {
      congress.setVariable(OVERDUE, true);
      congress.setVariable(DAYS_OVERDUE, DeadlineMails.daysSince(due));
      congress.setVariable(ESCALATIONS, ((Number) congress.getVariable(ESCALATIONS)).intValue() + 1);
      // what the escalation tasks show, as it stands when they open
      execution.setVariable(CONGRESS_DUE, due);
      execution.setVariable(DAYS_OVERDUE, DeadlineMails.daysSince(due));
      execution.setVariable(ESCALATION_DUE, DueDates.endOf(
          new DeadlineCalendar(policy).plus(DueDates.today(ClockUtil.getCurrentTime()), policy.repeatDays())));
    } else {
      execution.setVariable(NEXT_ALARM_AT, Date.from(schedule.nextAlarmAfter(now)));
    }
  }
}
