package org.congressflow.congress;

import static org.congressflow.congress.CongressVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.congressflow.deadline.DeadlineVariables;
import org.congressflow.document.DocumentRecord;
import org.congressflow.organisation.CongressAccess;
import org.congressflow.organisation.OrganisationTree;
import org.congressflow.process.CongressParts;
import org.springframework.stereotype.Component;

/**
 * Start of a shared part (approval gate, deadline watch) called by a congress: copies the congress's names and
 * groups, which the congress got from the campaign when it started, names the step the part was called for,
 * lets the congress's groups read the part as they read the congress, and gives a gate the list of documents
 * submitted to it.
 */
@Component("loadCongressPart")
class LoadCongressPart implements ExecutionListener {

  /** What a part shows and routes by, as its congress has it. */
  static final List<String> COPIED = List.of(CAMPAIGN_ID, ORGANISATION_ID, ORGANISATION_NAME, CONGRESS_NAME, LEVEL,
      STAFF_GROUP, LEADERS_GROUP, SUPERIOR_GROUP, APPRAISAL_GROUP, INSPECTION_GROUP,
      DeadlineVariables.ESCALATION_GROUP, DeadlineVariables.STANDING_GROUP, DeadlineVariables.ESCALATION_CYCLE,
      DeadlineVariables.FOLLOW_UP_DATE);

  private final OrganisationTree organisationTree;
  private final CongressAccess congressAccess;
  private final DocumentRecord documents;

  LoadCongressPart(OrganisationTree organisationTree, CongressAccess congressAccess, DocumentRecord documents) {
    this.organisationTree = organisationTree;
    this.congressAccess = congressAccess;
    this.documents = documents;
  }

  @Override
  public void notify(DelegateExecution execution) {
    DelegateExecution congress = CongressParts.congressOf(execution);
    for (String name : COPIED) {
      execution.setVariable(name, congress.getVariable(name));
    }
    execution.setVariable(GATE_STEP, CongressParts.stepOf(execution));
    execution.setVariable(GATE_NAME, CongressParts.stepNameOf(execution));
    var setting = organisationTree.congressOf((String) congress.getVariable(CAMPAIGN_ID),
        (String) congress.getVariable(ORGANISATION_ID));
    congressAccess.grantRead(execution.getProcessInstanceId(), setting);
    if (CongressParts.GATE.equals(CongressParts.keyOf(execution.getProcessDefinitionId()))) {
      // what the reviewer reads: every version submitted so far, as it stands when the step is submitted
      execution.setVariable(DOCUMENTS, SpinValues.jsonValue(documents.json(congress.getProcessInstanceId())).create());
      execution.setVariable(DOCUMENT_LINKS, documents.links(congress.getProcessInstanceId()));
    }
  }
}
