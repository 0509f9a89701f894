package org.congressflow.works;

import static org.congressflow.works.WorksVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The welcomed congress's deadline passed and the work is not completed: it is flagged ({@code workOverdue}, status
 * overdue) for the superior's organisation board. The escalation mechanism hooks in here.
 */
@Component("flagOverdueWork")
class FlagOverdueWork implements JavaDelegate {

  private final WelcomingWorks welcomingWorks;

  FlagOverdueWork(WelcomingWorks welcomingWorks) {
    this.welcomingWorks = welcomingWorks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    welcomingWorks.flagOverdue(((Number) execution.getVariable(WORK_ID)).longValue());
    execution.setVariable(WORK_OVERDUE, true);
  }
}
