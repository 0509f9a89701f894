package org.congressflow.review;

import static org.congressflow.review.ReviewVariables.*;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/** The collective review meeting: its date and its minutes. */
@Component("recordReviewMeeting")
class RecordReviewMeeting implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var problems = new ArrayList<String>();
    try {
      if (FormValues.date(task.getVariable(MEETING_DATE), "Ngày họp") == null) {
        problems.add("Chưa nhập ngày họp kiểm điểm");
      }
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (FormValues.text(task.getVariable(MEETING_MINUTES)).isEmpty()) {
      problems.add("Chưa nhập biên bản họp kiểm điểm");
    }
    if (!problems.isEmpty()) {
      throw new Refusal(String.join("; ", problems));
    }
  }
}
