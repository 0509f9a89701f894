package org.congressflow.deadline;

import static org.congressflow.deadline.DeadlineVariables.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.DueDates;
import org.springframework.stereotype.Component;

/**
 * Moves the deadline of a running congress: its variables, the due and follow-up dates of its open tasks, the
 * overdue mark, and the deadline watch's waiting timer, which is set to the first alarm of the new date.
 */
@Component
class DeadlineMove {

  private static final List<String> WATCH_TIMERS = List.of("DeadlineAlarm", "NextAlarm");

  private final Deadlines deadlines;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final CongressSituation situation;

  DeadlineMove(Deadlines deadlines, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, CongressSituation situation) {
    this.situation = situation;
    this.deadlines = deadlines;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  /** Returns when the deadline watch should look next for the new date. */
  Date move(String processInstanceId, LocalDate newDue) {
    var campaignId = (String) runtimeService.getVariable(processInstanceId, "campaignId");
    Date oldDue = (Date) runtimeService.getVariable(processInstanceId, CONGRESS_DUE);
    var schedule = new DeadlineSchedule(newDue, deadlines.policy(campaignId));
    Date due = DueDates.endOf(newDue);
    Date followUp = Date.from(schedule.followUp());
    runtimeService.setVariable(processInstanceId, CONGRESS_DUE, due);
    runtimeService.setVariable(processInstanceId, FOLLOW_UP_DATE, followUp);
    runtimeService.setVariable(processInstanceId, OVERDUE, false);
    runtimeService.setVariable(processInstanceId, DAYS_OVERDUE, 0L);
    for (var task : taskService.createTaskQuery().processInstanceIdIn(situation.withParts(processInstanceId)).list()) {
      if (oldDue.equals(task.getDueDate())) {
        task.setDueDate(due);
        task.setFollowUpDate(followUp);
        taskService.saveTask(task);
      }
    }
    Date nextAlarm = Date.from(schedule.firstAlarmFrom(ClockUtil.getCurrentTime().toInstant()));
    rearmWatch(processInstanceId, nextAlarm);
    return nextAlarm;
  }

  /** A watch waiting for an alarm of the old date (the congress's first alarm, or the watch's next) waits for the new one. */
  private void rearmWatch(String processInstanceId, Date nextAlarm) {
    for (String instance : situation.withParts(processInstanceId)) {
      for (String timer : WATCH_TIMERS) {
        for (var job : managementService.createJobQuery().processInstanceId(instance).activityId(timer).list()) {
          managementService.setJobDuedate(job.getId(), nextAlarm);
        }
      }
    }
  }
}
