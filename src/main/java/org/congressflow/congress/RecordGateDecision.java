package org.congressflow.congress;

import static org.congressflow.congress.CongressVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.congressflow.decision.Decision;
import org.congressflow.decision.DecisionRecord;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/**
 * Completion of a gate task: the decision must be "approve" or "sendBack", a send-back needs a comment,
 * and every round is written to the decision record, from which the next tasks show all earlier comments.
 */
@Component("recordGateDecision")
class RecordGateDecision implements TaskListener {

  private final DecisionRecord record;

  RecordGateDecision(DecisionRecord record) {
    this.record = record;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(DECISION);
    String comment = (String) task.getVariable(COMMENT);
    if (!APPROVE.equals(decision) && !SEND_BACK.equals(decision)) {
      throw new Refusal("Quyết định phải là 'approve' (chấp thuận) hoặc 'sendBack' (trả lại), không phải '"
          + decision + "' (biến decision, công việc " + task.getName() + ")");
    }
    if (SEND_BACK.equals(decision) && (comment == null || comment.isBlank())) {
      throw new Refusal("Khi trả lại phải ghi ý kiến (biến comment, công việc " + task.getName() + ")");
    }
    record.recordTask(task, Decision.GATE, (String) decision, new DecisionRecord.Details(comment, null, null));
  }
}
