package org.congressflow.works;

import static org.congressflow.works.WorksVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.congressflow.rules.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * The counts of the registered list against the decision table welcoming-works-count. A refused list goes back to
 * the organisation with the table's messages (which rule, by how much) in {@code worksRefusal}.
 */
@Component("checkWorksCount")
class CheckWorksCount implements JavaDelegate {

  static final String DECISION = "welcoming-works-count";

  private final DecisionTables decisionTables;

  CheckWorksCount(DecisionTables decisionTables) {
    this.decisionTables = decisionTables;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var violations = decisionTables.violations(DECISION, Map.of(
        ORGANISATION_KIND, execution.getVariable(ORGANISATION_KIND),
        TOTAL_WORKS, execution.getVariable(TOTAL_WORKS),
        PROVINCIAL_WORKS, execution.getVariable(PROVINCIAL_WORKS),
        DISTRICT_WORKS, execution.getVariable(DISTRICT_WORKS)));
    execution.setVariable(WORKS_COUNT_ACCEPTED, violations.isEmpty());
    execution.setVariable(WORKS_REFUSAL,
        violations.isEmpty() ? "" : "Danh sách bị từ chối: " + String.join(" ", violations));
  }
}
