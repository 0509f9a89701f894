package org.congressflow.review;

import static org.congressflow.review.ReviewVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/** Publication of the results: the day they were announced is kept with them. */
@Component("publishReviewResults")
class PublishReviewResults implements TaskListener {

  private final ReviewResults results;

  PublishReviewResults(ReviewResults results) {
    this.results = results;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate publishedOn;
    try {
      publishedOn = FormValues.date(task.getVariable(PUBLISHED_ON), "Ngày công bố");
    } catch (IllegalArgumentException e) {
      throw new Refusal(e.getMessage());
    }
    if (publishedOn == null) {
      throw new Refusal("Chưa nhập ngày công bố kết quả");
    }
    results.markPublished((String) task.getVariable(CAMPAIGN_ID), (String) task.getVariable(ORGANISATION_ID),
        ((Number) task.getVariable(REVIEW_YEAR)).intValue(), publishedOn);
  }
}
