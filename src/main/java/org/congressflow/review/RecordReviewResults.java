package org.congressflow.review;

import static org.congressflow.review.ReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The competent level decided: the organisation's and its members' levels are stored for the year. */
@Component("recordReviewResults")
class RecordReviewResults implements JavaDelegate {

  private final ReviewResults results;

  RecordReviewResults(ReviewResults results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    results.save((String) execution.getVariable(CAMPAIGN_ID), (String) execution.getVariable(ORGANISATION_ID),
        ((Number) execution.getVariable(REVIEW_YEAR)).intValue(), (String) execution.getVariable(ORGANISATION_NAME),
        (String) execution.getVariable(PROPOSED_ORGANISATION_LEVEL), (String) execution.getVariable(SUPERIOR_GROUP),
        ReviewMembers.kept(execution), execution.getProcessInstanceId());
  }
}
