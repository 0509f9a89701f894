package org.congressflow.congress;

import static org.congressflow.congress.CongressVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.congressflow.campaign.DueDates;
import org.congressflow.organisation.CongressAccess;
import org.congressflow.organisation.OrganisationTree;
import org.springframework.stereotype.Component;

/** Start of every congress: copies the organisation's names, groups and deadline; its groups may read it. */
@Component("loadOrganisation")
class LoadOrganisation implements ExecutionListener {

  private final OrganisationTree organisationTree;
  private final CongressAccess congressAccess;

  LoadOrganisation(OrganisationTree organisationTree, CongressAccess congressAccess) {
    this.organisationTree = organisationTree;
    this.congressAccess = congressAccess;
  }

  @Override
  public void notify(DelegateExecution execution) {
    var setting = organisationTree.congressOf(
        (String) execution.getVariable(CAMPAIGN_ID), (String) execution.getVariable(ORGANISATION_ID));
    execution.setVariable(ORGANISATION_NAME, setting.organisationName());
    execution.setVariable(CONGRESS_NAME, setting.congressName());
    execution.setVariable(LEVEL, setting.level().code());
    execution.setVariable(PILOT, setting.pilot());
    execution.setVariable(DELEGATES_CONGRESS, setting.delegatesCongress());
    execution.setVariable(CONGRESS_DUE, DueDates.endOf(setting.due()));
    execution.setVariable(STAFF_GROUP, setting.staffGroup());
    execution.setVariable(LEADERS_GROUP, setting.leadersGroup());
    execution.setVariable(SUPERIOR_GROUP, setting.superiorGroup());
    execution.setVariable(APPRAISAL_GROUP, setting.appraisalGroup());
    execution.setVariable(INSPECTION_GROUP, setting.inspectionGroup());
    congressAccess.grantRead(execution.getProcessInstanceId(), setting);
  }
}
