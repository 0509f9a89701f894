package org.congressflow.works;

import static org.congressflow.works.WorksVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The superior approved the list: its works are stored, one welcoming-work process follows for each. */
@Component("recordApprovedWorks")
class RecordApprovedWorks implements JavaDelegate {

  private final WelcomingWorks welcomingWorks;

  RecordApprovedWorks(WelcomingWorks welcomingWorks) {
    this.welcomingWorks = welcomingWorks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    welcomingWorks.replaceApproved((String) execution.getVariable(CAMPAIGN_ID),
        (String) execution.getVariable(ORGANISATION_ID),
        CheckRegisteredWorks.storedList(execution.getVariableTyped(WORKS)), execution.getProcessInstanceId());
  }
}
