package org.congressflow.works;

import static org.congressflow.works.WorksVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/** Completion of a progress report: a percentage from 0 to 100 (100 when the work is finished), kept on the work. */
@Component("recordWorkProgress")
class RecordWorkProgress implements TaskListener {

  private final WelcomingWorks welcomingWorks;

  RecordWorkProgress(WelcomingWorks welcomingWorks) {
    this.welcomingWorks = welcomingWorks;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean finished = FormValues.bool(task.getVariable(WORK_FINISHED));
    Long percent;
    try {
      percent = FormValues.number(task.getVariable(PROGRESS_PERCENT), "Tiến độ (%)");
    } catch (IllegalArgumentException e) {
      throw new Refusal(e.getMessage());
    }
    if (finished) {
      percent = 100L;
    }
    if (percent == null || percent < 0 || percent > 100) {
      throw new Refusal("Tiến độ (%) phải từ 0 đến 100, không phải " + percent);
    }
    task.setVariable(WORK_FINISHED, finished);
    task.setVariable(PROGRESS_PERCENT, percent.intValue());
    welcomingWorks.recordProgress(((Number) task.getVariable(WORK_ID)).longValue(), percent.intValue(),
        FormValues.text(task.getVariable(PROGRESS_NOTE)));
  }
}
