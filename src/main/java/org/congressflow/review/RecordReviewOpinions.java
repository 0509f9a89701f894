package org.congressflow.review;

import static org.congressflow.review.ReviewVariables.REVIEW_OPINIONS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/** The opinions collected on the organisation and its members must be written down. */
@Component("recordReviewOpinions")
class RecordReviewOpinions implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (FormValues.text(task.getVariable(REVIEW_OPINIONS)).isEmpty()) {
      throw new Refusal("Chưa tổng hợp ý kiến góp ý");
    }
  }
}
