package org.congressflow.congress;

import static org.congressflow.congress.CongressVariables.*;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of a gate task: the decision must be "approve" or "sendBack", a send-back needs a comment,
 * and every round is appended to {@code gateHistory} (JSON) so the drafting side sees all earlier comments.
 */
@Component("recordGateDecision")
class RecordGateDecision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(DECISION);
    String comment = (String) task.getVariable(COMMENT);
    if (!APPROVE.equals(decision) && !SEND_BACK.equals(decision)) {
      throw new ProcessEngineException("Quyết định phải là 'approve' (chấp thuận) hoặc 'sendBack' (trả lại), không phải '"
          + decision + "' (biến decision, công việc " + task.getName() + ")");
    }
    if (SEND_BACK.equals(decision) && (comment == null || comment.isBlank())) {
      throw new ProcessEngineException("Khi trả lại phải ghi ý kiến (biến comment, công việc " + task.getName() + ")");
    }
    var history = DecisionHistory.of(task, GATE_HISTORY);
    int round = history.count(task.getTaskDefinitionKey()) + 1;
    history.append()
        .put("gate", task.getTaskDefinitionKey())
        .put("round", round)
        .put("decision", (String) decision)
        .put("comment", comment == null ? "" : comment);
    history.save();
  }
}
