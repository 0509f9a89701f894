package org.congressflow.works;

import static org.congressflow.works.WorksVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before the welcomed congress: the work is marked as warned and the organisation's open progress report says so
 * at the top, with a higher priority. (E-mail reminders come with the deadline mechanism.)
 */
@Component("warnWorkDueSoon")
class WarnWorkDueSoon implements JavaDelegate {

  static final int WARNED_PRIORITY = 80;

  private final WelcomingWorks welcomingWorks;

  WarnWorkDueSoon(WelcomingWorks welcomingWorks) {
    this.welcomingWorks = welcomingWorks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    welcomingWorks.markWarned(((Number) execution.getVariable(WORK_ID)).longValue());
    String warning = "Sắp đến hạn: công trình \"" + execution.getVariable(WORK_NAME) + "\" phải hoàn thành trước "
        + execution.getVariable(WORK_DUE_TEXT) + ".";
    execution.setVariable(WORK_DUE_WARNING, warning);
    var taskService = execution.getProcessEngineServices().getTaskService();
    for (var task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      task.setDescription(warning + " " + (task.getDescription() == null ? "" : task.getDescription()));
      task.setPriority(WARNED_PRIORITY);
      task.setFollowUpDate((Date) execution.getVariable(WORK_WARNING));
      taskService.saveTask(task);
    }
  }
}
