package org.congressflow.congress;

import static org.congressflow.congress.CongressVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.congressflow.campaign.CampaignRegistry;
import org.congressflow.deadline.DeadlineVariables;
import org.congressflow.deadline.Deadlines;
import org.congressflow.organisation.CongressAccess;
import org.congressflow.organisation.OrganisationTree;
import org.springframework.stereotype.Component;

/**
 * Start of every congress: copies the organisation's names, groups, deadline and its watch from the campaign,
 * and lets the groups that work on it read it.
 */
@Component("loadOrganisation")
class LoadOrganisation implements ExecutionListener {

  private final OrganisationTree organisationTree;
  private final CampaignRegistry campaigns;
  private final Deadlines deadlines;
  private final CongressAccess congressAccess;

  LoadOrganisation(OrganisationTree organisationTree, CampaignRegistry campaigns, Deadlines deadlines,
      CongressAccess congressAccess) {
    this.organisationTree = organisationTree;
    this.campaigns = campaigns;
    this.deadlines = deadlines;
    this.congressAccess = congressAccess;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String campaignId = (String) execution.getVariable(CAMPAIGN_ID);
    var campaign = campaigns.definition(campaignId);
    var setting = organisationTree.congressOf(campaignId, (String) execution.getVariable(ORGANISATION_ID));
    execution.setVariable(ORGANISATION_NAME, setting.organisationName());
    execution.setVariable(CONGRESS_NAME, setting.congressName());
    execution.setVariable(LEVEL, setting.level().code());
    execution.setVariable(PILOT, setting.pilot());
    execution.setVariable(DIRECT_SECRETARY_ELECTION, setting.pilot() && campaign.pilot().electsSecretaryDirectly());
    execution.setVariable(DELEGATES_CONGRESS, setting.delegatesCongress());
    execution.setVariable(STAFF_GROUP, setting.staffGroup());
    execution.setVariable(LEADERS_GROUP, setting.leadersGroup());
    execution.setVariable(SUPERIOR_GROUP, setting.superiorGroup());
    execution.setVariable(APPRAISAL_GROUP, setting.appraisalGroup());
    execution.setVariable(INSPECTION_GROUP, setting.inspectionGroup());
    execution.setVariable(DeadlineVariables.ESCALATION_GROUP, setting.escalationGroup());
    execution.setVariable(DeadlineVariables.STANDING_GROUP, setting.standingGroup());
    execution.setVariables(deadlines.watchVariables(campaign, setting.due()));
    congressAccess.grantRead(execution.getProcessInstanceId(), setting);
  }
}
