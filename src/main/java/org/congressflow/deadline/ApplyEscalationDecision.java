package org.congressflow.deadline;

import static org.congressflow.deadline.DeadlineVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.DueDates;
import org.congressflow.process.CongressParts;
import org.springframework.stereotype.Component;

/**
 * After an escalation decision: "extend" moves the congress deadline (and the due and follow-up dates of its open
 * tasks) and arms the watch for the new date; "assign a directing member" looks again after the repeat interval.
 */
@Component("applyEscalationDecision")
class ApplyEscalationDecision implements JavaDelegate {

  private final Deadlines deadlines;
  private final DeadlineMove deadlineMove;

  ApplyEscalationDecision(Deadlines deadlines, DeadlineMove deadlineMove) {
    this.deadlines = deadlines;
    this.deadlineMove = deadlineMove;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var policy = deadlines.policy(Deadlines.campaignOf(execution));
    if (EXTEND.equals(execution.getVariable(ESCALATION_DECISION))) {
      var newDue = DueDates.today((Date) execution.getVariable(NEW_DEADLINE));
      execution.setVariable(NEXT_ALARM_AT, deadlineMove.move(CongressParts.congressOf(execution).getProcessInstanceId(), newDue));
    } else {
      var next = new DeadlineCalendar(policy).plus(DueDates.today(ClockUtil.getCurrentTime()), policy.repeatDays());
      execution.setVariable(NEXT_ALARM_AT, Date.from(next.atStartOfDay(DueDates.ZONE).toInstant()));
    }
  }
}
