package org.congressflow.review;

import static org.congressflow.review.ReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.congressflow.campaign.CampaignRegistry;
import org.congressflow.campaign.DueDates;
import org.congressflow.organisation.OrganisationTree;
import org.springframework.stereotype.Component;

/**
 * Start of a quality review: the organisation's name and groups (its superior decides: the district standing committee
 * for base organisations, the province for the district) and the review's deadlines.
 */
@Component("loadReviewOrganisation")
class LoadReviewOrganisation implements ExecutionListener {

  private final OrganisationTree organisationTree;
  private final ReviewProperties properties;
  private final CampaignRegistry campaigns;

  LoadReviewOrganisation(OrganisationTree organisationTree, ReviewProperties properties, CampaignRegistry campaigns) {
    this.organisationTree = organisationTree;
    this.properties = properties;
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String campaignId = (String) execution.getVariable(CAMPAIGN_ID);
    var setting = organisationTree.congressOf(campaignId, (String) execution.getVariable(ORGANISATION_ID));
    // a campaign re-anchored for a live demo moves the review's dates with all its other dates
    long shift = campaigns.shiftDays(campaignId);
    Object year = execution.getVariable(REVIEW_YEAR);
    int reviewYear = year instanceof Number n ? n.intValue() : properties.year();
    execution.setVariable(REVIEW_YEAR, reviewYear);
    execution.setVariable(ORGANISATION_NAME, setting.organisationName());
    execution.setVariable(STAFF_GROUP, setting.staffGroup());
    execution.setVariable(LEADERS_GROUP, setting.leadersGroup());
    execution.setVariable(SUPERIOR_GROUP, setting.superiorGroup());
    execution.setVariable(SELF_REVIEW_DUE, DueDates.endOf(properties.selfReviewBy().atYear(reviewYear).plusDays(shift)));
    execution.setVariable(DECISION_DUE, DueDates.endOf(properties.decisionsBy().atYear(reviewYear + 1).plusDays(shift)));
    execution.setVariable(PUBLICATION_DUE, DueDates.endOf(properties.publishBy().atYear(reviewYear + 1).plusDays(shift)));
    execution.setVariable(LEVELS_REFUSAL, "");
  }
}
