package org.congressflow.congress;

import static org.congressflow.congress.CongressVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Completion of a gate task: the decision must be "approve" or "sendBack", a send-back needs a comment,
 * and every round is appended to {@code gateHistory} (JSON) so the drafting side sees all earlier comments.
 */
@Component("recordGateDecision")
class RecordGateDecision implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

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
    ArrayNode history = history(task);
    int round = roundsOf(history, task.getTaskDefinitionKey()) + 1;
    history.addObject()
        .put("gate", task.getTaskDefinitionKey())
        .put("round", round)
        .put("decision", (String) decision)
        .put("comment", comment == null ? "" : comment)
        .put("by", decidedBy(task))
        .put("at", ClockUtil.getCurrentTime().toInstant().toString());
    task.getExecution().getProcessInstance().setVariable(GATE_HISTORY, SpinValues.jsonValue(history.toString()).create());
  }

  private static ArrayNode history(DelegateTask task) {
    JsonValue stored = task.getExecution().getProcessInstance().getVariableTyped(GATE_HISTORY);
    try {
      return stored == null ? JSON.createArrayNode() : (ArrayNode) JSON.readTree(stored.getValueSerialized());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("gateHistory is not a JSON array", e);
    }
  }

  private static String decidedBy(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() == null ? "" : task.getAssignee();
  }

  private static int roundsOf(ArrayNode history, String gate) {
    int rounds = 0;
    for (var entry : history) {
      if (gate.equals(entry.path("gate").asText())) {
        rounds++;
      }
    }
    return rounds;
  }
}
