package org.congressflow.review;

import static org.congressflow.review.ReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.congressflow.campaign.CampaignRegistry;
import org.congressflow.campaign.DueDates;
import org.congressflow.organisation.CongressAccess;
import org.congressflow.organisation.OrganisationTree;
import org.springframework.stereotype.Component;

/**
 * Start of a quality review: the organisation's name and groups (its superior decides: the district standing committee
 * for base organisations, the province for the district), and the year reviewed and its deadlines from the campaign
 * file's {@code qualityReview}.
 */
@Component("loadReviewOrganisation")
class LoadReviewOrganisation implements ExecutionListener {

  private final OrganisationTree organisationTree;
  private final CampaignRegistry campaigns;
  private final CongressAccess congressAccess;

  LoadReviewOrganisation(OrganisationTree organisationTree, CampaignRegistry campaigns, CongressAccess congressAccess) {
    this.organisationTree = organisationTree;
    this.campaigns = campaigns;
    this.congressAccess = congressAccess;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String campaignId = (String) execution.getVariable(CAMPAIGN_ID);
    var setting = organisationTree.congressOf(campaignId, (String) execution.getVariable(ORGANISATION_ID));
    // as started: a campaign re-anchored for a live demo has its review dates moved with all its other dates
    var campaign = campaigns.definition(campaignId);
    var review = campaign.review();
    execution.setVariable(REVIEW_YEAR, review.year());
    execution.setVariable(ORGANISATION_NAME, setting.organisationName());
    execution.setVariable(CONGRESS_NAME, campaign.name());
    execution.setVariable(STAFF_GROUP, setting.staffGroup());
    execution.setVariable(LEADERS_GROUP, setting.leadersGroup());
    execution.setVariable(SUPERIOR_GROUP, setting.superiorGroup());
    execution.setVariable(SELF_REVIEW_DUE, DueDates.endOf(review.selfReviewBy()));
    execution.setVariable(DECISION_DUE, DueDates.endOf(review.decisionsBy()));
    execution.setVariable(PUBLICATION_DUE, DueDates.endOf(review.publishBy()));
    execution.setVariable(LEVELS_REFUSAL, "");
    congressAccess.grantRead(execution.getProcessInstanceId(), setting);
  }
}
