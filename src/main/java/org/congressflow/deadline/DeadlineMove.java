package org.congressflow.deadline;

import static org.congressflow.deadline.DeadlineVariables.*;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.DueDates;
import org.springframework.stereotype.Component;

/** Moves a congress deadline: the variables, the open tasks' due and follow-up dates, the overdue mark. */
@Component
class DeadlineMove {

  private final Deadlines deadlines;
  private final TaskService taskService;

  DeadlineMove(Deadlines deadlines, TaskService taskService) {
    this.deadlines = deadlines;
    this.taskService = taskService;
  }

  /** Returns when the deadline watch should look next for the new date. */
  Date moveCongressDeadline(VariableScope congress, String processInstanceId, LocalDate newDue) {
    var campaignId = (String) congress.getVariable("campaignId");
    Date oldDue = (Date) congress.getVariable(CONGRESS_DUE);
    var policy = deadlines.policy(campaignId);
    var schedule = new DeadlineSchedule(newDue, policy);
    Date due = DueDates.endOf(newDue);
    congress.setVariable(CONGRESS_DUE, due);
    congress.setVariable(FOLLOW_UP_DATE, Date.from(schedule.followUp()));
    congress.setVariable(OVERDUE, false);
    congress.setVariable(DAYS_OVERDUE, 0L);
    for (var task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      if (oldDue.equals(task.getDueDate())) {
        task.setDueDate(due);
        task.setFollowUpDate(Date.from(schedule.followUp()));
        taskService.saveTask(task);
      }
    }
    return Date.from(schedule.firstAlarmFrom(ClockUtil.getCurrentTime().toInstant()));
  }

  Date moveCongressDeadline(org.camunda.bpm.engine.delegate.DelegateExecution execution, LocalDate newDue) {
    return moveCongressDeadline(execution, execution.getProcessInstanceId(), newDue);
  }
}
