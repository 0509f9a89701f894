package org.congressflow.review;

import static org.congressflow.review.ReviewVariables.*;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/** Completion of the proposal: a level for the organisation and for every member (the rules are checked next). */
@Component("recordProposedLevels")
class RecordProposedLevels implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var problems = new ArrayList<String>();
    if (ReviewLevel.of(FormValues.text(task.getVariable(PROPOSED_ORGANISATION_LEVEL))) == null) {
      problems.add("Chưa chọn mức xếp loại đề xuất của tổ chức");
    }
    var members = ReviewMembers.merge(task, (kept, row) -> kept.withProposal(row.proposedLevel()));
    members.stream().filter(m -> ReviewLevel.of(m.proposedLevel()) == null)
        .forEach(m -> problems.add(m.name() + ": chưa chọn mức xếp loại đề xuất"));
    if (!problems.isEmpty()) {
      throw new Refusal("Đề xuất xếp loại chưa đủ: " + String.join("; ", problems));
    }
    ReviewMembers.keep(task, members);
  }
}
