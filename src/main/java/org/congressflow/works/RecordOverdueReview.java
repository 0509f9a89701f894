package org.congressflow.works;

import static org.congressflow.works.WorksVariables.OVERDUE_REVIEW_COMMENT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/** The organisation board's review of an overdue work needs its direction in writing. */
@Component("recordOverdueReview")
class RecordOverdueReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (FormValues.text(task.getVariable(OVERDUE_REVIEW_COMMENT)).isEmpty()) {
      throw new Refusal("Ghi ý kiến chỉ đạo, xử lý đối với công trình quá hạn");
    }
  }
}
