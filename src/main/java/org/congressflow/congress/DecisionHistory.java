package org.congressflow.congress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** A JSON array variable of the process instance that keeps every decision: what, who, when. */
public final class DecisionHistory {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DelegateTask task;
  private final String variable;
  private final ArrayNode entries;

  private DecisionHistory(DelegateTask task, String variable) {
    this.task = task;
    this.variable = variable;
    JsonValue stored = task.getExecution().getProcessInstance().getVariableTyped(variable);
    try {
      this.entries = stored == null ? JSON.createArrayNode() : (ArrayNode) JSON.readTree(stored.getValueSerialized());
    } catch (IOException e) {
      throw new IllegalStateException(variable + " is not a JSON array", e);
    }
  }

  public static DecisionHistory of(DelegateTask task, String variable) {
    return new DecisionHistory(task, variable);
  }

  /** How many entries the given task key already has. */
  public int count(String taskKey) {
    int count = 0;
    for (var entry : entries) {
      if (taskKey.equals(entry.path("task").asText())) {
        count++;
      }
    }
    return count;
  }

  /** Appends an entry with the task, the deciding user and the time, and stores the array; returns the entry. */
  public ObjectNode append() {
    ObjectNode entry = entries.addObject()
        .put("task", task.getTaskDefinitionKey())
        .put("by", decidedBy())
        .put("at", ClockUtil.getCurrentTime().toInstant().toString());
    return entry;
  }

  public void save() {
    task.getExecution().getProcessInstance().setVariable(variable, SpinValues.jsonValue(entries.toString()).create());
  }

  private String decidedBy() {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() == null ? "" : task.getAssignee();
  }
}
