package org.congressflow.works;

import static org.congressflow.works.WorksVariables.*;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.DueDates;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/** Completion of a work: the day and the form of its handing over (inauguration or plaque), not in the future. */
@Component("recordWorkCompletion")
class RecordWorkCompletion implements TaskListener {

  static final Set<String> KINDS = Set.of("inauguration", "plaque");

  private final WelcomingWorks welcomingWorks;

  RecordWorkCompletion(WelcomingWorks welcomingWorks) {
    this.welcomingWorks = welcomingWorks;
  }

  @Override
  public void notify(DelegateTask task) {
    var problems = new ArrayList<String>();
    java.time.LocalDate completedOn = null;
    try {
      completedOn = FormValues.date(task.getVariable(COMPLETED_ON), "Ngày hoàn thành");
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (completedOn == null && problems.isEmpty()) {
      problems.add("Chưa nhập ngày hoàn thành");
    } else if (completedOn != null && completedOn.isAfter(DueDates.today(ClockUtil.getCurrentTime()))) {
      problems.add("Ngày hoàn thành " + completedOn + " chưa đến");
    }
    String kind = FormValues.text(task.getVariable(COMPLETION_KIND));
    if (!KINDS.contains(kind)) {
      problems.add("Chọn hình thức hoàn thành: khánh thành hoặc gắn biển công trình");
    }
    if (!problems.isEmpty()) {
      throw new Refusal("Báo cáo hoàn thành chưa hợp lệ: " + String.join("; ", problems));
    }
    welcomingWorks.recordCompletion(((Number) task.getVariable(WORK_ID)).longValue(), completedOn, kind,
        FormValues.text(task.getVariable(COMPLETION_NOTE)));
  }
}
