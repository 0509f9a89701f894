package org.congressflow.congress;

import static org.congressflow.congress.CongressVariables.CAMPAIGN_ID;
import static org.congressflow.congress.CongressVariables.DISTRICT_DELEGATES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** District congress: its delegates are those elected at the base congresses; their number is recorded. */
@Component("collectDistrictDelegates")
class CollectDistrictDelegates implements JavaDelegate {

  private final CongressResults results;

  CollectDistrictDelegates(CongressResults results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(DISTRICT_DELEGATES, results.delegatesElectedAtBase((String) execution.getVariable(CAMPAIGN_ID)));
  }
}
