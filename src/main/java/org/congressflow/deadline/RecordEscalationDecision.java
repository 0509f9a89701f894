package org.congressflow.deadline;

import static org.congressflow.deadline.DeadlineVariables.*;

import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.DueDates;
import org.congressflow.decision.Decision;
import org.congressflow.decision.DecisionRecord;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/**
 * Completion of an escalation task: checks the decision and what it needs (a later date to extend, a name to
 * assign a directing member; always a reason) and writes who decided what and why to the decision record.
 */
@Component("recordEscalationDecision")
class RecordEscalationDecision implements TaskListener {

  private final DecisionRecord record;

  RecordEscalationDecision(DecisionRecord record) {
    this.record = record;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = (String) task.getVariable(ESCALATION_DECISION);
    String reason = (String) task.getVariable(REASON);
    Date newDeadline = newDeadline(task.getVariable(NEW_DEADLINE));
    String director = (String) task.getVariable(DIRECTING_MEMBER);
    var allowed = task.getTaskDefinitionKey().equals("DecideMissedDeadline")
        ? Set.of(EXTEND, ASSIGN_DIRECTOR) : Set.of(EXTEND, ASSIGN_DIRECTOR, RAISE);
    if (decision == null || !allowed.contains(decision)) {
      throw new Refusal("Chọn hướng xử lý: gia hạn" + (allowed.contains(RAISE)
          ? ", phân công đồng chí chỉ đạo hoặc báo cáo Ban Thường vụ" : " hoặc phân công đồng chí chỉ đạo"));
    }
    if (reason == null || reason.isBlank()) {
      throw new Refusal("Phải ghi lý do");
    }
    if (decision.equals(EXTEND) && (newDeadline == null || !newDeadline.after(ClockUtil.getCurrentTime()))) {
      throw new Refusal("Gia hạn cần ngày hạn mới sau hôm nay");
    }
    if (decision.equals(ASSIGN_DIRECTOR) && (director == null || director.isBlank())) {
      throw new Refusal("Phân công chỉ đạo cần họ tên đồng chí chỉ đạo");
    }
    if (decision.equals(EXTEND)) {
      task.setVariable(NEW_DEADLINE, newDeadline);
    }
    record.recordTask(task, Decision.ESCALATION, decision, new DecisionRecord.Details(reason,
        decision.equals(EXTEND) ? DueDates.today(newDeadline) : null, decision.equals(ASSIGN_DIRECTOR) ? director : null));
  }

  /** A date picked in Tasklist arrives as "yyyy-MM-dd"; over the API it may be a Date. */
  private static Date newDeadline(Object value) {
    try {
      var day = FormValues.date(value, "Hạn mới");
      return day == null ? null : DueDates.endOf(day);
    } catch (IllegalArgumentException e) {
      throw new Refusal(e.getMessage());
    }
  }
}
