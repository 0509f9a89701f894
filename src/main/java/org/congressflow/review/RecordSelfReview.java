package org.congressflow.review;

import static org.congressflow.review.ReviewVariables.*;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/** Completion of the self-review: a level for the organisation and for every member; discipline in the year noted. */
@Component("recordSelfReview")
class RecordSelfReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var problems = new ArrayList<String>();
    if (ReviewLevel.of(FormValues.text(task.getVariable(ORGANISATION_SELF_LEVEL))) == null) {
      problems.add("Chưa chọn mức tự xếp loại của tổ chức");
    }
    var members = ReviewMembers.merge(task, (kept, row) -> kept.withSelfReview(row.disciplined(), row.selfLevel()));
    members.stream().filter(m -> ReviewLevel.of(m.selfLevel()) == null)
        .forEach(m -> problems.add(m.name() + ": chưa chọn mức tự xếp loại"));
    if (!problems.isEmpty()) {
      throw new Refusal("Tự kiểm điểm chưa đủ: " + String.join("; ", problems));
    }
    ReviewMembers.keep(task, members);
  }
}
